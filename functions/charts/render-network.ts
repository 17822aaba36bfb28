import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import { byText, type NetworkData } from './chart-data.js';
import { clip, el, escapeXml, svgDocument, title } from './svg.js';

const WIDTH = 900;
const HEIGHT = 640;
const MARGIN = 60;
const TICKS = 300;
const MOU = '#0b4f8a';
const OTHER = '#e07b00';

interface Node extends SimulationNodeDatum {
  readonly id: string;
  readonly label: string;
  degree: number;
}

/**
 * A force-directed network. d3-force starts nodes on a fixed spiral in the order given and jiggles with
 * its own seeded random source, so the same edges in the same order always give the same picture.
 */
export function renderNetwork(data: NetworkData, heading: string, description: string): string {
  const nodes = new Map<string, Node>();
  const node = (id: string, label: string) => {
    const known = nodes.get(id) ?? { id, label, degree: 0 };
    known.degree++;
    nodes.set(id, known);
    return known;
  };
  const edges = [...data.edges].sort((a, b) => byText(a.key, b.key));
  const links = edges.map((e) => ({
    edge: e,
    source: node(e.source, e.sourceLabel),
    target: node(e.target, e.targetLabel),
  }));
  const ordered = [...nodes.values()].sort((a, b) => byText(a.id, b.id));
  const simulation = forceSimulation(ordered)
    .force('link', forceLink(links.map((l) => ({ source: l.source, target: l.target }))).distance(70))
    .force('charge', forceManyBody().strength(-220))
    .force('center', forceCenter(0, 0))
    .force('collide', forceCollide(18))
    .stop();
  simulation.tick(TICKS);
  const xs = ordered.map((n) => n.x ?? 0);
  const ys = ordered.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (WIDTH - 2 * MARGIN) / Math.max(1, maxX - minX),
    (HEIGHT - 2 * MARGIN - 30) / Math.max(1, maxY - minY),
  );
  const at = (n: Node) => ({ x: MARGIN + ((n.x ?? 0) - minX) * scale, y: MARGIN + ((n.y ?? 0) - minY) * scale });
  const lines = links
    .map(({ edge, source, target }) => {
      const a = at(source);
      const b = at(target);
      return el(
        'line',
        {
          class: 'mark',
          'data-key': edge.key,
          'data-value': edge.type,
          'data-unilateral': String(edge.unilateral),
          x1: a.x,
          y1: a.y,
          x2: b.x,
          y2: b.y,
          stroke: edge.isMou ? MOU : OTHER,
          'stroke-width': 2,
          'stroke-opacity': 0.7,
          'stroke-dasharray': edge.unilateral ? '5 4' : undefined,
        },
        title(
          `${edge.sourceLabel} — ${edge.targetLabel}: ${edge.type}${edge.unilateral ? ', reported by one side only' : ''}`,
        ),
      );
    })
    .join('');
  const circles = ordered
    .map((n) => {
      const p = at(n);
      return el(
        'g',
        { class: 'node', 'data-node': n.id, transform: `translate(${p.x},${p.y})` },
        title(`${n.label}: ${n.degree} framework${n.degree === 1 ? '' : 's'}`),
        el('circle', { r: 5 + Math.sqrt(n.degree) * 2, fill: '#fff', stroke: '#333', 'stroke-width': 1.5 }),
        el(
          'text',
          { y: -10 - Math.sqrt(n.degree) * 2, 'text-anchor': 'middle', fill: '#111', 'font-size': 11 },
          escapeXml(clip(n.label, 24)),
        ),
      );
    })
    .join('');
  const legend = [
    [MOU, undefined, 'memorandum of understanding'],
    [OTHER, undefined, 'other framework'],
    ['#555', '5 4', 'reported by one side only'],
  ]
    .map(([colour, dash, text], i) =>
      el(
        'g',
        { transform: `translate(${MARGIN + i * 240},${HEIGHT - 18})` },
        el('line', { x1: 0, y1: 0, x2: 28, y2: 0, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash }),
        el('text', { x: 34, y: 4, fill: '#222', 'font-size': 11 }, escapeXml(text!)),
      ),
    )
    .join('');
  return svgDocument(WIDTH, HEIGHT, heading, description, lines + circles + legend);
}
