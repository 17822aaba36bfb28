import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { storeFromNQuads } from '../../functions/query/load-store.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import { QueryRunner } from '../../functions/query/query-runner.js';

const EX = 'http://example.org/';
const STORE = 'http://store.test/sparql';
const MAX_ROWS = 4;
/** Ten subjects numbered 0 to 9, in one record graph. */
const NQUADS = Array.from(
  { length: 10 },
  (_, i) => `<${EX}s${i}> <${EX}n> "${i}"^^<http://www.w3.org/2001/XMLSchema#integer> <${EX}g> .\n`,
).join('');

/** A stand-in SPARQL store: Oxigraph holding the record graph and the union graph `icat-kg load` writes. */
function storeFetch(): typeof fetch {
  const store = new oxigraph.Store();
  store.load(NQUADS, { format: 'application/n-quads' });
  store.load(NQUADS.replaceAll(`<${EX}g> .`, `<${EX}union> .`), { format: 'application/n-quads' });
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const query =
      url.searchParams.get('query') ??
      (init?.body instanceof URLSearchParams ? init.body : new URLSearchParams(String(init?.body))).get('query')!;
    const body = store.query(query, { results_format: 'application/sparql-results+json' }) as string;
    return new Response(body, { headers: { 'content-type': 'application/sparql-results+json' } });
  };
}

const options = { limits: queryLimitsSchema.parse({ maxRows: MAX_ROWS }), baseIri: EX, prefixes: {} };
const modes: [string, QueryRunner][] = [
  ['in memory', new QueryRunner(storeFromNQuads(NQUADS), options)],
  [
    'over a store',
    new QueryRunner(
      { endpoint: STORE, defaultGraph: `${EX}union`, namedGraphs: [`${EX}g`] },
      { ...options, fetch: storeFetch() },
    ),
  ],
];

/** The rows of a SELECT in order as `?s` values (or an ASK's answer), and whether the row limit cut them. */
async function answer(runner: QueryRunner, query: string): Promise<[string[] | boolean, boolean]> {
  const response = await runner.run({ query, defaultGraphUris: [], namedGraphUris: [], accept: 'application/json' });
  const json = JSON.parse(response.body) as { boolean?: boolean; results?: { bindings: { s: { value: string } }[] } };
  if (json.boolean !== undefined) return [json.boolean, false];
  return [json.results!.bindings.map((b) => b.s.value.slice(EX.length)), response.truncated === 'rows'];
}

const ordered = `SELECT ?s WHERE { ?s <${EX}n> ?n } ORDER BY ?n`;
const cases: [string, string, string[] | boolean, boolean][] = [
  ['its own LIMIT, under the row limit', `${ordered} LIMIT 3`, ['s0', 's1', 's2'], false],
  ['its own LIMIT, over the row limit', `${ordered} LIMIT 9`, ['s0', 's1', 's2', 's3'], true],
  ['OFFSET and LIMIT', `${ordered} OFFSET 2 LIMIT 3`, ['s2', 's3', 's4'], false],
  ['OFFSET alone, under the row limit', `${ordered} OFFSET 7`, ['s7', 's8', 's9'], false],
  ['OFFSET alone, over the row limit', `${ordered} OFFSET 2`, ['s2', 's3', 's4', 's5'], true],
  ['no LIMIT', ordered, ['s0', 's1', 's2', 's3'], true],
  ['LIMIT at the row limit', `${ordered} LIMIT ${MAX_ROWS}`, ['s0', 's1', 's2', 's3'], false],
  [
    'a subquery LIMIT',
    `SELECT ?s WHERE { { SELECT ?s ?n WHERE { ?s <${EX}n> ?n } ORDER BY ?n LIMIT 2 } } ORDER BY DESC(?n)`,
    ['s1', 's0'],
    false,
  ],
  ['ASK', `ASK { ?s <${EX}n> ?n }`, true, false],
  ['ASK with LIMIT 0', `ASK { ?s <${EX}n> ?n } LIMIT 0`, false, false],
  ['ASK with an OFFSET past the solutions', `ASK { ?s <${EX}n> ?n } OFFSET 10`, false, false],
  ['ASK with an OFFSET within them', `ASK { ?s <${EX}n> ?n } OFFSET 9`, true, false],
];

it.each(cases)('Oxigraph agrees on the expected answer: %s', (_name, query, rows) => {
  const store = new oxigraph.Store();
  store.load(NQUADS, { format: 'application/n-quads' });
  const result = store.query(query, { use_default_graph_as_union: true }) as boolean | Map<string, { value: string }>[];
  if (typeof result === 'boolean') return expect(result).toEqual(rows);
  expect(result.slice(0, MAX_ROWS).map((row) => row.get('s')!.value.slice(EX.length))).toEqual(rows);
});

// Over a store the query goes out as text: the endpoint's row limit must not replace the query's own.
describe.each(modes)('the query keeps its LIMIT and OFFSET, under the row limit and in ASK, %s', (_mode, runner) => {
  it.each(cases)('%s: %s', async (_name, query, rows, truncated) => {
    expect(await answer(runner, query)).toEqual([rows, truncated]);
  });
});
