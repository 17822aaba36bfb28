import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import type { JsonLdContext } from '../../functions/publish/serialize.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import type { QueryRequest } from '../../functions/query/query-runner.js';
import { WorkerPoolExecutor } from '../../functions/query/worker-pool-executor.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';

// The pool forks built code (`npm test` builds first), as `serve` and the Lambda bundle do.
const WORKER = new URL(`file://${join(packageRoot(), 'dist', 'functions', 'query', 'query-worker.js')}`);
const TIMEOUT_MS = 2000;
const SLOW = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
const SHORT = 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 3';

let dumpDir = '';
let pool: WorkerPoolExecutor;
const request = (query: string): QueryRequest => ({
  query,
  defaultGraphUris: [],
  namedGraphUris: [],
  accept: 'application/sparql-results+json',
});
const outcome = (query: string) =>
  pool.query(request(query)).then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

const warmSpare = async () => {
  while (pool.stats().spares < 1) await new Promise((resolve) => setTimeout(resolve, 50));
};

beforeAll(async () => {
  const { dir } = await buildRealDumpSet();
  dumpDir = dir;
  pool = new WorkerPoolExecutor(
    {
      nquadsPath: join(dir, 'icat.nq'),
      options: {
        limits: queryLimitsSchema.parse({ timeoutMs: TIMEOUT_MS, spareWorkers: 1 }),
        baseIri: 'https://w3id.org/icat-kg/',
        prefixes: {},
        jsonLdContext: JSON.parse(readFileSync(join(dir, 'context.jsonld'), 'utf8')) as JsonLdContext,
      },
    },
    1,
    WORKER,
  );
  await pool.ready();
  // The spare loads after the first worker: the tests below need it warm.
  await warmSpare();
  for (let i = 0; i < 3; i++) expect(await outcome(SHORT)).toBe(200);
});

afterAll(async () => {
  await pool?.close();
  rmSync(dumpDir, { recursive: true, force: true });
});

describe('the query worker pool at the time limit', () => {
  it('answers a query that waited nearly all its time 503, but lets its worker finish it rather than reload', async () => {
    const before = pool.stats();
    // SHORT waits behind SLOW. Both time limits were set in one turn of the event loop, so they end in one
    // turn too: SLOW's stops its worker and gives SHORT to the warm spare, SHORT's finds SHORT running.
    const [slow, short] = await Promise.all([outcome(SLOW), outcome(SHORT)]);
    expect([slow, short]).toEqual([503, 503]);
    const after = pool.stats();
    expect(after.restarted - before.restarted).toBe(1);
    expect(after.timedOut - before.timedOut).toBe(2);
    // The worker that finished SHORT after its 503 answers the next query; no second reload.
    expect(await outcome('ASK { ?s ?p ?o }')).toBe(200);
    expect(pool.stats().restarted - before.restarted).toBe(1);
  });

  it('stops a query taken late that is still running at half the time limit, and answers the next', async () => {
    await warmSpare();
    const before = pool.stats();
    // Shapes not yet known as slow (the first test marked SLOW's): the second is taken when the first stops.
    const started = performance.now();
    const [slow, late] = await Promise.all([outcome(SLOW.replace('?i', '?j')), outcome(SLOW.replace('?i', '?k'))]);
    expect([slow, late]).toEqual([503, 503]);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 1.5);
    expect(pool.stats().restarted - before.restarted).toBe(1);
    // Half the limit after it was taken, the second query's worker is stopped and replaced.
    while (pool.stats().restarted - before.restarted < 2 && performance.now() - started < TIMEOUT_MS * 3) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const stoppedAt = performance.now() - started;
    expect(pool.stats().restarted - before.restarted).toBe(2);
    expect(stoppedAt).toBeGreaterThanOrEqual(TIMEOUT_MS * 1.5 - 100);
    // Its place went to a spare still loading (the warm one replaced the first); then a new spare loads.
    await warmSpare();
    expect(await outcome('ASK { ?s ?p ?o }')).toBe(200);
  });

  it('refuses a shape stopped twice in a row, and the queries of it still waiting, with the reason', async () => {
    await warmSpare();
    // Strings aside, one text: the breaker counts them as one shape.
    const breakable = (n: number) =>
      `SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?f != "${n}") . ?g ?h ?x }`;
    const message = (query: string) =>
      pool.query(request(query)).then(
        () => 'answered',
        (error: Error) => error.message,
      );
    expect(await message(breakable(1))).toBe(
      'The query was stopped after 2 s, the time limit of this endpoint. Narrow it down or add a LIMIT.',
    );
    await warmSpare();
    const before = pool.stats();
    const [second, waiting] = await Promise.all([message(breakable(2)), message(breakable(3))]);
    expect(second).toBe(
      'The query was stopped after 2 s, the time limit of this endpoint. Narrow it down or add a LIMIT.',
    );
    expect(waiting).toBe(
      'Queries of this shape were stopped at the limits of this endpoint (2 s) 2 times in a row lately, so it refuses them for 60 s more. Narrow the query down or add a LIMIT.',
    );
    const started = performance.now();
    expect(await message(breakable(4))).toMatch(
      /^Queries of this shape were stopped .* refuses them for (59|60) s more\./,
    );
    expect(performance.now() - started).toBeLessThan(100);
    const after = pool.stats();
    expect([after.restarted - before.restarted, after.rejectedShape! - before.rejectedShape!]).toEqual([1, 2]);
    // Another OFFSET, LIMIT or number is another breaker shape.
    expect(await message(`${breakable(5)} LIMIT 1`)).toBe(
      'The query was stopped after 2 s, the time limit of this endpoint. Narrow it down or add a LIMIT.',
    );
  });
});
