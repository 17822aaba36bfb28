import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, chartNamespaces } from '../../functions/charts/chart-definitions.js';
import { renderChart } from '../../functions/charts/render-chart.js';
import type { BuildResult } from '../../functions/publish/build-from-records.js';
import { Iris } from '../../functions/rdf/iris.js';
import { buildRealDumpSet } from './built-dump-set.js';

let result: BuildResult;
let dir: string;
beforeAll(async () => {
  ({ result, dir } = await buildRealDumpSet());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string) => result.dumps.files.find((f) => f.path === path);

describe('the charts of the dump set', () => {
  it('are one SVG per dashboard chart, listed in the manifest', () => {
    const manifest = JSON.parse(file('manifest.json')!.content.toString('utf8')) as {
      files: { path: string; mediaType: string; size: number }[];
    };
    const charts = manifest.files.filter((f) => f.path.startsWith('charts/'));
    expect(charts.map((f) => f.path)).toEqual(CHARTS.map((c) => `charts/${c.id}.svg`).sort());
    for (const chart of charts) {
      expect(chart.mediaType).toBe('image/svg+xml');
      expect(chart.size).toBe(file(chart.path)!.content.length);
    }
  });

  it('are well-formed XML (a strict parser reads every one)', () => {
    const paths = CHARTS.map((c) => join(dir, 'charts', `${c.id}.svg`));
    const roots = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, xml.dom.minidom as m; print(" ".join(m.parse(p).documentElement.tagName for p in sys.argv[1:]))',
        ...paths,
      ],
      { encoding: 'utf8' },
    );
    expect(roots.trim().split(' ')).toEqual(CHARTS.map(() => 'svg'));
  });

  it('are distributions of the dataset in the catalog, described by their captions', () => {
    const store = new oxigraph.Store();
    store.load(file('catalog.ttl')!.content.toString('utf8'), { format: 'text/turtle' });
    const rows = store.query(`PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
      SELECT ?url ?media ?format ?description WHERE {
        ?dataset a dcat:Dataset ; dcat:distribution ?d .
        ?d dcat:downloadURL ?url ; dcat:mediaType ?media ; dct:format ?format ; dct:description ?description .
        FILTER(CONTAINS(STR(?url), "/charts/"))
      } ORDER BY ?url`) as Map<string, { value: string }>[];
    expect(rows.map((r) => r.get('url')!.value.replace(/^.*\/charts\//, ''))).toEqual(
      CHARTS.map((c) => `${c.id}.svg`).sort(),
    );
    for (const row of rows) {
      expect(row.get('media')!.value).toBe('http://www.iana.org/assignments/media-types/image/svg+xml');
      expect(row.get('format')!.value).toBe('http://publications.europa.eu/resource/authority/file-type/SVG');
    }
    const captions = new Map(CHARTS.map((c) => [`${c.id}.svg`, c.caption]));
    for (const row of rows)
      expect(row.get('description')!.value).toBe(captions.get(row.get('url')!.value.replace(/^.*\/charts\//, '')));
  });

  it('are what an independent engine (Oxigraph) draws from the same queries over icat.nq, byte for byte', () => {
    const store = new oxigraph.Store();
    store.load(file('icat.nq')!.content.toString('utf8'), { format: 'application/n-quads' });
    const namespaces = chartNamespaces(new Iris('https://w3id.org/icat-kg/'));
    for (const chart of CHARTS) {
      const solutions = store.query(chart.query(namespaces), { use_default_graph_as_union: true }) as Map<
        string,
        { value: string }
      >[];
      const rows = solutions.map((s) => Object.fromEntries([...s].map(([name, term]) => [name, term.value])));
      expect(rows.length, chart.id).toBeGreaterThan(0);
      expect(renderChart(chart, rows), chart.id).toBe(file(`charts/${chart.id}.svg`)!.content.toString('utf8'));
    }
  });
});
