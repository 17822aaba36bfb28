import { describe, expect, it } from 'vitest';
import type { NetworkEdge } from '../../functions/charts/chart-data.js';
import { rowsOfSparqlJson } from '../../functions/charts/chart-data.js';
import { CHARTS } from '../../functions/charts/chart-definitions.js';
import { renderBars } from '../../functions/charts/render-bars.js';
import { renderMap } from '../../functions/charts/render-map.js';
import { renderNetwork } from '../../functions/charts/render-network.js';
import { renderSdgHeatmap } from '../../functions/charts/render-sdg-heatmap.js';
import { escapeXml, num } from '../../functions/charts/svg.js';

/** The marks of an SVG document, as `data-key=data-value` in document order. */
function marks(svg: string): string[] {
  return [...svg.matchAll(/data-key="([^"]*)" data-value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
}

describe('SVG writing', () => {
  it('escapes markup and quotes, and writes coordinates with one decimal', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect([num(1.25), num(-0.04), num(300), num(2 / 3)]).toEqual(['1.3', '0', '300', '0.7']);
  });
});

describe('renderBars', () => {
  it('draws one mark per bar, in the order given, with the value and the note', () => {
    const svg = renderBars(
      {
        kind: 'bars',
        unit: 'members named',
        bars: [
          { key: 'urn:b', label: 'Bali Process', value: 49, note: 'Australia; Indonesia' },
          { key: 'urn:a', label: 'Alliance 8.7', value: 3 },
        ],
      },
      'Initiatives',
      'What it counts',
    );
    expect(marks(svg)).toEqual(['urn:b=49', 'urn:a=3']);
    expect(svg).toContain('<title>Bali Process: 49 members named (Australia; Indonesia)</title>');
    expect(svg).toContain('>49 · Australia; Indonesia</text>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="chart-title">Initiatives</title><desc id="chart-desc">What it counts</desc>');
  });
});

describe('renderSdgHeatmap', () => {
  it('keys each cell by the entity and the official goal IRI', () => {
    const svg = renderSdgHeatmap(
      {
        kind: 'sdg-heatmap',
        unit: 'named',
        cells: [
          { row: 'urn:un-women', rowLabel: 'UN Women', goal: 16, value: 1 },
          { row: 'urn:un-women', rowLabel: 'UN Women', goal: 5, value: 2 },
        ],
      },
      'SDGs',
      '',
    );
    expect(marks(svg)).toEqual([
      'urn:un-women http://metadata.un.org/sdg/5=2',
      'urn:un-women http://metadata.un.org/sdg/16=1',
    ]);
    // Goal 5 in its official colour.
    expect(svg).toContain('fill="#FF3A21" fill-opacity="1"');
  });
});

describe('renderMap', () => {
  it('shades the countries it has shapes for and lists the others under the map', () => {
    const svg = renderMap(
      {
        kind: 'map',
        unit: 'activity examples',
        areas: [
          { m49: '076', label: 'Brazil', value: 4 },
          { m49: '498', label: 'Republic of Moldova', value: 1 },
          { m49: '999', label: 'Nowhere', value: 2 },
        ],
      },
      'Map',
      '',
    );
    expect(marks(svg)).toEqual([
      'http://metadata.un.org/sdg/codes/geoArea/076=4',
      'http://metadata.un.org/sdg/codes/geoArea/498=1',
      'http://metadata.un.org/sdg/codes/geoArea/999=2',
    ]);
    expect(svg).toContain('>Nowhere (no shape at this scale): 2</text>');
    expect(svg).toContain('<title>Brazil: 4 activity examples</title>');
    // The legend classes cover 1 to 4 without gaps.
    expect([...svg.matchAll(/font-size="11">([0-9–]+)<\/text>/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
  });
});

describe('renderNetwork', () => {
  const edge = (key: string, source: string, target: string, isMou: boolean, unilateral: boolean): NetworkEdge => ({
    key,
    source,
    sourceLabel: source.toUpperCase(),
    target,
    targetLabel: target.toUpperCase(),
    type: isMou ? 'Memorandum of Understanding' : 'Joint letter',
    isMou,
    unilateral,
  });
  const edges = [
    edge('urn:1 a b', 'a', 'b', true, false),
    edge('urn:2 a c', 'a', 'c', false, true),
    edge('urn:3 b c', 'b', 'c', true, false),
  ];

  it('gives the same picture whatever order the edges come in', () => {
    const one = renderNetwork({ kind: 'network', edges }, 'Net', '');
    const other = renderNetwork({ kind: 'network', edges: [...edges].reverse() }, 'Net', '');
    expect(other).toBe(one);
    expect(marks(one)).toEqual([
      'urn:1 a b=Memorandum of Understanding',
      'urn:2 a c=Joint letter',
      'urn:3 b c=Memorandum of Understanding',
    ]);
  });

  it('dashes the frameworks reported by one side only and counts each party once', () => {
    const svg = renderNetwork({ kind: 'network', edges }, 'Net', '');
    expect(
      [...svg.matchAll(/data-unilateral="(true|false)"[^>]*?(stroke-dasharray="5 4")?\/?>/g)].map((m) => [
        m[1],
        !!m[2],
      ]),
    ).toEqual([
      ['false', false],
      ['true', true],
      ['false', false],
    ]);
    expect([...svg.matchAll(/data-node="([^"]+)"/g)].map((m) => m[1])).toEqual(['a', 'b', 'c']);
  });
});

describe('chart definitions', () => {
  it('have unique ids and name the variables their marks come from', () => {
    expect(new Set(CHARTS.map((c) => c.id)).size).toBe(CHARTS.length);
    for (const chart of CHARTS) {
      const query = chart.query({ icat: 'https://w3id.org/icat-kg/ontology#', base: 'https://w3id.org/icat-kg/' });
      for (const variable of [...chart.marks.key, chart.marks.value]) expect(query).toContain(`?${variable}`);
    }
  });

  it('read SPARQL JSON results into plain rows', () => {
    expect(
      rowsOfSparqlJson({
        results: { bindings: [{ x: { value: 'urn:x' }, n: { value: '3' } }, { x: { value: 'urn:y' } }] },
      }),
    ).toEqual([{ x: 'urn:x', n: '3' }, { x: 'urn:y' }]);
  });
});
