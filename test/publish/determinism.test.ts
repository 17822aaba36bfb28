import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../functions/charts/chart-definitions.js';
import { buildRealDumpSet } from './built-dump-set.js';

describe('a build', () => {
  it('gives byte-identical files for the same records', async () => {
    const a = await buildRealDumpSet();
    const b = await buildRealDumpSet();
    rmSync(a.dir, { recursive: true, force: true });
    rmSync(b.dir, { recursive: true, force: true });
    expect(a.result.dumps.version).toBe(b.result.dumps.version);
    expect(b.result.dumps.files.map((f) => [f.path, f.sha256])).toEqual(
      a.result.dumps.files.map((f) => [f.path, f.sha256]),
    );
    expect(Buffer.compare(a.result.dumps.files[0]!.content, b.result.dumps.files[0]!.content)).toBe(0);
    // The charts rendered at build time (force layout, map projection) are among the identical files.
    const charts = (files: typeof a.result.dumps.files) => files.filter((f) => f.path.startsWith('charts/'));
    expect(charts(a.result.dumps.files)).toHaveLength(CHARTS.length);
    for (const [i, chart] of charts(a.result.dumps.files).entries())
      expect(Buffer.compare(chart.content, charts(b.result.dumps.files)[i]!.content), chart.path).toBe(0);
    // Two whole builds, each rendering the charts with a query engine: minutes on a loaded 2-core machine.
  }, 240_000);

  it('mints every IRI from the configured BASE_IRI', async () => {
    const { result, dir } = await buildRealDumpSet({ baseIri: 'http://localhost:8080/' });
    rmSync(dir, { recursive: true, force: true });
    const nq = result.dumps.files.find((f) => f.path === 'icat.nq')!.content.toString('utf8');
    // Instances and graphs follow the base; the ontology's namespace and document stay at w3id.org.
    expect(nq.match(/https:\/\/w3id\.org\/icat-kg\/(?!ontology\b)[^>]*/g)).toBeNull();
    expect(nq).toContain(
      '<http://localhost:8080/id/entity/unodc> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/icat-kg/ontology#Entity> <http://localhost:8080/graph/entity/unodc> .',
    );
    expect(nq).not.toContain('http://localhost:8080/ontology');
    expect(result.shacl.results).toEqual([]);
  });
});
