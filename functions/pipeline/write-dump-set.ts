import type { DumpSet } from '../publish/dump-set.js';
import type { Storage } from '../storage/storage.js';
import { LAYOUT, manifestKeyOf, versionPrefix, type LatestPointer } from './layout.js';
import { mapLimit } from './map-limit.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Writes a dump set and switches `latest.json` to it, in an order that never exposes a broken set:
 * every data file first (no new write starts once one failed), then `manifest.json`, which marks the
 * set complete, then `latest.json`. If the switch fails, a manifest this publish created is removed
 * again, so a failed publish never leaves a version that looks published. A manifest that was already
 * there (the same records published before) stays: its set was complete before and still is.
 */
export async function writeDumpSet(dumps: Storage, dumpSet: DumpSet): Promise<LatestPointer> {
  const prefix = versionPrefix(dumpSet.version);
  const manifestKey = manifestKeyOf(dumpSet.version);
  const manifest = dumpSet.files.find((f) => f.path === 'manifest.json');
  if (!manifest) throw new Error(`dump set ${dumpSet.version} has no manifest.json`);
  const hadManifest = (await dumps.head(manifestKey)) !== undefined;

  await mapLimit(
    dumpSet.files.filter((f) => f !== manifest),
    8,
    (file) =>
      dumps.put(`${prefix}${file.path}`, file.content, {
        contentType: file.gzip ? 'application/gzip' : file.mediaType,
        cacheControl: IMMUTABLE,
      }),
  );
  await dumps.put(manifestKey, manifest.content, { contentType: manifest.mediaType, cacheControl: IMMUTABLE });

  const latest: LatestPointer = {
    version: dumpSet.version,
    manifest: manifestKey,
    quads: dumpSet.statistics.quads,
    triples: dumpSet.statistics.triples,
  };
  try {
    await dumps.put(LAYOUT.latest, `${JSON.stringify(latest, null, 2)}\n`, {
      contentType: 'application/json',
      cacheControl: 'public, max-age=60',
    });
  } catch (error) {
    if (!hadManifest) await dumps.delete(manifestKey).catch(() => undefined);
    throw error;
  }
  return latest;
}
