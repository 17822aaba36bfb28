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

  it('stays byte-identical with SOURCE_DATE_EPOCH, whose date is the only change, in catalog and VoID alone', async () => {
    const plain = await buildRealDumpSet();
    const a = await buildRealDumpSet({ sourceDateEpoch: '1796131800' });
    const b = await buildRealDumpSet({ sourceDateEpoch: '1796131800' });
    for (const { dir } of [plain, a, b]) rmSync(dir, { recursive: true, force: true });
    const hashes = (r: typeof a) => r.result.dumps.files.map((f) => [f.path, f.sha256]);
    expect(hashes(b)).toEqual(hashes(a));
    // The data, and so the version, do not depend on the release date; only catalog, VoID and manifest do.
    expect(a.result.dumps.version).toBe(plain.result.dumps.version);
    const changed = hashes(a)
      .filter(([path, sha], i) => hashes(plain)[i]![0] !== path || hashes(plain)[i]![1] !== sha)
      .map(([path]) => path);
    expect(changed).toEqual(['catalog.ttl', 'catalog.jsonld', 'void.ttl', 'manifest.json']);
    const dates = (r: typeof a) =>
      [
        ...r.result.dumps.files
          .find((f) => f.path === 'catalog.ttl')!
          .content.toString('utf8')
          .matchAll(/dct:(issued|modified) "([^"]+)"\^\^xsd:date/g),
      ].map((m) => `${m[1]} ${m[2]}`);
    // Without it, every date is DATASET_ISSUED's default: never the time of the build.
    expect(new Set(dates(plain))).toEqual(new Set(['issued 2026-11-27', 'modified 2026-11-27']));
    expect(new Set(dates(a))).toEqual(new Set(['issued 2026-11-27', 'issued 2026-12-01', 'modified 2026-12-01']));
    const voidOf = (r: typeof a) => r.result.dumps.files.find((f) => f.path === 'void.ttl')!.content.toString('utf8');
    expect(voidOf(a)).toMatch(/dct:issued "2026-11-27"\^\^xsd:date;\s+dct:modified "2026-12-01"\^\^xsd:date;/);
    expect(voidOf(plain)).toMatch(/dct:issued "2026-11-27"\^\^xsd:date;\s+dct:modified "2026-11-27"\^\^xsd:date;/);
  });

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
