import type { Quad } from '@rdfjs/types';
import { rowsOfSparqlJson } from '../charts/chart-data.js';
import { CHARTS, chartNamespaces } from '../charts/chart-definitions.js';
import { renderChart } from '../charts/render-chart.js';
import { storeFromQuads } from '../query/load-store.js';
import { queryLimitsSchema } from '../query/query-limits.js';
import { QueryRunner } from '../query/query-runner.js';
import type { Iris } from '../rdf/iris.js';
import { dumpFile, type DumpFile } from './dump-file.js';

const SVG_SPEC = 'https://www.w3.org/TR/SVG11/';

/**
 * The dashboard's charts rendered at publish time, as SVG files of the dump set. Each runs the same
 * SPARQL query as the live dashboard, with the endpoint's engine over the same graph, so the picture in
 * the dump set and the one in the browser agree.
 */
export async function chartFiles(quads: readonly Quad[], iris: Iris): Promise<DumpFile[]> {
  const runner = new QueryRunner(storeFromQuads(quads), {
    limits: queryLimitsSchema.parse({}),
    baseIri: iris.base,
    prefixes: {},
  });
  const files: DumpFile[] = [];
  for (const chart of CHARTS) {
    const response = await runner.run({
      query: chart.query(chartNamespaces(iris)),
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
