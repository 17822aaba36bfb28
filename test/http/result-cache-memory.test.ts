import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { residentMiB } from './proc-status.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const MIB = 1024 * 1024;
const ANSWERS = 400;
const ANSWER_BYTES = 5 + 64 * (1 + 16_004 + 2) + 10 * 1 + 54 * 2;
/**
 * Each answer is ~1 MiB: 64 rows of a 16,000-character literal, cheap to compute. 400 of them held by
 * the cache would be 400 MiB; with an 8 MiB cap the server's RSS grows by far less (the rest is garbage
 * of answers in transit, which the collector takes back). RSS is the server with its worker processes.
 * Measured on this machine: +197 to +217 MiB peak with the cap (29 Nov), +470 MiB without (the cache of
 * the code before the cap, 500 entries and no byte cap).
 */
const GROWTH_CEILING_MIB = 256;
let server: ServerProcess;
let dumps: string;

beforeAll(async () => {
  dumps = (await buildRealDumpSet()).dir;
  server = await startServerProcess(['--from', dumps], {
    MAX_RESPONSE_BYTES: String(2 * MIB),
    RESULT_CACHE_BYTES: String(8 * MIB),
    RESULT_CACHE_MAX_ENTRY_BYTES: String(2 * MIB),
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dumps, { recursive: true, force: true });
});

const largeQuery = (i: number) =>
  `SELECT ?n ?l { VALUES ?l { "${String(i).padStart(4, '0')}${'x'.repeat(16_000)}" } ` +
  `VALUES ?n { ${Array.from({ length: 64 }, (_, k) => k).join(' ')} } }`;

const post = (query: string, format = 'csv') =>
  fetch(`${server.url}/sparql?format=${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query' },
    body: query,
  });

describe('the result cache under many distinct large answers', () => {
  it(`keeps the server's RSS bounded over ${ANSWERS} answers of 1 MiB, and the server answering`, async () => {
    // The warm spare loads after the first worker (it adds a worker's RSS to the tree): measure without it.
    for (let i = 0; i < 240; i++) {
      const health = (await (await fetch(`${server.url}/health`)).json()) as { queries: { spares: number } };
      if (health.queries.spares >= 1) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // Warm up (the first answers load code paths), then measure from there.
    for (let i = 0; i < 3; i++) await (await post(largeQuery(10_000 + i))).text();
    const start = residentMiB(server.pid);
    let peak = start;
    for (let i = 0; i < ANSWERS; i++) {
      const response = await post(largeQuery(i));
      const body = await response.text();
      expect(response.status).toBe(200);
      // Header n,l CRLF; per row: n (1 or 2 digits), a comma, 4 + 16,000 characters, CRLF.
      expect(body.length).toBe(ANSWER_BYTES);
      peak = Math.max(peak, residentMiB(server.pid));
    }
    console.log(
      `result cache: ${ANSWERS} answers of ${(ANSWER_BYTES / MIB).toFixed(2)} MiB, RSS ${start.toFixed(0)} MiB at start, peak ${peak.toFixed(0)} MiB`,
    );
    expect(peak - start).toBeLessThan(GROWTH_CEILING_MIB);

    // Still answering, and the most recent answer is still served (from the cache, same ETag).
    const ask = await fetch(`${server.url}/sparql?query=${encodeURIComponent('ASK {}')}`);
    expect(ask.status).toBe(200);
    expect(await ask.json()).toEqual({ head: {}, boolean: true });
    const again = await post(largeQuery(ANSWERS - 1));
    expect(again.status).toBe(200);
    expect((await again.text()).startsWith(`n,l\r\n0,${String(ANSWERS - 1).padStart(4, '0')}xxx`)).toBe(true);
  });
});
