import type { ChartData } from './chart-data.js';
import type { ChartDefinition } from './chart-definitions.js';
import { renderBars } from './render-bars.js';
import { renderMap } from './render-map.js';
import { renderNetwork } from './render-network.js';
import { renderSdgHeatmap } from './render-sdg-heatmap.js';
import type { Row } from './chart-data.js';

/** One chart as a standalone SVG document, from the rows of its query. */
export function renderChart(chart: ChartDefinition, rows: readonly Row[]): string {
  const data: ChartData = chart.toData(rows);
  switch (data.kind) {
    case 'bars':
      return renderBars(data, chart.title, chart.caption);
    case 'sdg-heatmap':
      return renderSdgHeatmap(data, chart.title, chart.caption);
    case 'map':
      return renderMap(data, chart.title, chart.caption);
    case 'network':
      return renderNetwork(data, chart.title, chart.caption);
  }
}
