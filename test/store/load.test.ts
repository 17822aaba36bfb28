import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/cli/main.js';
import { DEFAULT_BASE_IRI, ICAT_ONTOLOGY } from '../../functions/rdf/namespaces.js';
import { GraphStoreClient, StoreError } from '../../functions/store/graph-store-client.js';
import { loadDumpSet, readStoreState, storeLayout } from '../../functions/store/load-dump-set.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { startVirtuoso, type Virtuoso } from './virtuoso.js';

let virtuoso: Virtuoso;
let dir: string;
let version: string;
let nquads: string;
const layout = storeLayout(DEFAULT_BASE_IRI);

beforeAll(async () => {
  const built = await buildRealDumpSet();
  dir = built.dir;
  version = built.result.dumps.version;
  nquads = readFileSync(join(dir, 'icat.nq'), 'utf8');
  virtuoso = await startVirtuoso();
}, 240_000);
afterAll(async () => {
  await virtuoso?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One number from a SELECT over the store. */
async function count(query: string): Promise<number> {
  const response = await fetch(`${virtuoso.sparql}?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/sparql-results+json' },
  });
  expect(response.status).toBe(200);
  const json = (await response.json()) as { results: { bindings: Record<string, { value: string }>[] } };
  return Number(Object.values(json.results.bindings[0]!)[0]!.value);
}

const ourGraphs = `SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${DEFAULT_BASE_IRI}graph/")) }`;

describe('icat-kg load into a real Virtuoso', () => {
  it('writes every named graph, the union graph and the state graph, and says so', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['load', dir, '--into', virtuoso.graphStore], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const quads = new Parser({ format: 'application/n-quads' }).parse(nquads);
    const graphs = new Set(quads.map((q) => q.graph.value));
    const triples = new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.id}`)).size;
    expect(out[0]).toMatch(
      new RegExp(
        `^Loaded dump set ${version} into ${virtuoso.graphStore}: ${graphs.size} named graphs, ${quads.length} quads, ${triples} triples in the union graph, in \\d+ ms$`,
      ),
    );
    // Record and vocabulary graphs, the union graph and the state graph.
    expect(await count(ourGraphs)).toBe(graphs.size + 2);
    expect(await count(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${layout.unionGraph}> { ?s ?p ?o } }`)).toBe(triples);
    expect(await readStoreState(new GraphStoreClient(virtuoso.graphStore), layout)).toEqual({
      version,
      graphs: [...graphs].sort(),
    });
  });

  it('answers as the dump set does: the entities and their SDG targets', async () => {
    const entities = await count(
      `SELECT (COUNT(DISTINCT ?e) AS ?n) FROM <${layout.unionGraph}> WHERE { ?e a <${ICAT_ONTOLOGY}Entity> }`,
    );
    const expected = new Set(
      nquads.match(
        new RegExp(`^<[^>]+> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${ICAT_ONTOLOGY}Entity> `, 'gm'),
      ),
    ).size;
    expect(entities).toBe(expected);
  });

  it('removes the graphs of records that are gone, and records the new version last', async () => {
    const gone = `${DEFAULT_BASE_IRI}graph/entity/unodc`;
    const without = nquads
      .split('\n')
      .filter((l) => !l.endsWith(` <${gone}> .`))
      .join('\n');
    const report = await loadDumpSet(without, 'next-version', new GraphStoreClient(virtuoso.graphStore), layout);
    expect(report.removed).toEqual([gone]);
    expect(report.previousVersion).toBe(version);
    expect(await count(`ASK { GRAPH <${gone}> { ?s ?p ?o } }`.replace('ASK', 'SELECT (COUNT(*) AS ?n) WHERE'))).toBe(0);
    const state = await readStoreState(new GraphStoreClient(virtuoso.graphStore), layout);
    expect(state?.version).toBe('next-version');
    expect(state?.graphs).not.toContain(gone);
  });

  it('names the store, the graph and the status when the store refuses', async () => {
    const client = new GraphStoreClient(`${virtuoso.graphStore.replace('/sparql-graph-crud', '/no-such-service')}`);
    const error = await client.put(`${DEFAULT_BASE_IRI}graph/x`, '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const { status, message } = error as StoreError;
    expect(status).toBeGreaterThanOrEqual(400);
    expect(message).toMatch(
      new RegExp(
        `^PUT <${DEFAULT_BASE_IRI}graph/x> at http://127\\.0\\.0\\.1:\\d+/no-such-service: the store answered ${status}`,
      ),
    );
  });
});
