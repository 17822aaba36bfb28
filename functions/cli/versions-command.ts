import { listVersions, pointLatestTo } from '../pipeline/versions.js';
import { FsStorage } from '../storage/fs-storage.js';
import { S3Storage } from '../storage/s3-storage.js';
import type { Storage } from '../storage/storage.js';
import type { CliIo } from './io.js';

export interface DumpsLocation {
  readonly bucket?: string;
  readonly endpoint?: string;
  readonly dir?: string;
}

function dumpsStorage(location: DumpsLocation): Storage {
  if (location.dir) return new FsStorage(location.dir);
  if (!location.bucket) throw new Error('name the dumps with --bucket NAME (S3) or --dir DIR (a folder)');
  return new S3Storage({ bucket: location.bucket, ...(location.endpoint ? { endpoint: location.endpoint } : {}) });
}

/**
 * `icat-kg versions`: every dump set, the one served marked with `*`, each checked against its manifest
 * (sizes; `--verify` also SHA-256). An incomplete set is listed with what is wrong, and exits 0: listing
 * is not failing. Rollback refuses such a set.
 */
export async function versionsCommand(
  location: DumpsLocation & { readonly verify?: boolean },
  io: CliIo,
): Promise<number> {
  const { versions, latest } = await listVersions(dumpsStorage(location), location.verify ? 'hashes' : 'sizes');
  for (const v of versions) {
    const mark = v.version === latest ? '*' : ' ';
    if (v.problems.length === 0) io.out(`${mark} ${v.version}  complete, ${v.files} files`);
    else io.out(`${mark} ${v.version}  INCOMPLETE: ${v.problems.join('; ')}`);
  }
  if (versions.length === 0) io.out('No dump set is published yet.');
  return 0;
}

/** `icat-kg rollback VERSION`: serve an earlier published dump set again, once every file checks out. */
export async function rollbackCommand(version: string, location: DumpsLocation, io: CliIo): Promise<number> {
  const pointer = await pointLatestTo(dumpsStorage(location), version);
  io.out(`latest.json now names ${pointer.version} (${pointer.manifest}); every file matched its size and SHA-256.`);
  return 0;
}
