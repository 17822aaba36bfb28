import { CHARTS } from '../../functions/charts/chart-definitions.js';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../functions/publish/build-from-records.js';
import { validateShacl } from '../../functions/validate/validate-shacl.js';
import { packageRoot } from '../../functions/package-paths.js';
import { buildRealDumpSet } from './built-dump-set.js';

/** The DCAT-AP 3.0.1 shapes (test/fixtures/README.md; read by the tests only, never at run time). */
const DCAT_AP = join(packageRoot(), 'test', 'fixtures', 'dcat-ap');
const turtle = (path: string) => new Parser({ format: 'text/turtle' }).parse(readFileSync(path, 'utf8'));
const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
/** 2026-12-01T13:30:00Z: a release time as CI gives it (the last commit's). */
const SOURCE_DATE_EPOCH = '1796131800';

let result: BuildResult;
let dir: string;
/** SELECT over catalog.ttl in Oxigraph: each row's values by variable name. */
let select: (query: string) => Record<string, string>[];
beforeAll(async () => {
  ({ result, dir } = await buildRealDumpSet({ license: LICENSE, sourceDateEpoch: SOURCE_DATE_EPOCH }));
  const store = new oxigraph.Store();
  store.load(readFileSync(join(dir, 'catalog.ttl'), 'utf8'), { format: 'text/turtle' });
  select = (query) =>
    (
      store.query(`PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/> ${query}`) as Map<
        string,
        { value: string }
      >[]
    ).map((row) => Object.fromEntries([...row].map(([name, term]) => [name, term.value])));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the DCAT catalog', () => {
  it('has no violation of the DCAT-AP 3.0.1 shapes and ranges', async () => {
    const report = await validateShacl(turtle(join(dir, 'catalog.ttl')), [
      ...turtle(join(DCAT_AP, 'shapes.ttl')),
      ...turtle(join(DCAT_AP, 'range.ttl')),
    ]);
    expect(report.results.filter((r) => r.severity === 'Violation')).toEqual([]);
  });

  it('leaves only the recommended properties it cannot honestly fill', async () => {
    const report = await validateShacl(
      turtle(join(dir, 'catalog.ttl')),
      turtle(join(DCAT_AP, 'shapes_recommended.ttl')),
    );
    const paths = [
      ...new Set(
        report.results.map((r) => `${r.focusNode.replace(/^.*icat-kg\//, '')} ${r.path?.replace(/^.*[#/]/, '')}`),
      ),
    ].sort();
    // Publisher types, the licence's ADMS type and a World bbox/centroid are stated nowhere.
    expect(paths).toEqual(
      [
        'http://metadata.un.org/sdg/codes/geoArea/001 bbox',
        'http://metadata.un.org/sdg/codes/geoArea/001 centroid',
        // The licence is the deployment's choice; its ADMS licence type is not known to the build.
        'https://creativecommons.org/licenses/by/4.0/ type',
        'id/entity/icat type',
        'id/publisher type',
      ].sort(),
    );
  });

  it('has exactly one dataset, the graph, and types the source document as a document', () => {
    expect(select('SELECT ?d WHERE { ?d a dcat:Dataset }')).toEqual([{ d: 'https://w3id.org/icat-kg/dataset' }]);
    const source = 'https://w3id.org/icat-kg/id/source/icat-2021-mapping-resource';
    expect(select(`SELECT ?type WHERE { <${source}> a ?type } ORDER BY ?type`)).toEqual([
      { type: 'http://purl.org/dc/terms/BibliographicResource' },
      { type: 'http://xmlns.com/foaf/0.1/Document' },
    ]);
    expect(
      select(
        `SELECT ?p ?issued WHERE { <https://w3id.org/icat-kg/dataset> ?p <${source}> . <${source}> dct:issued ?issued } ORDER BY ?p`,
      ),
    ).toEqual([
      { p: 'http://purl.org/dc/terms/relation', issued: '2021' },
      { p: 'http://www.w3.org/ns/prov#wasDerivedFrom', issued: '2021' },
    ]);
  });

  it('gives every distribution the configured licence, dates and a format', () => {
    const distributions = select('SELECT ?d WHERE { ?d a dcat:Distribution }');
    // 4 dumps, their 4 gzip variants, the dashboard's charts as SVG, the SPARQL endpoint.
    expect(distributions).toHaveLength(9 + CHARTS.length);
    const rows = select(`SELECT ?d ?license ?issued ?modified ?format WHERE {
      ?d a dcat:Distribution ; dct:license ?license ; dct:issued ?issued ; dct:modified ?modified ; dct:format ?format }`);
    expect(rows).toHaveLength(9 + CHARTS.length);
    for (const row of rows)
      expect(row).toMatchObject({ license: LICENSE, issued: '2026-12-01', modified: '2026-12-01' });
    expect(
      select('SELECT ?format WHERE { <https://w3id.org/icat-kg/dataset/distribution/sparql> dct:format ?format }'),
    ).toEqual([{ format: 'http://publications.europa.eu/resource/authority/file-type/SPARQLQ' }]);
  });

  it('dates the catalog and the dataset: first issued DATASET_ISSUED, modified at SOURCE_DATE_EPOCH', () => {
    const rows = select(`SELECT ?s ?issued ?modified (DATATYPE(?modified) AS ?type) WHERE {
      VALUES ?s { <https://w3id.org/icat-kg/catalog> <https://w3id.org/icat-kg/dataset> }
      ?s dct:issued ?issued ; dct:modified ?modified } ORDER BY ?s`);
    expect(rows).toEqual([
      {
        s: 'https://w3id.org/icat-kg/catalog',
        issued: '2026-11-27',
        modified: '2026-12-01',
        type: 'http://www.w3.org/2001/XMLSchema#date',
      },
      {
        s: 'https://w3id.org/icat-kg/dataset',
        issued: '2026-11-27',
        modified: '2026-12-01',
        type: 'http://www.w3.org/2001/XMLSchema#date',
      },
    ]);
  });

  it('states what a CKAN harvest (ckanext-dcat, DCAT-AP 3) maps: title, description, publisher, contact, distributions', () => {
    const [dataset] = select(`SELECT ?title ?description ?publisher ?contact ?version WHERE {
      <https://w3id.org/icat-kg/dataset> dct:title ?title ; dct:description ?description ; dcat:version ?version ;
        dct:publisher [ <http://xmlns.com/foaf/0.1/name> ?publisher ] ;
        dcat:contactPoint [ <http://www.w3.org/2006/vcard/ns#fn> ?contact ] }`);
    expect(dataset).toMatchObject({
      title: 'ICAT Knowledge Graph: the 2021 ICAT mapping resource as linked data',
      publisher: 'ICAT Knowledge Graph maintainers',
      contact: 'ICAT Knowledge Graph maintainers',
      version: result.dumps.version,
    });
    expect(dataset!.description).toMatch(/^Mandates, expertise, SDG targets/);
    const downloads = select(
      `SELECT ?d WHERE { ?d dcat:accessURL ?a ; dcat:downloadURL ?u ; dcat:mediaType ?m ; dct:format ?f }`,
    );
    expect(downloads).toHaveLength(8 + CHARTS.length);
  });

  it('gives each dump distribution its URLs, IANA media type, size, SHA-256 and the configured licence', () => {
    const quads = turtle(join(dir, 'catalog.ttl'));
    const value = (s: string, p: string) =>
      quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    const distribution = 'https://w3id.org/icat-kg/dataset/distribution/icat.nq';
    const nq = result.dumps.files.find((f) => f.path === 'icat.nq')!;
    expect(value(distribution, 'http://www.w3.org/ns/dcat#downloadURL')).toEqual([
      `https://w3id.org/icat-kg/dumps/${result.dumps.version}/icat.nq`,
    ]);
    expect(value(distribution, 'http://www.w3.org/ns/dcat#mediaType')).toEqual([
      'http://www.iana.org/assignments/media-types/application/n-quads',
    ]);
    expect(value(distribution, 'http://www.w3.org/ns/dcat#byteSize')).toEqual([String(nq.content.length)]);
    expect(value(`${distribution}#sha256`, 'http://spdx.org/rdf/terms#checksumValue')).toEqual([nq.sha256]);
    expect(value(distribution, 'http://purl.org/dc/terms/license')).toEqual([LICENSE]);
    const service = 'https://w3id.org/icat-kg/sparql';
    expect(value(service, 'http://www.w3.org/ns/dcat#endpointURL')).toEqual(['https://w3id.org/icat-kg/sparql']);
    expect(value(service, 'http://purl.org/dc/terms/conformsTo')).toEqual(['https://www.w3.org/TR/sparql11-protocol/']);
  });

  it('is also published as JSON-LD for harvesters (CKAN with ckanext-dcat)', () => {
    const doc = JSON.parse(readFileSync(join(dir, 'catalog.jsonld'), 'utf8')) as {
      '@context': string;
      '@graph': { id: string }[];
    };
    expect(doc['@context']).toBe('https://w3id.org/icat-kg/context.jsonld');
    expect(doc['@graph'].map((n) => n.id)).toContain('https://w3id.org/icat-kg/catalog');
  });
});
