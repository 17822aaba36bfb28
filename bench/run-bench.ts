/**
 * The speed benchmark against Oxigraph, every figure from one run on one machine: 31 queries over HTTP
 * (uncached, then repeated through our result cache), throughput with 16 connections, cold start from
 * process to first answer, and the million-quad build. Every query's answer from our endpoint is checked
 * against Oxigraph's: a mismatch fails the run. Writes BENCHMARKS.md and bench/results.json.
 *
 *   npm run bench [-- --quick]
 *
 * --quick: one timed run per query instead of three, 4 s of load instead of 10, one cold start instead of
 * three, a 100,000-quad build instead of a million (so its goal is not judged), under 3 minutes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { runCli } from '../functions/cli/main.js';
import { packageRoot } from '../functions/package-paths.js';
import { DEFAULT_BASE_IRI } from '../functions/rdf/namespaces.js';
import { startServerProcess, type ServerProcess } from '../test/http/server-process.js';
import { compareAnswers } from './compare-answers.js';
import { startOxigraph, type Endpoint } from './oxigraph-process.js';
import { benchQueries, type BenchQuery } from './queries.js';
import { writeReplicated } from './replicate-dump.js';
import { writeReport, type BenchResults, type QueryRow, type Row } from './report.js';
import { median } from './median.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick;
const RUNS = quick ? 1 : 3;
const LOAD_SECONDS = quick ? 4 : 10;
const BUILD_QUADS = quick ? 100_000 : 1_000_000;
const SCALED_QUADS = 200_000;
// Every answer whole: the row and byte limits would cut answers Oxigraph gives in full.
const LIMITS = {
  MAX_RESULT_ROWS: '1000000',
  MAX_RESPONSE_BYTES: String(256 * 1024 * 1024),
  QUERY_TIMEOUT_MS: '120000',
  // One client stands for the many of a real load: no per-client cap, a queue deep enough for 16 connections.
  QUERY_CLIENT_MAX: '64',
  QUERY_QUEUE_MAX: '64',
};
const UNCACHED = { ...LIMITS, RESULT_CACHE_BYTES: '0' };

const root = packageRoot();
const work = mkdtempSync(join(tmpdir(), 'icat-kg-bench-'));
const endpoints: { stop(): Promise<void> }[] = [];
const quiet = { out: () => undefined, err: () => undefined };
const log = (line: string) => console.log(line);

interface Answer {
  readonly ms: number;
  readonly body: string;
}

async function ask(endpoint: Endpoint, q: BenchQuery): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${endpoint.url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: q.accept },
    body: q.query,
  });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${q.id}: ${response.status} from ${endpoint.url}: ${body.slice(0, 500)}`);
  if (response.headers.get('x-result-truncated')) throw new Error(`${q.id}: the answer was cut at ${endpoint.url}`);
  return { ms, body };
}

/** One untimed run (parsing, first-use caches, JIT), then the median of RUNS timed runs. */
async function timed(endpoint: Endpoint, q: BenchQuery): Promise<Answer> {
  const first = await ask(endpoint, q);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await ask(endpoint, q)).ms);
  return { ms: median(times), body: first.body };
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

async function queryFigures(ours: Endpoint, oxigraph: Endpoint, cached?: Endpoint): Promise<QueryRow[]> {
  const figures: QueryRow[] = [];
  for (const q of benchQueries(DEFAULT_BASE_IRI)) {
    const a = await timed(ours, q);
    const b = await timed(oxigraph, q);
    const { mismatch, unboundConcatenations } = compareAnswers(q.query, a.body, b.body, q.accept);
    const cachedMs = cached ? (await ask(cached, q), (await timed(cached, q)).ms) : undefined;
    figures.push({
      id: q.id,
      kind: q.kind,
      oursMs: a.ms,
      oxigraphMs: b.ms,
      ratio: a.ms / b.ms,
      ...(cachedMs === undefined ? {} : { cachedMs }),
      ...(mismatch ? { mismatch } : {}),
      ...(unboundConcatenations > 0 ? { unboundConcatenations } : {}),
    });
    log(
      `  ${q.id.padEnd(26)} ours ${a.ms.toFixed(1).padStart(7)} ms  oxigraph ${b.ms.toFixed(1).padStart(7)} ms  ${(a.ms / b.ms).toFixed(1).padStart(5)}×${cachedMs === undefined ? '' : `  cached ${cachedMs.toFixed(2)} ms`}${mismatch ? `  MISMATCH ${mismatch}` : ''}${unboundConcatenations ? `  (${unboundConcatenations} GROUP_CONCAT unbound in Oxigraph)` : ''}`,
    );
  }
  return figures;
}

/** Requests per second and p99 latency with 16 connections, cycling through the worked examples. */
async function throughput(endpoint: Endpoint): Promise<{ rps: number; p99: number }> {
  const examples = benchQueries(DEFAULT_BASE_IRI).filter((q) => q.kind === 'example');
  const result = await autocannon({
    url: `${endpoint.url}/sparql`,
    connections: 16,
    duration: LOAD_SECONDS,
    requests: examples.map((q) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/sparql-query', accept: q.accept },
      body: q.query,
    })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${endpoint.url}: ${result.non2xx} answers were not 2xx and ${result.errors} failed under load`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** Milliseconds from spawning the process to the first answer (the first worked example, uncached). */
async function coldStart(start: () => Promise<Endpoint & { stop(): Promise<void> }>): Promise<number> {
  const first = benchQueries(DEFAULT_BASE_IRI)[0]!;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const endpoint = await start();
    await ask(endpoint, first);
    times.push(performance.now() - started);
    await endpoint.stop();
  }
  return median(times);
}

/** The synthetic build (bench/synthetic-build.ts) as its own process: wall time and peak RSS. */
async function buildFigures(quads: number): Promise<{ seconds: number; peakMb: number; output: string }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(root, 'bench', 'report-peak-rss.mjs'),
      'bench/synthetic-build.ts',
      '--quads',
      String(quads),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak RSS (\d+) kB/.exec(output);
  if (code !== 0 || !peak) throw new Error(`the synthetic build failed (${code}):\n${output}`);
  return { seconds, peakMb: Number(peak[1]) / 1024, output };
}

try {
  const dumps = join(work, 'dumps');
  if ((await runCli(['build', '--quiet', '--out', dumps], quiet)) !== 0) throw new Error('the build failed');
  const realQuads = join(dumps, 'icat.nq');
  const lines = readFileSync(realQuads, 'utf8').split('\n').filter(Boolean);
  const scaledQuads = join(work, 'scaled.nq');
  const scaled = await writeReplicated(lines, SCALED_QUADS, DEFAULT_BASE_IRI, scaledQuads);
  log(`dump set: ${lines.length} quads; scaled copy: ${scaled.quads} quads in ${scaled.graphs.size} graphs`);

  const serve = async (args: string[], env: Record<string, string>) => {
    const server: ServerProcess = await startServerProcess(args, env);
    endpoints.push(server);
    return server;
  };
  const oxigraphOn = async (file: string) => {
    const server = await startOxigraph(file);
    endpoints.push(server);
    return server;
  };

  log(`\nqueries over the real dump set (median of ${RUNS}; cached = our second answer from the result cache)`);
  const ours = await serve(['--from', dumps, '--workers', '2'], UNCACHED);
  const oursCached = await serve(['--from', dumps, '--workers', '2'], LIMITS);
  const oxigraph = await oxigraphOn(realQuads);
  const real = await queryFigures(ours, oxigraph, oursCached);

  log(`\nthroughput, 16 connections, ${LOAD_SECONDS} s each`);
  const uncachedLoad = { ours: await throughput(ours), oxigraph: await throughput(oxigraph) };
  const cachedLoad = { ours: await throughput(oursCached), oxigraph: await throughput(oxigraph) };
  log(
    `  uncached: ours ${uncachedLoad.ours.rps.toFixed(0)} req/s, oxigraph ${uncachedLoad.oxigraph.rps.toFixed(0)} req/s`,
  );
  log(`  cached: ours ${cachedLoad.ours.rps.toFixed(0)} req/s, oxigraph ${cachedLoad.oxigraph.rps.toFixed(0)} req/s`);
  await Promise.all(endpoints.splice(0).map((e) => e.stop()));

  log(`\nqueries over ${scaled.quads} quads`);
  const big = await queryFigures(
    await serve(['--quads', scaledQuads, '--workers', '2'], UNCACHED),
    await oxigraphOn(scaledQuads),
  );
  await Promise.all(endpoints.splice(0).map((e) => e.stop()));

  log('\ncold start, process to first answer');
  const cold = {
    ours: await coldStart(() => startServerProcess(['--from', dumps, '--workers', '2'], UNCACHED)),
    oxigraph: await coldStart(() => startOxigraph(realQuads)),
  };
  log(`  ours ${cold.ours.toFixed(0)} ms, oxigraph ${cold.oxigraph.toFixed(0)} ms`);

  log(`\nsynthetic build of ${BUILD_QUADS} quads`);
  const build = await buildFigures(BUILD_QUADS);
  log(`  ${build.seconds.toFixed(1)} s, peak RSS ${build.peakMb.toFixed(0)} MB`);

  const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
  const rowsOfLoad = (l: { rps: number; p99: number }) => `${l.rps.toFixed(0)} req/s, p99 ${l.p99} ms`;
  const fullBuild = BUILD_QUADS === 1_000_000;
  /** A row against Oxigraph: met when the ratio (ours / Oxigraph's) is at most `bound`. */
  const versus = (what: string, ours: string, oxigraph: string, ratio: number, bound: number, note = ''): Row => ({
    what,
    ours,
    oxigraph,
    ratio,
    goal: `≤ ${bound}×${note}`,
    met: ratio <= bound,
  });
  const load = (l: { ours: { rps: number }; oxigraph: { rps: number } }) => l.oxigraph.rps / l.ours.rps;
  const rows: Row[] = [
    versus(
      `${real.length} queries, uncached, over HTTP (geomean of per-query ratios)`,
      ms(geomean(real.map((f) => f.oursMs))),
      ms(geomean(real.map((f) => f.oxigraphMs))),
      geomean(real.map((f) => f.ratio)),
      3,
    ),
    versus(
      `the same at ${Math.round(scaled.quads / 1000)}k quads`,
      ms(geomean(big.map((f) => f.oursMs))),
      ms(geomean(big.map((f) => f.oxigraphMs))),
      geomean(big.map((f) => f.ratio)),
      3,
    ),
    versus(
      'repeated query (our result cache against Oxigraph evaluating)',
      ms(geomean(real.map((f) => f.cachedMs!))),
      ms(geomean(real.map((f) => f.oxigraphMs))),
      geomean(real.map((f) => f.cachedMs! / f.oxigraphMs)),
      0.1,
    ),
    versus(
      'uncached throughput, 16 connections (ratio of req/s, Oxigraph / ours)',
      rowsOfLoad(uncachedLoad.ours),
      rowsOfLoad(uncachedLoad.oxigraph),
      load(uncachedLoad),
      3,
    ),
    versus(
      'cached throughput, 16 connections (ratio of req/s, Oxigraph / ours)',
      rowsOfLoad(cachedLoad.ours),
      rowsOfLoad(cachedLoad.oxigraph),
      load(cachedLoad),
      1,
      ' (keep)',
    ),
    versus('cold start, process to first answer', ms(cold.ours), ms(cold.oxigraph), cold.ours / cold.oxigraph, 1),
    {
      what: `${fullBuild ? '1M' : `${BUILD_QUADS / 1000}k`}-quad build (bench/synthetic-build.ts), wall`,
      ours: `${build.seconds.toFixed(1)} s`,
      goal: '< 60 s (1M)',
      ...(fullBuild ? { met: build.seconds < 60 } : {}),
    },
    {
      what: `${fullBuild ? '1M' : `${BUILD_QUADS / 1000}k`}-quad build, peak RSS`,
      ours: `${build.peakMb.toFixed(0)} MB`,
      goal: '< 1.5 GB (1M)',
      ...(fullBuild ? { met: build.peakMb < 1536 } : {}),
    },
  ];
  const mismatches = [...real, ...big].filter((f) => f.mismatch);
  const results: BenchResults = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    runsPerQuery: RUNS,
    rows,
    queries: { real, scaled: big, scaledQuads: scaled.quads },
    load: { seconds: LOAD_SECONDS, uncached: uncachedLoad, cached: cachedLoad },
    coldStart: cold,
    build: {
      quads: BUILD_QUADS,
      seconds: build.seconds,
      peakMb: build.peakMb,
      output: build.output.trim().split('\n'),
    },
    mismatches: mismatches.map((f) => ({ id: f.id, mismatch: f.mismatch! })),
  };
  writeReport(root, results);
  log(`\nwrote BENCHMARKS.md and bench/results.json`);
  if (mismatches.length > 0) {
    console.error(`${mismatches.length} answers differ from Oxigraph's: ${mismatches.map((f) => f.id).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await Promise.all(endpoints.map((e) => e.stop()));
  rmSync(work, { recursive: true, force: true });
}
