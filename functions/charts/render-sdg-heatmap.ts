import { byText, type SdgHeatmapData } from './chart-data.js';
import { sdgColour } from './sdg-colours.js';
import { clip, el, escapeXml, svgDocument, title } from './svg.js';

const LABEL_WIDTH = 330;
const CELL = 30;
const TOP = 40;

/** Entities (rows) × the 17 SDGs (columns), each cell in its goal's colour, stronger for more named. */
export function renderSdgHeatmap(data: SdgHeatmapData, heading: string, description: string): string {
  const rows = [...new Map(data.cells.map((c) => [c.row, c.rowLabel]))].sort(
    (a, b) => byText(a[1], b[1]) || byText(a[0], b[0]),
  );
  const rowIndex = new Map(rows.map(([iri], i) => [iri, i]));
  const max = Math.max(1, ...data.cells.map((c) => c.value));
  const goals = Array.from({ length: 17 }, (_, i) => i + 1);
  const header = goals
    .map((goal) =>
      el(
        'g',
        { transform: `translate(${LABEL_WIDTH + (goal - 1) * CELL},0)` },
        el('rect', { x: 1, y: 8, width: CELL - 2, height: CELL - 6, fill: sdgColour(goal) }),
        el(
          'text',
          {
            x: CELL / 2,
            y: 8 + (CELL - 6) / 2,
            'text-anchor': 'middle',
            'dominant-baseline': 'central',
            fill: '#fff',
            'font-weight': 'bold',
          },
          String(goal),
        ),
      ),
    )
    .join('');
  const labels = rows
    .map(([, label], i) =>
      el(
        'text',
        {
          x: LABEL_WIDTH - 8,
          y: TOP + i * CELL + CELL / 2,
          'text-anchor': 'end',
          'dominant-baseline': 'central',
          fill: '#222',
        },
        escapeXml(clip(label, 50)),
      ),
    )
    .join('');
  const grid = rows
    .flatMap((_, i) =>
      goals.map((goal) =>
        el('rect', {
          x: LABEL_WIDTH + (goal - 1) * CELL + 1,
          y: TOP + i * CELL + 1,
          width: CELL - 2,
          height: CELL - 2,
          fill: '#f2f2f2',
        }),
      ),
    )
    .join('');
  const cells = [...data.cells]
    .sort((a, b) => byText(a.row, b.row) || a.goal - b.goal)
    .map((cell) => {
      const x = LABEL_WIDTH + (cell.goal - 1) * CELL;
      const y = TOP + rowIndex.get(cell.row)! * CELL;
      return el(
        'g',
        {
          class: 'mark',
          'data-key': `${cell.row} http://metadata.un.org/sdg/${cell.goal}`,
          'data-value': String(cell.value),
          transform: `translate(${x},${y})`,
        },
        title(`${cell.rowLabel} — SDG ${cell.goal}: ${cell.value} ${data.unit}`),
        el('rect', {
          x: 1,
          y: 1,
          width: CELL - 2,
          height: CELL - 2,
          fill: sdgColour(cell.goal),
          'fill-opacity': 0.45 + (0.55 * cell.value) / max,
        }),
        el(
          'text',
          {
            x: CELL / 2,
            y: CELL / 2,
            'text-anchor': 'middle',
            'dominant-baseline': 'central',
            fill: '#fff',
            'font-weight': 'bold',
          },
          String(cell.value),
        ),
      );
    })
    .join('');
  const height = TOP + rows.length * CELL + 30;
  const legend = el(
    'text',
    { x: LABEL_WIDTH, y: height - 10, fill: '#555', 'font-size': 11 },
    escapeXml(`number in a cell: ${data.unit} under that goal`),
  );
  return svgDocument(
    LABEL_WIDTH + 17 * CELL + 10,
    height,
    heading,
    description,
    header + labels + grid + cells + legend,
  );
}
