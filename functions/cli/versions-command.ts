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

/** `icat-kg versions`: the published dump sets, the one served marked with `*`. */
export async function versionsCommand(location: DumpsLocation, io: CliIo): Promise<number> {
  const { versions, latest } = await listVersions(dumpsStorage(location));
  for (const v of versions) io.out(`${v === latest ? '*' : ' '} ${v}`);
  if (versions.length === 0) io.out('No dump set is published yet.');
  return 0;
}

/** `icat-kg rollback VERSION`: serve an earlier published dump set again. */
export async function rollbackCommand(version: string, location: DumpsLocation, io: CliIo): Promise<number> {
  const pointer = await pointLatestTo(dumpsStorage(location), version);
  io.out(`latest.json now names ${pointer.version} (${pointer.manifest}).`);
  return 0;
}
