/** An object as stored, with its content type and user metadata. */
export interface StoredObject {
  readonly body: Buffer;
  readonly contentType?: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  readonly contentType?: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface PutOptions {
  readonly contentType?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly cacheControl?: string;
}

/**
 * The one storage interface of the pipeline: keys with `/` as folders, like S3. Two implementations:
 * the filesystem (the embedded default) and S3 (any S3-compatible server).
 */
export interface Storage {
  get(key: string): Promise<StoredObject | undefined>;
  put(key: string, body: Buffer | string, options?: PutOptions): Promise<void>;
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Every key under the prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

/** Raised for storage failures other than a missing object (which `get` and `head` answer with undefined). */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}
