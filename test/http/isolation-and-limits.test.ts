import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { postChunkedBody } from './chunked-body.js';
import { postQuery } from './post-query.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

// A three-way cartesian product of the whole graph: runs far past any time limit used here.
const SLOW = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
let dir = '';
let isolated: ServerProcess;
let queueing: ServerProcess;
let memory: ServerProcess;

interface Health {
  rssBytes: number;
  queries: {
    workers: number;
    spares: number;
    running: number;
    queued: number;
    restarted: number;
    timedOut: number;
    memoryExceeded: number;
  };
}

const health = async (server: ServerProcess) => (await (await fetch(`${server.url}/health`)).json()) as Health;

/** Waits until the pool holds `queued` queries waiting: a fixed sleep is too short on a loaded machine. */
async function queueHolds(server: ServerProcess, queued: number) {
  for (let i = 0; i < 200 && (await health(server)).queries.queued < queued; i++)
    await new Promise((r) => setTimeout(r, 10));
}

/** Waits until the pool has its warm spare back (it reloads the store in the background). */
async function spareReady(server: ServerProcess) {
  for (let i = 0; i < 120 && (await health(server)).queries.spares < 1; i++)
    await new Promise((r) => setTimeout(r, 500));
}

beforeAll(async () => {
  ({ dir } = await buildRealDumpSet());
  [isolated, queueing, memory] = await Promise.all([
    startServerProcess(['--from', dir], { QUERY_TIMEOUT_MS: '5000', QUERY_CLIENT_MAX: '32' }),
    startServerProcess(['--from', dir], {
      QUERY_TIMEOUT_MS: '2000',
      QUERY_QUEUE_MAX: '3',
      QUERY_CLIENT_MAX: '2',
      TRUSTED_PROXY_HOPS: '1',
    }),
    startServerProcess(['--from', dir], { QUERY_TIMEOUT_MS: '60000', QUERY_MEMORY_MB: '256' }),
  ]);
});

afterAll(async () => {
  await Promise.all([isolated?.stop(), queueing?.stop(), memory?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one query never fails another', () => {
  it('refuses an invalid constant regular expression or flags with 400, then answers 20 queries on the same worker', async () => {
    const bad = await postQuery(isolated, 'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(?o, "[")) }');
    expect(bad).toMatchObject({
      status: 400,
      body: 'REGEX has an invalid regular expression "[": /[/u: Unterminated character class.\n',
    });
    const flags = await postQuery(isolated, 'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(?o, "a", "ii")) }');
    expect(flags).toMatchObject({
      status: 400,
      body: 'REGEX has invalid flags "ii": use each of i, m, s, x and q at most once.\n',
    });
    const nested = await postQuery(
      isolated,
      'ASK { FILTER NOT EXISTS { SELECT ?x WHERE { ?s ?p ?o BIND(REPLACE(STR(?o), "a{2", "b", "x") AS ?x) } } }',
    );
    expect(nested.status).toBe(400);
    expect(nested.body).toMatch(/^REPLACE has an invalid regular expression "a\{2": /);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postQuery(isolated, `SELECT ?s WHERE { ?s ?p ?o } LIMIT ${i + 1}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect((await health(isolated)).queries.restarted).toBe(0);
  });

  it('fails only its own query when a pattern built per row is invalid', async () => {
    const bad = postQuery(
      isolated,
      'SELECT * WHERE { ?s ?p ?o BIND(STR(?p) AS ?x) FILTER(REGEX(?o, CONCAT("[", ?x))) }',
    );
    const innocent = Array.from({ length: 20 }, (_, i) =>
      postQuery(isolated, `SELECT ?o WHERE { ?s ?p ?o } LIMIT ${i + 1}`),
    );
    const [failed, ...others] = await Promise.all([bad, ...innocent]);
    expect(failed!.status).toBe(400);
    expect(failed!.body).toMatch(/^The query failed: Invalid regular expression: \/\[http/);
    expect(others.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect((await health(isolated)).queries.restarted).toBe(0);
  });

  it('refuses a 50 MB chunked body with 413 as soon as it passes the limit, without buffering it', async () => {
    const before = (await health(isolated)).rssBytes;
    const { status, sent } = await postChunkedBody(isolated.url, 50 * 1024 * 1024);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    const after = (await health(isolated)).rssBytes;
    expect(after - before).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('fair, bounded queueing within the time limit', () => {
  it('counts queue time: a cheap query behind slow ones is answered 503 at the limit, not after them', async () => {
    await spareReady(queueing);
    const slow1 = postQuery(queueing, SLOW, { 'x-forwarded-for': '198.51.100.1' });
    await new Promise((r) => setTimeout(r, 100));
    const slow2 = postQuery(queueing, `${SLOW} LIMIT 2`, { 'x-forwarded-for': '198.51.100.2' });
    await new Promise((r) => setTimeout(r, 100));
    const cheap = await postQuery(queueing, 'ASK { ?s ?p ?o }', { 'x-forwarded-for': '198.51.100.3' });
    expect(cheap.status).toBe(503);
    expect(cheap.body).toBe(
      'The query waited 2 s for a free worker, the time limit of this endpoint: the endpoint is busy. Try again later.\n',
    );
    expect(cheap.headers.get('retry-after')).toBe('2');
    expect(cheap.ms).toBeGreaterThanOrEqual(1990);
    expect(cheap.ms).toBeLessThan(3500);
    expect((await slow1).status).toBe(503);
    expect((await slow2).status).toBe(503);
  }, 180_000);

  it('answers 503 with Retry-After at once when the queue is full', async () => {
    await spareReady(queueing);
    const running = postQuery(queueing, SLOW, { 'x-forwarded-for': '203.0.113.1' });
    await new Promise((r) => setTimeout(r, 100));
    const queued = [2, 3, 4].map((n) => postQuery(queueing, SLOW, { 'x-forwarded-for': `203.0.113.${n}` }));
    await queueHolds(queueing, 3);
    const refused = await postQuery(queueing, 'ASK { ?s ?p ?o }', { 'x-forwarded-for': '203.0.113.5' });
    expect(refused.status).toBe(503);
    expect(refused.body).toBe('The endpoint is busy (3 queries waiting). Try again later.\n');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.ms).toBeLessThan(1000);
    expect((await Promise.all([running, ...queued])).map((a) => a.status)).toEqual([503, 503, 503, 503]);
  }, 180_000);

  it('answers 429 with Retry-After to a client past its share, while other clients are still queued', async () => {
    await spareReady(queueing);
    const mine = [1, 2].map((n) => postQuery(queueing, `${SLOW} LIMIT ${n}`, { 'x-forwarded-for': '192.0.2.7' }));
    await new Promise((r) => setTimeout(r, 100));
    // The first hop is the client's own claim; the address CloudFront appended is the one that counts.
    const third = await postQuery(queueing, 'ASK { ?s ?p ?o }', { 'x-forwarded-for': '10.9.9.9, 192.0.2.7' });
    expect(third.status).toBe(429);
    expect(third.body).toBe(
      'Too many queries at once from your address: at most 2 may wait or run at a time. Try again later.\n',
    );
    expect(third.headers.get('retry-after')).toBe('2');
    const other = postQuery(queueing, 'ASK { ?s ?p ?o }', { 'x-forwarded-for': '192.0.2.7, 192.0.2.8' });
    expect((await Promise.all(mine)).map((a) => a.status)).toEqual([503, 503]);
    expect((await other).status).toBe(503); // it waited behind the two slow ones, past the limit
  }, 180_000);

  it('keeps answering while workers are replaced: a warm spare takes over at once', async () => {
    await spareReady(queueing);
    const before = (await health(queueing)).queries.restarted;
    // Not SLOW itself: stopped twice in a row above, its shape is refused at once for a while now.
    const slow = `${SLOW} LIMIT 50`;
    expect((await postQuery(queueing, slow, { 'x-forwarded-for': '192.0.2.50' })).status).toBe(503);
    const next = await postQuery(queueing, 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 3', { 'x-forwarded-for': '192.0.2.51' });
    expect(next.status).toBe(200);
    expect(next.ms).toBeLessThan(1500);
    expect((await health(queueing)).queries.restarted).toBe(before + 1);
  }, 180_000);
});

describe('memory per query', () => {
  it('stops a query past QUERY_MEMORY_MB with 503, replaces its worker, and answers the next query', async () => {
    // Each row doubles a literal twenty times (tens of MB per row) and ORDER BY keeps every row.
    let binds = 'BIND(STR(?o) AS ?a0)';
    for (let i = 1; i <= 20; i++) binds += ` BIND(CONCAT(?a${i - 1}, ?a${i - 1}) AS ?a${i})`;
    const bomb = await postQuery(
      memory,
      `SELECT (STRLEN(?u) AS ?n) WHERE { ?s ?p ?o ${binds} BIND(UCASE(?a20) AS ?u) } ORDER BY ?u`,
    );
    expect(bomb).toMatchObject({
      status: 503,
      body: 'The query needed more than the 256 MB of memory a query may use on this endpoint and was stopped. Narrow it down.\n',
    });
    const next = await postQuery(memory, 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 5');
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body).results.bindings).toHaveLength(5);
    expect((await health(memory)).queries).toMatchObject({ memoryExceeded: 1, restarted: 1 });
  }, 180_000);
});
