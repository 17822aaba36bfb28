import { createHash } from 'node:crypto';

export interface CachedResult {
  readonly etag: string;
  readonly mediaType: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Query results by (dataset version, query, protocol dataset, response type), least recently used out
 * first. The same key always gives the same bytes for one version, so its ETag is known before the
 * query runs and a matching If-None-Match is answered 304 without running it.
 */
export class ResultCache {
  private readonly entries = new Map<string, CachedResult>();

  constructor(private readonly maxEntries = 500) {}

  static key(parts: readonly string[]): string {
    return parts.join('\u0000');
  }

  static etagOf(key: string): string {
    return `"${createHash('sha256').update(key).digest('hex').slice(0, 32)}"`;
  }

  get(key: string): CachedResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResult): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
