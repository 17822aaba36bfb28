import { compareStrings } from '../compare.js';
import { triplesOfVoid } from '../publish/void.js';
import type { Storage } from '../storage/storage.js';
import { checkDumpSet, type CheckDepth, type DumpSetCheck } from './check-dump-set.js';
import { LAYOUT, manifestKeyOf, versionPrefix, type LatestPointer } from './layout.js';
import { readLatest } from './load-published.js';
import { mapLimit } from './map-limit.js';

/**
 * Every dump set under `dumps/` (complete or not: a failed publish leaves files without a manifest),
 * each checked against its manifest, and the version `latest.json` names.
 */
export async function listVersions(
  dumps: Storage,
  depth: CheckDepth = 'sizes',
): Promise<{ versions: DumpSetCheck[]; latest?: string }> {
  const names = new Set<string>();
  for (const key of await dumps.list(LAYOUT.dumps)) {
    const parts = key.split('/');
    if (parts.length >= 3) names.add(parts[1]!);
  }
  const versions = await mapLimit([...names].sort(compareStrings), 4, (v) => checkDumpSet(dumps, v, depth));
  const latest = await readLatest(dumps);
  return { versions, ...(latest ? { latest: latest.version } : {}) };
}

/** Raised when a rollback target is absent or fails its check; the message names every bad file. */
export class RollbackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackRefused';
  }
}

/**
 * Rolls back (or forward) by pointing `latest.json` at an earlier published version: the dump sets are
 * immutable, so nothing else changes. Every file is first checked against the manifest (size and
 * SHA-256): a set that would fail the sparql function is refused and `latest.json` stays. The sparql
 * function picks the new pointer up on its next refresh.
 */
export async function pointLatestTo(dumps: Storage, version: string): Promise<LatestPointer> {
  const manifest = manifestKeyOf(version);
  if ((await dumps.list(versionPrefix(version))).length === 0)
    throw new RollbackRefused(`no dump set ${version}: ${manifest} does not exist`);
  const check = await checkDumpSet(dumps, version, 'hashes');
  if (check.problems.length > 0)
    throw new RollbackRefused(`cannot roll back to ${version}, latest.json is unchanged: ${check.problems.join('; ')}`);
  const voidFile = await dumps.get(`${versionPrefix(version)}void.ttl`);
  const triples = (voidFile && triplesOfVoid(voidFile.body.toString('utf8'))) ?? 0;
  const pointer: LatestPointer = { version, manifest, quads: 0, triples };
  await dumps.put(LAYOUT.latest, `${JSON.stringify(pointer, null, 2)}\n`, {
    contentType: 'application/json',
    cacheControl: 'public, max-age=60',
  });
  return pointer;
}
