import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESULT_CACHE_LIMITS,
  ResultCache,
  resultCacheLimitsFromEnv,
  type CachedResult,
} from '../../functions/http/result-cache.js';

/** An answer whose entry is `bytes` long under a 2-byte key ("kN"): body + media type "t" + etag "e", no headers. */
const answer = (bytes: number): CachedResult => ({
  etag: 'e',
  mediaType: 't',
  body: 'x'.repeat(bytes - 4),
  headers: {},
});

describe('the result cache', () => {
  it('counts the UTF-8 bytes of key, body, media type, etag and headers', () => {
    const value: CachedResult = {
      etag: '"ab"',
      mediaType: 'text/csv',
      body: 'é€😀',
      headers: { 'X-Result-Rows': '12' },
    };
    // key 3 + body 2+3+4 + media type 8 + etag 4 + header name 13 + value 2
    expect(ResultCache.sizeOf('k\u0000q', value)).toBe(3 + 9 + 8 + 4 + 13 + 2);
  });

  it('evicts least recently used entries until the bytes fit, and accounts each byte', () => {
    const cache = new ResultCache({ maxBytes: 100, maxEntryBytes: 60 });
    expect(cache.set('k1', answer(30))).toBe(true);
    expect(cache.set('k2', answer(30))).toBe(true);
    expect(cache.set('k3', answer(30))).toBe(true);
    expect(cache.bytes).toBe(90);
    expect(cache.keys()).toEqual(['k1', 'k2', 'k3']);

    // A hit makes k1 the most recently used: k2 is now the oldest.
    expect(cache.get('k1')?.body).toHaveLength(26);
    expect(cache.keys()).toEqual(['k2', 'k3', 'k1']);

    // 90 + 40 = 130 > 100: k2 leaves (100 left, fits).
    expect(cache.set('k4', answer(40))).toBe(true);
    expect(cache.keys()).toEqual(['k3', 'k1', 'k4']);
    expect(cache.bytes).toBe(100);

    // 100 + 60 = 160: k3 (130) and k1 (100) leave, in that order, then it fits.
    expect(cache.set('k5', answer(60))).toBe(true);
    expect(cache.keys()).toEqual(['k4', 'k5']);
    expect(cache.bytes).toBe(100);
    expect(cache.get('k2')).toBeUndefined();
    expect(cache.get('k3')).toBeUndefined();
  });

  it('never keeps an answer larger than one entry may be, and leaves the others alone', () => {
    const cache = new ResultCache({ maxBytes: 100, maxEntryBytes: 60 });
    cache.set('k1', answer(50));
    expect(cache.set('k2', answer(61))).toBe(false);
    expect(cache.keys()).toEqual(['k1']);
    expect(cache.bytes).toBe(50);
    expect(cache.set('k3', answer(60))).toBe(true);
    expect(cache.keys()).toEqual(['k3']);
    expect(cache.bytes).toBe(60);
  });

  it('replaces an entry under the same key, counting only the new size', () => {
    const cache = new ResultCache({ maxBytes: 100, maxEntryBytes: 100 });
    cache.set('k1', answer(40));
    cache.set('k2', answer(20));
    cache.set('k1', answer(10));
    expect(cache.keys()).toEqual(['k2', 'k1']);
    expect(cache.bytes).toBe(30);
    // A replacement too large to keep drops the old value too: it is stale.
    expect(cache.set('k2', answer(101))).toBe(false);
    expect(cache.keys()).toEqual(['k1']);
    expect(cache.bytes).toBe(10);
  });

  it('with a cap of 0 keeps nothing', () => {
    const cache = new ResultCache({ maxBytes: 0, maxEntryBytes: 1024 });
    expect(cache.set('k1', answer(4))).toBe(false);
    expect(cache.bytes).toBe(0);
  });

  it('stays within its bytes under many distinct large answers', () => {
    const cache = new ResultCache({ maxBytes: 1000, maxEntryBytes: 300 });
    let peak = 0;
    for (let i = 0; i < 500; i++) {
      cache.set(`q${String(i).padStart(3, '0')}`, answer(5 + ((i * 37) % 300)));
      peak = Math.max(peak, cache.bytes);
    }
    expect(peak).toBeLessThanOrEqual(1000);
    const held = cache.keys();
    expect(cache.bytes).toBe(held.reduce((sum, k) => sum + 2 + (5 + ((Number(k.slice(1)) * 37) % 300)), 0));
    // The survivors are the most recent ones, in order.
    expect(held.at(-1)).toBe('q499');
    expect(held.map((k) => Number(k.slice(1)))).toEqual(held.map((k) => Number(k.slice(1))).sort((a, b) => a - b));
  });

  it('reads its limits from the environment, with defaults', () => {
    expect(resultCacheLimitsFromEnv({})).toEqual(DEFAULT_RESULT_CACHE_LIMITS);
    expect(DEFAULT_RESULT_CACHE_LIMITS).toEqual({ maxBytes: 64 * 1024 * 1024, maxEntryBytes: 1024 * 1024 });
    expect(resultCacheLimitsFromEnv({ RESULT_CACHE_BYTES: '5000', RESULT_CACHE_MAX_ENTRY_BYTES: '0' })).toEqual({
      maxBytes: 5000,
      maxEntryBytes: 0,
    });
    expect(() => resultCacheLimitsFromEnv({ RESULT_CACHE_BYTES: '64M' })).toThrow(
      'RESULT_CACHE_BYTES must be a whole number of bytes, got "64M"',
    );
  });
});
