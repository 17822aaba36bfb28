/**
 * Load and fault test of the SPARQL endpoint (`npm run test:load`, not part of `npm test`): a real
 * `icat-kg serve` on loopback, 50 concurrent clients (each its own address through X-Forwarded-For, the
 * server trusting one proxy hop), in three phases:
 *   (a) cheap queries only;
 *   (b) 20% slow queries that hit QUERY_TIMEOUT_MS=2000;
 *   (c) cheap queries with oversized bodies (chunked) and memory bombs mixed in.
 * Every query is distinct (in a constant: the cache ignores comments and layout), so the result cache
 * answers none of them. Prints, per phase, the answers
 * per status, p50/p99 of the cheap queries, the server's highest RSS and the workers restarted.
 */
import { rmSync } from 'node:fs';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { postChunkedBody } from '../http/chunked-body.js';
import { postQuery } from '../http/post-query.js';
import { startServerProcess, type ServerProcess } from '../http/server-process.js';

const CLIENTS = 50;
const env = {
  QUERY_TIMEOUT_MS: '2000',
  QUERY_MEMORY_MB: '256',
  TRUSTED_PROXY_HOPS: '1',
  QUERY_QUEUE_MAX: '64',
  QUERY_CLIENT_MAX: '8',
};
type Kind = 'cheap' | 'slow' | 'body' | 'bomb';
interface Phase {
  readonly name: string;
  readonly seconds: number;
  pick(n: number): Kind;
}
const PHASES: Phase[] = [
  { name: '(a) cheap only', seconds: 15, pick: () => 'cheap' },
  { name: '(b) 20% slow, hitting the 2 s limit', seconds: 40, pick: (n) => (n % 5 === 4 ? 'slow' : 'cheap') },
  {
    name: '(c) oversized bodies and memory bombs mixed in',
    seconds: 30,
    pick: (n) => (n % 20 === 7 ? 'bomb' : n % 10 === 3 ? 'body' : 'cheap'),
  },
];

let unique = 0;
const cheapQuery = () =>
  `SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(?label != "${unique++}") } LIMIT 5 OFFSET ${unique % 500}`;
const slowQuery = () => `SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != "${unique++}") }`;
function bombQuery(): string {
  let binds = `BIND(CONCAT(STR(?o), "${unique++}") AS ?a0)`;
  for (let i = 1; i <= 20; i++) binds += ` BIND(CONCAT(?a${i - 1}, ?a${i - 1}) AS ?a${i})`;
  return `SELECT (STRLEN(?u) AS ?n) WHERE { ?s ?p ?o ${binds} BIND(UCASE(?a20) AS ?u) } ORDER BY ?u`;
}

const post = async (url: string, client: string, query: string): Promise<number> =>
  (await postQuery({ url }, query, { 'x-forwarded-for': client })).status;

/** A 4 MiB chunked body (no Content-Length): the server must answer 413 after 1 MiB and stop reading. */
const oversized = (url: string, client: string): Promise<number> =>
  postChunkedBody(url, 4 * 1024 * 1024, { 'x-forwarded-for': client }).then(
    ({ status }) => status,
    () => 0,
  );

interface Health {
  rssBytes: number;
  queries: {
    restarted: number;
    timedOut: number;
    memoryExceeded: number;
    rejectedBusy: number;
    rejectedClient: number;
    rejectedShape?: number;
  };
}
const WINDOW_S = 5;
const health = async (url: string) => (await (await fetch(`${url}/health`)).json()) as Health;
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function runPhase(server: ServerProcess, phase: Phase) {
  const statuses = new Map<string, number>();
  const cheapMs: number[] = [];
  // Cheap answers per window of the phase: when the slow tail happens (at the start, or throughout).
  const windows = Array.from({ length: Math.ceil(phase.seconds / WINDOW_S) }, () => ({
    ms: [] as number[],
    refused: 0,
  }));
  let maxRss = 0;
  const before = await health(server.url);
  const start = performance.now();
  const end = performance.now() + phase.seconds * 1000;
  const sampler = setInterval(() => {
    health(server.url)
      .then((h) => (maxRss = Math.max(maxRss, h.rssBytes)))
      .catch(() => undefined);
  }, 250);
  let n = 0;
  const client = async (id: number) => {
    const address = `198.18.${Math.floor(id / 250)}.${(id % 250) + 1}`;
    while (performance.now() < end) {
      const kind = phase.pick(n++);
      const started = performance.now();
      const status = await (
        kind === 'body'
          ? oversized(server.url, address)
          : post(server.url, address, kind === 'slow' ? slowQuery() : kind === 'bomb' ? bombQuery() : cheapQuery())
      ).catch(() => 0);
      const key = `${kind} ${status || 'network error'}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (kind === 'cheap') {
        cheapMs.push(performance.now() - started);
        const window = windows[Math.min(windows.length - 1, Math.floor((started - start) / 1000 / WINDOW_S))]!;
        window.ms.push(performance.now() - started);
        if (status !== 200) window.refused++;
      }
      // Follow Retry-After loosely: a refused client pauses instead of hammering.
      if (status === 429 || status === 503) await new Promise((r) => setTimeout(r, kind === 'cheap' ? 200 : 1000));
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  clearInterval(sampler);
  const after = await health(server.url);
  maxRss = Math.max(maxRss, after.rssBytes);
  cheapMs.sort((a, b) => a - b);
  return {
    phase: phase.name,
    seconds: phase.seconds,
    answered: [...statuses.values()].reduce((a, b) => a + b, 0),
    statuses: Object.fromEntries([...statuses].sort()),
    cheapP50Ms: Math.round(percentile(cheapMs, 50)),
    cheapP99Ms: Math.round(percentile(cheapMs, 99)),
    maxRssMb: Math.round(maxRss / 1024 / 1024),
    workersRestarted: after.queries.restarted - before.queries.restarted,
    timedOut: after.queries.timedOut - before.queries.timedOut,
    memoryExceeded: after.queries.memoryExceeded - before.queries.memoryExceeded,
    refusedQueueFull: after.queries.rejectedBusy - before.queries.rejectedBusy,
    refusedPerClient: after.queries.rejectedClient - before.queries.rejectedClient,
    refusedShape: (after.queries.rejectedShape ?? 0) - (before.queries.rejectedShape ?? 0),
    cheapByWindow: windows.map(({ ms, refused }, i) => {
      const sorted = ms.sort((a, b) => a - b);
      return `${i * WINDOW_S}-${(i + 1) * WINDOW_S} s: ${ms.length} (${refused} not 200), p99 ${Math.round(percentile(sorted, 99))} ms`;
    }),
  };
}

const { dir } = await buildRealDumpSet();
const server = await startServerProcess(['--from', dir, '--workers', '2'], env);
try {
  console.log(`server ready in ${Math.round(server.startMs)} ms; settings ${JSON.stringify(env)}, 2 workers + 1 spare`);
  // Let the spare finish loading before measuring.
  for (let i = 0; i < 120 && (await health(server.url)).rssBytes > 0; i++) {
    const h = (await (await fetch(`${server.url}/health`)).json()) as { queries: { spares: number } };
    if (h.queries.spares >= 1) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const phase of PHASES) console.log(JSON.stringify(await runPhase(server, phase)));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
