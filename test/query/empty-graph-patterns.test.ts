import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFromNQuads } from '../../functions/query/load-store.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import { QueryRunner, type QueryRequest } from '../../functions/query/query-runner.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';

const EX = 'http://example.org/';
/** Two named graphs, one of them with a triple also in the default graph, and a default-graph-only triple. */
const NQUADS = [
  `<${EX}a> <${EX}p> "a" <${EX}g1> .`,
  `<${EX}a> <${EX}p> "a" .`,
  `<${EX}b> <${EX}p> "b" <${EX}g2> .`,
  `<${EX}b> <${EX}q> <${EX}a> <${EX}g2> .`,
  `<${EX}c> <${EX}p> "c" .`,
  '',
].join('\n');

function ours(nquads: string): QueryRunner {
  return new QueryRunner(storeFromNQuads(nquads), {
    limits: queryLimitsSchema.parse({}),
    baseIri: EX,
    prefixes: {},
  });
}

function theirs(nquads: string, lenient = false): oxigraph.Store {
  const store = new oxigraph.Store();
  store.load(nquads, { format: 'application/n-quads', lenient });
  return store;
}

/** The solutions of a SELECT as sorted `var=value` lines, or an ASK's answer. */
async function ourAnswer(runner: QueryRunner, query: string, named: string[] = []): Promise<string[] | boolean> {
  const request: QueryRequest = { query, defaultGraphUris: [], namedGraphUris: named, accept: 'application/json' };
  const response = await runner.run(request);
  const json = JSON.parse(response.body) as {
    boolean?: boolean;
    results?: { bindings: Record<string, { value: string }>[] };
  };
  if (json.boolean !== undefined) return json.boolean;
  return json
    .results!.bindings.map((row) =>
      Object.entries(row)
        .map(([name, term]) => `${name}=${term.value}`)
        .sort()
        .join(' '),
    )
    .sort();
}

function oxigraphAnswer(store: oxigraph.Store, query: string, named: string[] = []): string[] | boolean {
  const options = named.length > 0 ? { named_graphs: named.map((iri) => oxigraph.namedNode(iri)) } : {};
  const result = store.query(query, options);
  if (typeof result === 'boolean') return result;
  return (result as Map<string, { value: string }>[])
    .map((row) =>
      [...row.entries()]
        .map(([name, term]) => `${name}=${term.value}`)
        .sort()
        .join(' '),
    )
    .sort();
}

describe('GRAPH with a group that holds no triple pattern', () => {
  const runner = ours(NQUADS);
  const store = theirs(NQUADS);

  const cases: [string, string, string[] | boolean][] = [
    ['every named graph', 'SELECT ?g WHERE { GRAPH ?g {} }', [`g=${EX}g1`, `g=${EX}g2`]],
    ['rdflib contexts()', 'SELECT ?name WHERE { GRAPH ?name {} }', [`name=${EX}g1`, `name=${EX}g2`]],
    ['counted', 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { } }', ['n=2']],
    [
      'FROM NAMED, also a graph the store lacks',
      `SELECT ?g FROM NAMED <${EX}g1> FROM NAMED <${EX}nope> WHERE { GRAPH ?g {} }`,
      [`g=${EX}g1`, `g=${EX}nope`],
    ],
    ['FROM alone: no named graphs', `SELECT ?g FROM <${EX}g1> WHERE { GRAPH ?g {} }`, []],
    ['a filter sees the graph', `SELECT ?g WHERE { GRAPH ?g { FILTER(?g != <${EX}g1>) } }`, [`g=${EX}g2`]],
    ['a BIND inside', 'SELECT ?g ?x WHERE { GRAPH ?g { BIND(1 AS ?x) } }', [`g=${EX}g1 x=1`, `g=${EX}g2 x=1`]],
    [
      'joined with triples outside',
      `PREFIX ex: <${EX}> SELECT ?g ?o WHERE { ?s ex:p ?o . GRAPH ?g {} FILTER(?s = ex:c) }`,
      [`g=${EX}g1 o=c`, `g=${EX}g2 o=c`],
    ],
    // (Outside GRAPH, only triples the default graph holds in both stores: Oxigraph's is not the union.)
    [
      'inside OPTIONAL',
      `SELECT ?o ?g WHERE { <${EX}c> <${EX}p> ?o OPTIONAL { GRAPH ?g {} } }`,
      [`g=${EX}g1 o=c`, `g=${EX}g2 o=c`],
    ],
    [
      'inside EXISTS and NOT EXISTS',
      `SELECT ?s WHERE { ?s <${EX}p> "c" FILTER EXISTS { GRAPH <${EX}g2> {} } FILTER NOT EXISTS { GRAPH <${EX}nope> {} } }`,
      [`s=${EX}c`],
    ],
    ['a named graph by name', `ASK { GRAPH <${EX}g2> {} }`, true],
    ['by prefixed name', `PREFIX ex: <${EX}> ASK { GRAPH ex:g1 {} }`, true],
    ['$-variable and a comment', 'SELECT $g WHERE { GRAPH $g # {\n { } }', [`g=${EX}g1`, `g=${EX}g2`]],
    ['a graph that is not there', `ASK { GRAPH <${EX}nope> {} }`, false],
    ['the default graph is not named', `SELECT ?g WHERE { GRAPH ?g { } FILTER(!isIRI(?g)) }`, []],
    [
      'groups with triples are left to Comunica',
      `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s <${EX}p> ?o } }`,
      [`g=${EX}g1`, `g=${EX}g2`],
    ],
  ];
  for (const [name, query, expected] of cases) {
    it(`${name}: ${query}`, async () => {
      expect(oxigraphAnswer(store, query)).toEqual(expected);
      expect(await ourAnswer(runner, query)).toEqual(expected);
    });
  }

  it('takes the named graphs of the protocol dataset (named-graph-uri)', async () => {
    const query = 'SELECT ?g WHERE { GRAPH ?g {} }';
    const named = [`${EX}g2`, `${EX}other`];
    expect(oxigraphAnswer(store, query, named)).toEqual([`g=${EX}g2`, `g=${EX}other`]);
    expect(await ourAnswer(runner, query, named)).toEqual([`g=${EX}g2`, `g=${EX}other`]);
  });
});

describe('GRAPH ?g {} over the real dump set, against Oxigraph', () => {
  let dir: string;
  let nquads: string;
  let namedGraphs: number;
  beforeAll(async () => {
    const built = await buildRealDumpSet();
    dir = built.dir;
    namedGraphs = built.result.dumps.statistics.namedGraphs;
    nquads = readFileSync(join(dir, 'icat.nq'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('binds ?g to exactly the named graphs Oxigraph finds, the record graphs of the manifest', async () => {
    const query = 'SELECT ?g WHERE { GRAPH ?g {} }';
    // Lenient: only graph names matter here; the strict load of every dump is the dump set's own test.
    const expected = oxigraphAnswer(theirs(nquads, true), query) as string[];
    const graphNames = new Set(
      new Parser({ format: 'application/n-quads' })
        .parse(nquads)
        .filter((q) => q.graph.termType === 'NamedNode')
        .map((q) => `g=${q.graph.value}`),
    );
    expect(expected).toEqual([...graphNames].sort());
    expect(expected).toHaveLength(namedGraphs);
    expect(await ourAnswer(ours(nquads), query)).toEqual(expected);
  });
});
