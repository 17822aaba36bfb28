import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { postQuery } from './post-query.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

// A three-way cartesian product of the whole graph. Skipping far into it runs far past the time limit;
// its first row comes at once. Both have one shape (constants vary).
const slow = (n: number) =>
  `SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != "${n}") } OFFSET 1000000000000 LIMIT 1`;
const quick = (n: number) => `SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != "${n}") } OFFSET 0 LIMIT 1`;
const CHEAP = 'SELECT ?s WHERE { ?s a <https://w3id.org/icat-kg/ontology#Entity> } ORDER BY ?s LIMIT 3';

let dir = '';
let server: ServerProcess;

interface Stats {
  spares: number;
  running: number;
  queued: number;
  slowShapes: number;
  quickShapes: number;
  rejectedShape: number;
}
const stats = async () => ((await (await fetch(`${server.url}/health`)).json()) as { queries: Stats }).queries;

async function until(test: (s: Stats) => boolean): Promise<Stats> {
  for (let i = 0; i < 400; i++) {
    const s = await stats();
    if (test(s)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  return stats();
}

const ask = (query: string, client: string) =>
  postQuery(server, query, { 'x-forwarded-for': client }).then((answer) => ({
    ...answer,
    retryAfter: answer.headers.get('retry-after'),
  }));

beforeAll(async () => {
  ({ dir } = await buildRealDumpSet());
  server = await startServerProcess(['--from', dir, '--workers', '2'], {
    QUERY_TIMEOUT_MS: '3000',
    TRUSTED_PROXY_HOPS: '1',
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a shape of query that ran into the time limit', () => {
  it('is remembered, and its queries then run on one worker of two, leaving the other to short queries', async () => {
    // CHEAP ends quickly (the second time at the latest, on a warm worker): its shape is known to be quick.
    for (let i = 0; i < 2; i++) expect((await ask(CHEAP, '198.18.0.9')).status).toBe(200);
    expect((await stats()).quickShapes).toBe(1);
    expect((await ask(slow(0), '198.18.0.1')).status).toBe(503);
    expect((await until((s) => s.spares >= 1)).slowShapes).toBe(1);

    // Three more of the same shape, from three clients: one runs, two wait, one worker stays free.
    const slowAnswers = [1, 2, 3].map((n) => ask(slow(n), `198.18.0.${n + 1}`));
    const held = await until((s) => s.running === 1 && s.queued === 2);
    expect([held.running, held.queued]).toEqual([1, 2]);

    const cheap = await ask(CHEAP, '198.18.1.1');
    expect(cheap.status).toBe(200);
    expect(JSON.parse(cheap.body).results.bindings).toHaveLength(3);
    const settled = await Promise.all(slowAnswers);
    // The short query was answered before any of the slow ones, which all end at the limit.
    expect(settled.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(settled.every((a) => a.at > cheap.at)).toBe(true);
  });

  it('is forgotten once a query of that shape ends quickly', async () => {
    expect((await stats()).slowShapes).toBe(1);
    const answer = await ask(quick(4), '198.18.2.1');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).results.bindings).toHaveLength(1);
    expect((await stats()).slowShapes).toBe(0);
  });

  it('is refused at once, with Retry-After, once stopped twice in a row, while its variants with other numbers run', async () => {
    // slow(0) and slow(1) were stopped at the limit in the first test (slow(2) and slow(3), still waiting
    // then, were refused with them); quick(4) differs in its OFFSET.
    const before = (await stats()).rejectedShape;
    expect(before).toBe(2);
    const started = performance.now();
    const refused = await ask(slow(5), '198.18.3.1');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatch(
      /^Queries of this shape were stopped at the limits of this endpoint \(3 s\) 2 times in a row lately, so it refuses them for (\d+) s more\. Narrow the query down or add a LIMIT\.\n$/,
    );
    const seconds = Number(/for (\d+) s more/.exec(refused.body)![1]);
    expect(seconds).toBeGreaterThan(30);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.retryAfter).toBe(String(seconds));
    expect((await stats()).rejectedShape).toBe(before + 1);
    expect((await ask(quick(6), '198.18.3.2')).status).toBe(200);
  });
});

describe('a shape of query not seen yet', () => {
  it('keeps off one worker too, which stays free for the shapes known to end quickly', async () => {
    await until((s) => s.spares >= 1 && s.running === 0 && s.queued === 0);
    // A shape never sent before (another variable in the FILTER): both could take both workers.
    const novel = (n: number) =>
      `SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?h != "${n}") } OFFSET 1000000000000 LIMIT 1`;
    const novelAnswers = [1, 2].map((n) => ask(novel(n), `198.18.4.${n}`));
    const held = await until((s) => s.running === 1 && s.queued === 1);
    expect([held.running, held.queued]).toEqual([1, 1]);
    // CHEAP ended quickly in the first tests: its shape is known, and it takes the free worker.
    const cheap = await ask(CHEAP, '198.18.4.9');
    expect(cheap.status).toBe(200);
    const settled = await Promise.all(novelAnswers);
    expect(settled.map((a) => a.status)).toEqual([503, 503]);
    expect(settled.every((a) => a.at > cheap.at)).toBe(true);
    expect((await stats()).quickShapes).toBeGreaterThanOrEqual(2);
  });
});
