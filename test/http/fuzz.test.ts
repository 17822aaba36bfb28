import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import { FAMILY_SIZES, fuzzCases, percentEncode, type FuzzCase } from './fuzz/fuzz-cases.js';
import { UPDATE_FORMS } from './fuzz/hostile-queries.js';
import { fuzzGraph } from './fuzz/sparql-grammar.js';
import { isAlive, residentMiB } from './proc-status.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const SEED = 20_260_828;
const CONCURRENCY = 4;
const TIMEOUT_MS = 1000;
/** RSS ceiling of the server process (2 query workers included). Measured peak on this machine: see RELIABILITY.md. */
const RSS_CEILING_MIB = 1024;
/** A value only the server's environment holds: no answer may ever show it. */
const CANARY = `canary-${randomBytes(12).toString('hex')}`;
const work = mkdtempSync(join(tmpdir(), 'icat-kg-fuzz-'));
let server: ServerProcess;

beforeAll(async () => {
  const graph = join(work, 'fuzz.nq');
  writeFileSync(graph, fuzzGraph());
  server = await startServerProcess(['--quads', graph, '--workers', '2'], {
    QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
    MAX_RESPONSE_BYTES: String(1024 * 1024),
    ICAT_FUZZ_CANARY: CANARY,
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Outcome {
  readonly fuzz: FuzzCase;
  readonly status: number | 'no answer';
  readonly ms: number;
  readonly leak?: string;
}

function request(fuzz: FuzzCase): [string, RequestInit] {
  const format = fuzz.format ? `format=${fuzz.format}` : '';
  const encoded = percentEncode(fuzz.text);
  const url = `${server.url}/sparql`;
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  switch (fuzz.transport) {
    case 'GET':
      return [`${url}?query=${encoded}&${format}`, {}];
    case 'GET update':
      return [`${url}?update=${encoded}`, {}];
    case 'POST form':
      return [url, { method: 'POST', headers: form, body: `query=${encoded}&${format}` }];
    case 'POST query':
      return [
        `${url}?${format}`,
        { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: fuzz.text },
      ];
    case 'POST update':
      return [url, { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: fuzz.text }];
  }
}

/** What an answer must never show: a stack frame, the repository's path, the server's environment. */
function leakIn(body: string): string | undefined {
  if (body.includes('    at ')) return 'a stack trace';
  if (body.includes(packageRoot())) return 'the repository path';
  if (body.includes(work)) return 'a temporary path';
  if (body.includes('node_modules')) return 'a node_modules path';
  if (body.includes(CANARY)) return 'an environment value';
  return undefined;
}

async function send(fuzz: FuzzCase): Promise<Outcome> {
  const [url, init] = request(fuzz);
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    const body = await response.text();
    const leak = leakIn(body);
    return { fuzz, status: response.status, ms: performance.now() - started, ...(leak ? { leak } : {}) };
  } catch {
    return { fuzz, status: 'no answer', ms: performance.now() - started };
  }
}

interface WorkerStats {
  readonly restarted: number;
  readonly timedOut: number;
  readonly memoryExceeded: number;
  readonly rejectedBusy: number;
}

/** The query workers' counters, where the server reports them (GET /health), else undefined. */
async function workerStats(): Promise<WorkerStats | undefined> {
  const response = await fetch(`${server.url}/health`);
  if (response.status !== 200) {
    await response.arrayBuffer();
    return undefined;
  }
  const health = (await response.json()) as { queries?: WorkerStats | null };
  return health.queries ?? undefined;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

describe('fuzzing the endpoint over HTTP', () => {
  it('answers 2,000+ generated, mutated and hostile queries without a 5xx (but 503), a crash or a leak', async () => {
    const cases = fuzzCases(SEED);
    expect(cases.length).toBe(Object.values(FAMILY_SIZES).reduce((a, b) => a + b, 0));
    expect(cases.length).toBeGreaterThanOrEqual(2000);

    let rssMax = residentMiB(server.pid);
    const sampler = setInterval(() => {
      if (isAlive(server.pid)) rssMax = Math.max(rssMax, residentMiB(server.pid));
    }, 200);
    // The health query, once a second, beside the fuzz: its latency is the service's responsiveness.
    const health: { status: number | 'no answer'; ms: number }[] = [];
    let healthRunning = true;
    const healthLoop = (async () => {
      while (healthRunning) {
        const started = performance.now();
        try {
          const response = await fetch(`${server.url}/sparql?query=ASK%20%7B%7D`, {
            signal: AbortSignal.timeout(10_000),
          });
          await response.text();
          health.push({ status: response.status, ms: performance.now() - started });
        } catch {
          health.push({ status: 'no answer', ms: performance.now() - started });
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();

    const started = performance.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < cases.length) outcomes.push(await send(cases[next++]!));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    healthRunning = false;
    await healthLoop;
    clearInterval(sampler);

    const workers = await workerStats();
    const byStatus = new Map<string, number>();
    for (const o of outcomes) byStatus.set(String(o.status), (byStatus.get(String(o.status)) ?? 0) + 1);
    const latencies = outcomes.map((o) => o.ms);
    const healthMax = Math.max(...health.map((h) => h.ms));
    console.log(
      [
        `fuzz (seed ${SEED}): ${outcomes.length} requests in ${seconds.toFixed(1)} s, concurrency ${CONCURRENCY}`,
        `statuses ${[...byStatus]
          .sort()
          .map(([s, n]) => `${s}: ${n}`)
          .join(', ')}`,
        `latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`,
        `server RSS max ${rssMax.toFixed(0)} MiB`,
        workers
          ? `workers restarted ${workers.restarted}, queries timed out ${workers.timedOut}, over memory ${workers.memoryExceeded}, refused busy ${workers.rejectedBusy}`
          : 'workers restarted: not reported (the server has no /health)',
        `health ASK {}: ${health.length} sent, max ${healthMax.toFixed(0)} ms, statuses ${[...new Set(health.map((h) => h.status))].join(', ')}`,
      ].join('\n'),
    );

    const failures = outcomes
      .filter((o) => o.status === 'no answer' || (o.status >= 500 && o.status !== 503) || o.leak)
      .map((o) => ({
        family: o.fuzz.family,
        transport: o.fuzz.transport,
        status: o.status,
        leak: o.leak,
        query: Buffer.from(o.fuzz.text).toString('utf8').slice(0, 160),
      }));
    expect(failures).toEqual([]);
    // Every update form is refused, whichever way it comes (or meets a full queue first: 503).
    const updates = outcomes.filter((o) => o.fuzz.family === 'update');
    expect(updates.filter((o) => o.status !== 403 && o.status !== 503)).toEqual([]);
    expect(new Set(updates.filter((o) => o.status === 403).map((o) => Buffer.from(o.fuzz.text).toString())).size).toBe(
      UPDATE_FORMS.length,
    );
    expect(isAlive(server.pid)).toBe(true);
    // No worker exit storm: every restart is one a limit asked for (a time-out or the memory budget).
    if (workers) expect(workers.restarted).toBeLessThanOrEqual(workers.timedOut + workers.memoryExceeded);
    expect(rssMax).toBeLessThan(RSS_CEILING_MIB);
    expect(health.length).toBeGreaterThan(5);
    expect(health.filter((h) => h.status !== 200)).toEqual([]);
    expect(healthMax).toBeLessThan(1000);
    // And the server still answers a real query right.
    const after = await fetch(
      `${server.url}/sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')}&format=csv`,
    );
    expect(await after.text()).toBe('n\r\n300\r\n');
  }, 170_000);
});
