import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../functions/publish/build-from-records.js';
import { validateShacl } from '../../functions/validate/validate-shacl.js';
import { packageRoot } from '../../functions/package-paths.js';
import { buildRealDumpSet } from './built-dump-set.js';

/** The DCAT-AP 3.0.1 shapes (test/fixtures/README.md; read by the tests only, never at run time). */
const DCAT_AP = join(packageRoot(), 'test', 'fixtures', 'dcat-ap');
const turtle = (path: string) => new Parser({ format: 'text/turtle' }).parse(readFileSync(path, 'utf8'));

let result: BuildResult;
let dir: string;
beforeAll(async () => {
  ({ result, dir } = await buildRealDumpSet({ license: 'https://creativecommons.org/licenses/by/4.0/' }));
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
    // No run-time timestamps (issued, modified); publisher types and the source's own keywords/themes
    // are not stated anywhere; bbox/centroid of the World are meaningless.
    expect(paths).toEqual(
      [
        'catalog issued',
        'catalog modified',
        'http://metadata.un.org/sdg/codes/geoArea/001 bbox',
        'http://metadata.un.org/sdg/codes/geoArea/001 centroid',
        // The licence is the deployment's choice; its ADMS licence type is not known to the build.
        'https://creativecommons.org/licenses/by/4.0/ type',
        'id/entity/icat type',
        'id/publisher type',
        'id/source/icat-2021-mapping-resource contactPoint',
        'id/source/icat-2021-mapping-resource distribution',
        'id/source/icat-2021-mapping-resource keyword',
        'id/source/icat-2021-mapping-resource spatial',
        'id/source/icat-2021-mapping-resource temporal',
        'id/source/icat-2021-mapping-resource theme',
        'dataset/distribution/sparql format',
      ].sort(),
    );
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
    expect(value(distribution, 'http://purl.org/dc/terms/license')).toEqual([
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
    const service = 'https://w3id.org/icat-kg/sparql';
    expect(value(service, 'http://www.w3.org/ns/dcat#endpointURL')).toEqual(['https://w3id.org/icat-kg/sparql']);
    expect(value(service, 'http://purl.org/dc/terms/conformsTo')).toEqual(['https://www.w3.org/TR/sparql11-protocol/']);
    expect(value('https://w3id.org/icat-kg/dataset', 'http://purl.org/dc/terms/source')).toEqual([
      'https://w3id.org/icat-kg/id/source/icat-2021-mapping-resource',
    ]);
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
