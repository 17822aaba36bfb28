/**
 * Scale run of the remote-store mode: the real dump set replicated to `--quads` quads (each copy under
 * its own record and graph IRIs), bulk-loaded into a real Virtuoso on loopback, then the worked examples
 * and a few whole-graph queries timed through `icat-kg serve --store`. The baseline, measured in the same
 * run, is the in-memory endpoint over the real dump set; the store over the real dump set is measured
 * too, so the table separates the cost of the store from the cost of scale.
 *
 *   npm run bench:store -- [--quads 10000000] [--runs 5]
 *
 * Needs Debian's virtuoso-opensource-7-bin (.ci/run installs it). The result cache is off in every
 * server: each run evaluates the query.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../functions/cli/main.js';
import { exampleQueries } from '../functions/http/examples.js';
import { DEFAULT_BASE_IRI } from '../functions/rdf/namespaces.js';
import { stateTriples, storeLayout } from '../functions/store/load-dump-set.js';
import { startServerProcess, type ServerProcess } from '../test/http/server-process.js';
import { writeReplicated } from './replicate-dump.js';
import { startVirtuoso, type Virtuoso } from '../test/store/virtuoso.js';

const { values } = parseArgs({
  options: { quads: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '5' } },
});
const targetQuads = Number(values.quads);
const runs = Number(values.runs);
const layout = storeLayout(DEFAULT_BASE_IRI);
const NO_CACHE = { RESULT_CACHE_BYTES: '0', QUERY_TIMEOUT_MS: '120000' };

const WHOLE_GRAPH = [
  { id: 'count-all', query: 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' },
  {
    id: 'count-by-class',
    query: 'SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 20',
  },
  {
    id: 'label-lookup',
    query: `SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "United Nations Office on Drugs and Crime"@en }`,
  },
];

/** Bulk-loads a file of the store's folder, then writes the union and state graphs as `icat-kg load` does. */
async function bulkLoad(virtuoso: Virtuoso, file: string, version: string, graphs: Set<string>): Promise<number> {
  await virtuoso.sql(
    `ld_dir('${virtuoso.dir}', '${file}', '${DEFAULT_BASE_IRI}graph/bulk-default'); rdf_loader_run(); checkpoint;`,
  );
  await virtuoso.sql(
    `log_enable(2); SPARQL INSERT { GRAPH <${layout.unionGraph}> { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${DEFAULT_BASE_IRI}graph/") && ?g != <${layout.unionGraph}>) }; checkpoint;`,
  );
  // Written by the bulk loader too: at scale the list of graphs is a large body for a Graph Store PUT.
  writeFileSync(join(virtuoso.dir, 'state.nt'), `${stateTriples(layout, version, [...graphs].sort())}\n`);
  await virtuoso.sql(`ld_dir('${virtuoso.dir}', 'state.nt', '${layout.stateGraph}'); rdf_loader_run(); checkpoint;`);
  const errors = await virtuoso.sql('SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;');
  if (!/\b0 Rows\./.test(errors)) throw new Error(`Virtuoso's bulk loader failed:\n${errors}`);
  const counted = await virtuoso.sql(
    `SPARQL SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${layout.unionGraph}> { ?s ?p ?o } };`,
  );
  return Number(/^(\d+)\s*$/m.exec(counted)?.[1] ?? Number.NaN);
}

async function timeQuery(server: ServerProcess, query: string): Promise<{ ms: number; rows: string }> {
  const times: number[] = [];
  let rows = '';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
      body: query,
    });
    const body = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${response.status}: ${body}`);
    rows = response.headers.get('x-result-rows') ?? '';
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rows };
}

const work = mkdtempSync(join(tmpdir(), 'icat-kg-store-scale-'));
const quiet = { out: () => undefined, err: () => undefined };
const servers: ServerProcess[] = [];
const stores: Virtuoso[] = [];
try {
  const dumps = join(work, 'dumps');
  if ((await runCli(['build', '--quiet', '--out', dumps], quiet)) !== 0) throw new Error('build failed');
  const version = (JSON.parse(readFileSync(join(dumps, 'manifest.json'), 'utf8')) as { version: string }).version;
  const lines = readFileSync(join(dumps, 'icat.nq'), 'utf8').split('\n').filter(Boolean);

  const small = await startVirtuoso();
  stores.push(small);
  if ((await runCli(['load', dumps, '--into', small.graphStore], quiet)) !== 0) throw new Error('load failed');

  const large = await startVirtuoso();
  stores.push(large);
  let started = performance.now();
  const { quads, graphs } = await writeReplicated(lines, targetQuads, DEFAULT_BASE_IRI, join(large.dir, 'scale.nq'));
  const writeSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const unionTriples = await bulkLoad(large, 'scale.nq', `${version}-x${Math.ceil(quads / lines.length)}`, graphs);
  const loadSeconds = (performance.now() - started) / 1000;

  const memory = await startServerProcess(['--from', dumps], NO_CACHE);
  const storeSmall = await startServerProcess(['--store', small.sparql], NO_CACHE);
  const storeLarge = await startServerProcess(['--store', large.sparql], NO_CACHE);
  servers.push(memory, storeSmall, storeLarge);

  console.log(`real dump set: ${lines.length} quads; scaled: ${quads} quads in ${graphs.size} graphs`);
  console.log(
    `scaled file written in ${writeSeconds.toFixed(1)} s; Virtuoso bulk load with union graph in ${loadSeconds.toFixed(1)} s (${Math.round(quads / loadSeconds)} quads/s); union graph: ${unionTriples} triples`,
  );
  console.log(`median of ${runs} runs, result cache off\n`);
  console.log('| query | in memory, 1× | store, 1× (ratio) | store, scaled (ratio) | rows 1× / scaled |');
  console.log('|---|---|---|---|---|');
  for (const { id, query } of [...exampleQueries(DEFAULT_BASE_IRI), ...WHOLE_GRAPH]) {
    const base = await timeQuery(memory, query);
    const one = await timeQuery(storeSmall, query);
    const scaled = await timeQuery(storeLarge, query);
    const ratio = (x: number) => (x / base.ms).toFixed(1);
    console.log(
      `| ${id} | ${base.ms.toFixed(0)} ms | ${one.ms.toFixed(0)} ms (${ratio(one.ms)}) | ${scaled.ms.toFixed(0)} ms (${ratio(scaled.ms)}) | ${one.rows} / ${scaled.rows} |`,
    );
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(stores.map((s) => s.stop()));
  rmSync(work, { recursive: true, force: true });
}
