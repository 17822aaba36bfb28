import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSparqlHandler } from '../../functions/lambda/sparql-handler.js';
import { packageRoot } from '../../functions/package-paths.js';
import { pointLatestTo } from '../../functions/pipeline/versions.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import { loadUiAssets } from '../../functions/server/ui-assets.js';
import { FsStorage } from '../../functions/storage/fs-storage.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { functionUrlEvent } from './events.js';

// The worker thread runs built code (`npm test` builds first), as the bundle ships it beside index.mjs.
const WORKER = new URL(`file://${join(packageRoot(), 'dist', 'functions', 'query', 'query-worker.js')}`);
const SLOW = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
const context = {} as Context;
const work = mkdtempSync(join(tmpdir(), 'icat-kg-lambda-isolation-'));
const strayRejections: unknown[] = [];
const onStray = (reason: unknown) => strayRejections.push(reason);
let dumpDir = '';
let sparql: ReturnType<typeof createSparqlHandler>;

interface FunctionUrlResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

const ask = async (query: string) =>
  (await sparql(
    functionUrlEvent('GET', `/sparql?query=${encodeURIComponent(query)}`, {
      accept: 'application/sparql-results+json',
    }),
    context,
  )) as FunctionUrlResponse;

const health = async () =>
  JSON.parse(((await sparql(functionUrlEvent('GET', '/health'), context)) as FunctionUrlResponse).body) as {
    queries: { restarted: number; timedOut: number };
  };

beforeAll(async () => {
  const { dir, result } = await buildRealDumpSet();
  dumpDir = dir;
  const version = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;
  const dumps = new FsStorage(join(work, 'dumps'));
  for (const file of result.dumps.files) await dumps.put(`dumps/${version}/${file.path}`, file.content);
  await pointLatestTo(dumps, version);
  sparql = createSparqlHandler({
    dumps,
    baseIri: 'https://w3id.org/icat-kg/',
    limits: queryLimitsSchema.parse({ timeoutMs: 2000 }),
    assets: loadUiAssets(),
    refreshSeconds: 3600,
    workerScript: WORKER,
  });
  process.on('unhandledRejection', onStray);
});

afterAll(async () => {
  process.off('unhandledRejection', onStray);
  rmSync(work, { recursive: true, force: true });
  rmSync(dumpDir, { recursive: true, force: true });
  // The handler's worker thread ends with this test file's process.
});

describe('the sparql Lambda handler, in process, with its query worker thread', () => {
  it('refuses a constant invalid regular expression with 400, then answers 20 innocent queries', async () => {
    const bad = await ask('SELECT * WHERE { ?s ?p ?o FILTER(REGEX(?o, "[")) }');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toBe('REGEX has an invalid regular expression "[": /[/u: Unterminated character class.\n');
    const bad2 = await ask('SELECT * WHERE { ?s ?p ?o BIND(REPLACE(?o, "(", "x") AS ?x) }');
    expect(bad2.statusCode).toBe(400);
    expect(bad2.body).toMatch(/^REPLACE has an invalid regular expression "\(": .*Unterminated group/);
    for (let i = 1; i <= 20; i++) {
      const innocent = await ask(`SELECT ?s WHERE { ?s ?p ?o } LIMIT ${i}`);
      expect(innocent.statusCode).toBe(200);
      expect(JSON.parse(innocent.body).results.bindings).toHaveLength(i);
    }
    expect((await health()).queries.restarted).toBe(0);
  });

  it('fails only its own query when a pattern built per row is invalid, and nothing reaches this process', async () => {
    const bad = await ask('SELECT * WHERE { ?s ?p ?o BIND(STR(?p) AS ?x) FILTER(REGEX(?o, CONCAT("[", ?x))) }');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/^The query failed: Invalid regular expression: /);
    for (let i = 21; i <= 40; i++) expect((await ask(`SELECT ?s WHERE { ?s ?p ?o } LIMIT ${i}`)).statusCode).toBe(200);
    // Give stray rejections of the bad query time to surface: none may reach the handler's process.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(strayRejections).toEqual([]);
    expect((await health()).queries.restarted).toBe(0);
  });

  it('really stops a query past the time limit: 503 on time, the worker replaced, the next query answered', async () => {
    const started = performance.now();
    const slow = await ask(SLOW);
    const elapsed = performance.now() - started;
    expect(slow.statusCode).toBe(503);
    expect(slow.body).toBe(
      'The query was stopped after 2 s, the time limit of this endpoint. Narrow it down or add a LIMIT.\n',
    );
    expect(elapsed).toBeGreaterThanOrEqual(1990);
    expect(elapsed).toBeLessThan(4000);
    // The replacement loads the store (no spare on Lambda: one request at a time): until it is ready,
    // queries wait and, past the limit, are answered 503 as waiting, never 500.
    const statuses: number[] = [];
    for (let i = 0; i < 15 && statuses.at(-1) !== 200; i++) statuses.push((await ask('ASK { ?s ?p ?o }')).statusCode);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.slice(0, -1).every((s) => s === 503)).toBe(true);
    expect(await health()).toMatchObject({ queries: { restarted: 1, timedOut: 1 + statuses.length - 1 } });
  });

  it('refuses a body past MAX_BODY_BYTES with 413', async () => {
    const body = `query=${'x'.repeat(1024 * 1024 + 10)}`;
    const response = (await sparql(
      functionUrlEvent('POST', '/sparql', { 'content-type': 'application/x-www-form-urlencoded' }, body),
      context,
    )) as FunctionUrlResponse;
    expect(response.statusCode).toBe(413);
  });
});
