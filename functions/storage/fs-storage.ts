import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { compareStrings } from '../compare.js';
import { StorageError, type ObjectInfo, type PutOptions, type Storage, type StoredObject } from './storage.js';

const META = '.meta';
const PARTIAL = '.partial';

/** Storage in a folder: one file per key, content type and metadata in a sidecar under `.meta/`. */
export class FsStorage implements Storage {
  constructor(private readonly root: string) {}

  async get(key: string): Promise<StoredObject | undefined> {
    const body = await readFile(this.path(key)).catch(missing);
    if (!body) return undefined;
    const meta = await this.meta(key);
    return { body, contentType: meta.contentType, metadata: meta.metadata };
  }

  async put(key: string, body: Buffer | string, options: PutOptions = {}): Promise<void> {
    await mkdir(dirname(this.path(key)), { recursive: true });
    await mkdir(dirname(this.metaPath(key)), { recursive: true });
    await this.writeAtomically(
      this.metaPath(key),
      JSON.stringify({ contentType: options.contentType, metadata: options.metadata ?? {} }),
    );
    await this.writeAtomically(this.path(key), body);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const info = await stat(this.path(key)).catch(missing);
    if (!info?.isFile()) return undefined;
    const meta = await this.meta(key);
    return { key, size: info.size, contentType: meta.contentType, metadata: meta.metadata };
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(missing);
      for (const entry of entries ?? []) {
        if (entry.name === META && dir === this.root) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else keys.push(relative(this.root, path).split(sep).join('/'));
      }
    };
    await walk(this.root);
    return keys.filter((k) => k.startsWith(prefix)).sort(compareStrings);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
    await rm(this.metaPath(key), { force: true });
  }

  /**
   * Like S3, a reader sees the old object or the new one, never a part: the bytes go to a temporary file
   * (under `.meta/`, so never listed) renamed into place, which is atomic on one filesystem.
   */
  private async writeAtomically(path: string, body: Buffer | string): Promise<void> {
    const partial = join(this.root, META, PARTIAL, randomUUID());
    await mkdir(dirname(partial), { recursive: true });
    try {
      await writeFile(partial, body);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  private path(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === '' || part === META)) {
      throw new StorageError(`invalid key "${key}"`, key);
    }
    return join(this.root, ...key.split('/'));
  }

  private metaPath(key: string): string {
    return join(this.root, META, ...key.split('/')) + '.json';
  }

  private async meta(key: string): Promise<{ contentType?: string; metadata: Record<string, string> }> {
    const text = await readFile(this.metaPath(key), 'utf8').catch(missing);
    return text ? (JSON.parse(text) as { contentType?: string; metadata: Record<string, string> }) : { metadata: {} };
  }
}

function missing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
