import { triplesOfVoid } from '../publish/void.js';
import type { Storage } from '../storage/storage.js';
import { LAYOUT, type LatestPointer } from './layout.js';
import { readLatest } from './load-published.js';

/** The published versions (those with a manifest), and which one `latest.json` names. */
export async function listVersions(dumps: Storage): Promise<{ versions: string[]; latest?: string }> {
  const versions = (await dumps.list(LAYOUT.dumps))
    .filter((k) => k.endsWith('/manifest.json') && k.split('/').length === 3)
    .map((k) => k.split('/')[1]!);
  const latest = await readLatest(dumps);
  return { versions, ...(latest ? { latest: latest.version } : {}) };
}

/**
 * Rolls back (or forward) by pointing `latest.json` at an earlier published version: the dump sets are
 * immutable, so nothing else changes. The sparql function picks it up on its next refresh.
 */
export async function pointLatestTo(dumps: Storage, version: string): Promise<LatestPointer> {
  const manifest = `${LAYOUT.dumps}${version}/manifest.json`;
  if (!(await dumps.head(manifest))) throw new Error(`no dump set ${version}: ${manifest} does not exist`);
  const voidFile = await dumps.get(`${LAYOUT.dumps}${version}/void.ttl`);
  const triples = (voidFile && triplesOfVoid(voidFile.body.toString('utf8'))) ?? 0;
  const pointer: LatestPointer = { version, manifest, quads: 0, triples };
  await dumps.put(LAYOUT.latest, `${JSON.stringify(pointer, null, 2)}\n`, {
    contentType: 'application/json',
    cacheControl: 'public, max-age=60',
  });
  return pointer;
}
