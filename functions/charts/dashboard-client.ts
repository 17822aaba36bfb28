/**
 * The dashboard in the browser: each chart runs its SPARQL query against this server's endpoint and
 * draws the answer with the same renderers the publish step uses for the SVGs of the dump set.
 * Bundled by scripts/bundle-dashboard.mjs into dist/ui/dashboard.js; nothing is fetched from another host.
 */
import { rowsOfSparqlJson } from './chart-data.js';
import { CHARTS, type ChartNamespaces } from './chart-definitions.js';
import { renderChart } from './render-chart.js';

interface DashboardConfig extends ChartNamespaces {
  readonly endpoint: string;
}

async function draw(config: DashboardConfig, chartId: string, figure: HTMLElement): Promise<void> {
  const chart = CHARTS.find((c) => c.id === chartId);
  const target = figure.querySelector<HTMLElement>('.chart');
  if (!chart || !target) return;
  try {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
      body: chart.query(config),
    });
    if (!response.ok) throw new Error(`the endpoint answered ${response.status}: ${(await response.text()).trim()}`);
    const rows = rowsOfSparqlJson((await response.json()) as Parameters<typeof rowsOfSparqlJson>[0]);
    target.innerHTML = renderChart(chart, rows);
    figure.dataset.state = 'ready';
  } catch (error) {
    target.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    figure.dataset.state = 'failed';
  }
}

const config = JSON.parse(document.getElementById('dashboard-config')?.textContent ?? '{}') as DashboardConfig;
await Promise.all(
  [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].map((figure) =>
    draw(config, figure.dataset.chart ?? '', figure),
  ),
);
document.body.dataset.dashboard = 'ready';
