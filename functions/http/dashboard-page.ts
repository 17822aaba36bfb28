import { CHARTS, type ChartNamespaces } from '../charts/chart-definitions.js';
import { escapeHtml, layout, scriptJson } from './pages.js';

const STYLE = `<style>
figure { margin: 1.5rem 0 2.5rem; }
figure h2 { margin: 0 0 0.5rem; font-size: 1.15rem; }
figure .chart { overflow-x: auto; min-height: 4rem; }
figure .chart svg { max-width: 100%; height: auto; }
figcaption { color: #46596c; font-size: 0.9rem; max-width: 60rem; }
nav.charts a { margin-right: 0.8rem; }
</style>`;

/**
 * The dashboard: every chart is drawn in the browser from its SPARQL query over the live graph, and links
 * to that query (opened in the query UI) and to the SVG rendered at publish time.
 */
export function dashboardPage(endpoint: string, namespaces: ChartNamespaces, hasChartFiles: boolean): string {
  const figures = CHARTS.map((chart) => {
    const queryLink = `/sparql#query=${encodeURIComponent(chart.query(namespaces))}`;
    const svgLink = hasChartFiles
      ? ` · <a href="/dumps/charts/${escapeHtml(chart.id)}.svg">SVG of the published dump set</a>`
      : '';
    return `<figure id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}" data-state="loading">
<h2>${escapeHtml(chart.title)}</h2>
<div class="chart" aria-live="polite">Loading…</div>
<figcaption>${escapeHtml(chart.caption)} <a href="${escapeHtml(queryLink)}">Open its SPARQL query</a>${svgLink}</figcaption>
</figure>`;
  }).join('\n');
  const contents = CHARTS.map((c) => `<a href="#chart-${escapeHtml(c.id)}">${escapeHtml(c.title)}</a>`).join('\n');
  return layout(
    'ICAT Knowledge Graph — dashboard',
    `<h1>The mapping at a glance</h1>
<p>The charts of the 2021 ICAT mapping were images and are lost; these are recomputed in your browser from the
graph, each by the SPARQL query it links to. They count only what the records of the mapping state.</p>
<nav class="charts">${contents}</nav>
${figures}
<script type="application/json" id="dashboard-config">${scriptJson({ endpoint, ...namespaces })}</script>
<script type="module" src="/ui/dashboard.js"></script>`,
    STYLE,
  );
}
