import type { BarsData } from './chart-data.js';
import { clip, el, escapeXml, svgDocument, title } from './svg.js';

const WIDTH = 860;
const LABEL_WIDTH = 330;
const BAR_HEIGHT = 18;
const GAP = 6;
const TOP = 12;
const MAX_BAR = 360;

/** A horizontal bar chart: one labelled bar per item, the value written at its end. */
export function renderBars(data: BarsData, heading: string, description: string): string {
  const max = Math.max(1, ...data.bars.map((b) => b.value));
  const rows = data.bars.map((bar, i) => {
    const y = TOP + i * (BAR_HEIGHT + GAP);
    const length = (bar.value / max) * MAX_BAR;
    const tip = `${bar.label}: ${bar.value} ${data.unit}${bar.note ? ` (${bar.note})` : ''}`;
    return el(
      'g',
      { class: 'mark', 'data-key': bar.key, 'data-value': String(bar.value), transform: `translate(0,${y})` },
      title(tip),
      el(
        'text',
        { x: LABEL_WIDTH - 8, y: BAR_HEIGHT / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', fill: '#222' },
        escapeXml(clip(bar.label, 44)),
      ),
      el('rect', { x: LABEL_WIDTH, y: 0, width: Math.max(length, 1), height: BAR_HEIGHT, fill: '#0b4f8a' }),
      el(
        'text',
        { x: LABEL_WIDTH + length + 6, y: BAR_HEIGHT / 2, 'dominant-baseline': 'central', fill: '#222' },
        escapeXml(bar.note ? `${bar.value} · ${clip(bar.note, 60)}` : String(bar.value)),
      ),
    );
  });
  const height = TOP * 2 + data.bars.length * (BAR_HEIGHT + GAP) + 16;
  const axis = el(
    'text',
    { x: LABEL_WIDTH, y: height - 8, fill: '#555', 'font-size': 11 },
    escapeXml(`bar length: ${data.unit} (longest = ${max})`),
  );
  return svgDocument(WIDTH, height, heading, description, rows.join('') + axis);
}
