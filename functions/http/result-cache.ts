import { createHash } from 'node:crypto';

export interface CachedResult {
  readonly etag: string;
  readonly mediaType: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ResultCacheLimits {
  /** RESULT_CACHE_BYTES: the bytes all cached answers (and their keys) may hold together. */
  readonly maxBytes: number;
  /** RESULT_CACHE_MAX_ENTRY_BYTES: an answer larger than this is never cached. */
  readonly maxEntryBytes: number;
}

const MIB = 1024 * 1024;
/** 64 MiB: a small share of a laptop's server and of a 1769 MB Lambda alike (its store takes far more). */
export const DEFAULT_RESULT_CACHE_LIMITS: ResultCacheLimits = { maxBytes: 64 * MIB, maxEntryBytes: MIB };

/** The cache limits from RESULT_CACHE_BYTES and RESULT_CACHE_MAX_ENTRY_BYTES (0 turns the cache off). */
export function resultCacheLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ResultCacheLimits {
  const bytes = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number of bytes, got "${raw}"`);
    return value;
  };
  return {
    maxBytes: bytes('RESULT_CACHE_BYTES', DEFAULT_RESULT_CACHE_LIMITS.maxBytes),
    maxEntryBytes: bytes('RESULT_CACHE_MAX_ENTRY_BYTES', DEFAULT_RESULT_CACHE_LIMITS.maxEntryBytes),
  };
}

/**
 * Query results by (dataset version, query, protocol dataset, response type), least recently used out
 * first until the entries fit in `maxBytes`. The same key always gives the same bytes for one version,
 * so its ETag is known before the query runs and a matching If-None-Match is answered 304 without
 * running it.
 */
export class ResultCache {
  private readonly entries = new Map<string, { readonly value: CachedResult; readonly bytes: number }>();
  private total = 0;

  constructor(private readonly limits: ResultCacheLimits = DEFAULT_RESULT_CACHE_LIMITS) {}

  static key(parts: readonly string[]): string {
    return parts.join('\u0000');
  }

  static etagOf(key: string): string {
    return `"${createHash('sha256').update(key).digest('hex').slice(0, 32)}"`;
  }

  /** What an entry counts against the limits: the UTF-8 bytes of its key, body and headers. */
  static sizeOf(key: string, value: CachedResult): number {
    let bytes = Buffer.byteLength(key) + Buffer.byteLength(value.body) + Buffer.byteLength(value.mediaType);
    bytes += Buffer.byteLength(value.etag);
    for (const [name, text] of Object.entries(value.headers))
      bytes += Buffer.byteLength(name) + Buffer.byteLength(text);
    return bytes;
  }

  /** Bytes held now (the sum of `sizeOf` over the entries). */
  get bytes(): number {
    return this.total;
  }

  /** The keys, least recently used first. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  get(key: string): CachedResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit?.value;
  }

  /** Keeps `value` unless it is larger than one entry may be; older entries leave until all fit. */
  set(key: string, value: CachedResult): boolean {
    this.delete(key);
    const bytes = ResultCache.sizeOf(key, value);
    if (bytes > this.limits.maxEntryBytes || bytes > this.limits.maxBytes) return false;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return true;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.bytes;
  }
}
