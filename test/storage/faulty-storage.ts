import { StorageError, type PutOptions, type Storage } from '../../functions/storage/storage.js';

/** Which write fails: the Nth put (counting from 1), or every put of a key. */
export type Fault = { readonly nthPut: number } | { readonly key: (key: string) => boolean };

/**
 * A storage that wraps a real one and fails writes on purpose, as a dropped connection or a refused
 * request would: the failing put raises a StorageError and writes nothing (an S3 PUT is atomic); every
 * other call goes through to the real storage.
 */
export class FaultyStorage implements Storage {
  /** Keys whose put succeeded, in order. */
  readonly written: string[] = [];
  /** Keys whose put was failed on purpose. */
  readonly failed: string[] = [];
  private puts = 0;

  constructor(
    private readonly inner: Storage,
    private readonly fault: Fault,
  ) {}

  async put(key: string, body: Buffer | string, options?: PutOptions): Promise<void> {
    this.puts += 1;
    const fails = 'nthPut' in this.fault ? this.puts === this.fault.nthPut : this.fault.key(key);
    if (fails) {
      this.failed.push(key);
      throw new StorageError(`injected fault: cannot write ${key}`, key);
    }
    await this.inner.put(key, body, options);
    this.written.push(key);
  }

  get(key: string) {
    return this.inner.get(key);
  }
  head(key: string) {
    return this.inner.head(key);
  }
  list(prefix: string) {
    return this.inner.list(prefix);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
}
