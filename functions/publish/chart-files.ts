import type { Quad } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { rowsOfSparqlJson } from '../charts/chart-data.js';
import { CHARTS, chartNamespaces } from '../charts/chart-definitions.js';
import { renderChart } from '../charts/render-chart.js';
import { storeFromQuads } from '../query/load-store.js';
import { queryLimitsSchema } from '../query/query-limits.js';
import { QueryRunner } from '../query/query-runner.js';
import { sparqlSyntax } from '../query/sparql-parser.js';
import type { Iris } from '../rdf/iris.js';
import { dumpFile, type DumpFile } from './dump-file.js';

const SVG_SPEC = 'https://www.w3.org/TR/SVG11/';

/**
 * The dashboard's charts rendered at publish time, as SVG files of the dump set. Each runs the same
 * SPARQL query as the live dashboard, with the endpoint's engine over the same graph, so the picture in
 * the dump set and the one in the browser agree.
 */
export async function chartFiles(quads: readonly Quad[], iris: Iris): Promise<DumpFile[]> {
  const queries = CHARTS.map((chart) => chart.query(chartNamespaces(iris)));
  const predicates = await predicatesOf(queries);
  const runner = new QueryRunner(predicates ? defaultGraphStore(quads, predicates) : storeFromQuads(quads), {
    limits: queryLimitsSchema.parse({}),
    baseIri: iris.base,
    prefixes: {},
  });
  const files: DumpFile[] = [];
  for (const [i, chart] of CHARTS.entries()) {
    const response = await runner.run({
      query: queries[i]!,
      defaultGraphUris: [],
      namedGraphUris: [],
      accept: 'application/sparql-results+json',
    });
    const rows = rowsOfSparqlJson(JSON.parse(response.body) as Parameters<typeof rowsOfSparqlJson>[0]);
    files.push(
      dumpFile({
        path: `charts/${chart.id}.svg`,
        mediaType: 'image/svg+xml',
        title: `Chart: ${chart.title} (SVG)`,
        description: chart.caption,
        conformsTo: SVG_SPEC,
        content: renderChart(chart, rows),
      }),
    );
  }
  return files;
}

/**
 * The store the chart queries need: the default graph only (the union of the named graphs, each triple
 * once), and only the triples whose predicate a query names. The endpoint's store also holds every quad
 * in its named graph, for GRAPH ?g, which no chart query uses; and a query whose predicates are all
 * fixed IRIs cannot match any other triple. For the million-quad build this is a small part of the graph
 * instead of it twice.
 */
function defaultGraphStore(quads: readonly Quad[], predicates: ReadonlySet<string>): Store {
  const store = new Store();
  for (const q of quads)
    if (predicates.has(q.predicate.value)) store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
  return store;
}

/**
 * Every predicate IRI the queries name (in triple patterns and property paths), or undefined when a
 * query could match other triples: a variable predicate, a negated property set, a GRAPH or a dataset
 * clause. Then the charts run over the endpoint's whole store.
 */
async function predicatesOf(queries: readonly string[]): Promise<Set<string> | undefined> {
  const { parser, toAlgebra } = await sparqlSyntax();
  const predicates = new Set<string>();
  let open = false;
  const walk = (node: unknown): void => {
    if (open || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const op = node as { type?: unknown; predicate?: { termType?: string; value?: string }; iri?: { value?: string } };
    if (op.type === 'graph' || op.type === 'nps' || op.type === 'from' || op.type === 'service') open = true;
    else if (op.type === 'pattern') {
      if (op.predicate?.termType === 'NamedNode') predicates.add(op.predicate.value!);
      else open = true;
    } else if (op.type === 'link') predicates.add(op.iri!.value!);
    for (const value of Object.values(node)) walk(value);
  };
  for (const query of queries) walk(toAlgebra(parser.parse(query), { quads: false }));
  return open ? undefined : predicates;
}
