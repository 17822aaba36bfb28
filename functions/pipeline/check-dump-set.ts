import { sha256 } from '../publish/dump-file.js';
import type { Storage } from '../storage/storage.js';
import { manifestKeyOf, versionPrefix, type ManifestEntry } from './layout.js';
import { mapLimit } from './map-limit.js';

/** `sizes`: every file is there with the manifest's size (one HEAD each); `hashes`: also its SHA-256 (reads every byte). */
export type CheckDepth = 'sizes' | 'hashes';

export interface DumpSetCheck {
  readonly version: string;
  /** The files the manifest lists (0 without a readable manifest). */
  readonly files: number;
  /** One line per problem, each naming the key of the bad file; empty for a complete set. */
  readonly problems: readonly string[];
}

/**
 * Checks a dump set against its manifest. A set without a manifest is incomplete: the manifest is
 * written only after every other file of a publish succeeded.
 */
export async function checkDumpSet(dumps: Storage, version: string, depth: CheckDepth): Promise<DumpSetCheck> {
  const manifestKey = manifestKeyOf(version);
  const object = await dumps.get(manifestKey);
  if (!object)
    return { version, files: 0, problems: [`${manifestKey} is missing: the publish of ${version} did not finish`] };
  let entries: ManifestEntry[];
  try {
    entries = parseManifest(object.body.toString('utf8'), version);
  } catch (error) {
    return { version, files: 0, problems: [`${manifestKey} is unreadable: ${(error as Error).message}`] };
  }
  const prefix = versionPrefix(version);
  const problems = await mapLimit(entries, 8, async (entry) => {
    const key = `${prefix}${entry.path}`;
    if (depth === 'sizes') {
      const info = await dumps.head(key);
      if (!info) return `${key} is missing`;
      return info.size === entry.size ? undefined : `${key} is ${info.size} bytes, the manifest says ${entry.size}`;
    }
    const file = await dumps.get(key);
    if (!file) return `${key} is missing`;
    if (file.body.length !== entry.size) return `${key} is ${file.body.length} bytes, the manifest says ${entry.size}`;
    const actual = sha256(file.body);
    return actual === entry.sha256 ? undefined : `${key} has SHA-256 ${actual}, the manifest says ${entry.sha256}`;
  });
  return { version, files: entries.length, problems: problems.filter((p): p is string => p !== undefined) };
}

function parseManifest(text: string, version: string): ManifestEntry[] {
  const manifest = JSON.parse(text) as { version?: unknown; files?: unknown };
  if (manifest.version !== version) throw new Error(`it names version ${String(manifest.version)}`);
  if (!Array.isArray(manifest.files)) throw new Error('it lists no files');
  return manifest.files.map((f: Partial<ManifestEntry>, i) => {
    if (typeof f.path !== 'string' || typeof f.size !== 'number' || typeof f.sha256 !== 'string')
      throw new Error(`files[${i}] lacks path, size or sha256`);
    return f as ManifestEntry;
  });
}
