import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { compareStrings } from '../compare.js';
import { StorageError, type ObjectInfo, type PutOptions, type Storage, type StoredObject } from './storage.js';

export interface S3StorageOptions {
  readonly bucket: string;
  /** A custom endpoint (any S3-compatible server, e.g. s3rver on loopback); AWS when absent. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly client?: S3Client;
}

/** The storage interface over an S3 bucket (AWS or any S3-compatible server). */
export class S3Storage implements Storage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    const config: S3ClientConfig = {
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      // Checksums only where S3 requires them: S3-compatible servers reject the newer trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    };
    this.client = options.client ?? new S3Client(config);
  }

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = Buffer.from(await out.Body!.transformToByteArray());
      return { body, contentType: out.ContentType, metadata: out.Metadata ?? {} };
    } catch (error) {
      if (error instanceof NoSuchKey || isNotFound(error)) return undefined;
      throw new StorageError(`cannot read s3://${this.bucket}/${key}`, key, { cause: error });
    }
  }

  async put(key: string, body: Buffer | string, options: PutOptions = {}): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          Metadata: options.metadata ? { ...options.metadata } : undefined,
        }),
      );
    } catch (error) {
      throw new StorageError(`cannot write s3://${this.bucket}/${key}`, key, { cause: error });
    }
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: out.ContentLength ?? 0, contentType: out.ContentType, metadata: out.Metadata ?? {} };
    } catch (error) {
      if (error instanceof NotFound || isNotFound(error)) return undefined;
      throw new StorageError(`cannot read s3://${this.bucket}/${key}`, key, { cause: error });
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys.sort(compareStrings);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
