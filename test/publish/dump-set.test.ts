import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../functions/publish/build-from-records.js';
import { sha256 } from '../../functions/publish/dump-file.js';
import { triplesOfVoid } from '../../functions/publish/void.js';
import { nquadsLine, sortQuads } from '../../functions/rdf/sort-quads.js';
import { buildRealDumpSet } from './built-dump-set.js';

const run = promisify(execFile);
let result: BuildResult;
let dir: string;

beforeAll(async () => {
  ({ result, dir } = await buildRealDumpSet());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const nquadsSet = (text: string) =>
  new Set(sortQuads(new Parser({ format: 'application/n-quads' }).parse(text)).map(nquadsLine));

describe('the dump set of the real records', () => {
  it('passes SHACL with no result at all', () => {
    expect(result.shacl.results).toEqual([]);
    expect(result.shacl.conforms).toBe(true);
  });

  it('writes every file the catalog promises, and the manifest lists them with their sizes and hashes', () => {
    const manifest = JSON.parse(read('manifest.json')) as {
      version: string;
      files: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.version).toBe(result.dumps.version);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    const paths = manifest.files.map((f) => f.path);
    for (const expected of [
      'icat.nq',
      'icat.nq.gz',
      'icat.trig',
      'icat.trig.gz',
      'icat.ttl',
      'icat.ttl.gz',
      'icat.jsonld',
      'icat.jsonld.gz',
      'context.jsonld',
      'catalog.ttl',
      'catalog.jsonld',
      'void.ttl',
      'entities/unodc.jsonld',
      'entities/ilo.jsonld',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(paths.filter((p) => p.startsWith('entities/'))).toHaveLength(29);
    for (const f of manifest.files) {
      const bytes = readFileSync(join(dir, f.path));
      expect([f.path, bytes.length, sha256(bytes)]).toEqual([f.path, f.size, f.sha256]);
    }
  });

  it('sorts the N-Quads and has one named graph per record plus the ontology and the linked vocabulary', () => {
    const lines = read('icat.nq').trimEnd().split('\n');
    expect([...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(lines);
    const graphs = new Set(
      new Parser({ format: 'application/n-quads' }).parse(read('icat.nq')).map((q) => q.graph.value),
    );
    const recordGraphs = [...graphs].filter((g) => !g.includes('/graph/vocabulary/'));
    const counts = Object.values(result.graph.recordGraphs).length;
    expect(recordGraphs).toHaveLength(counts);
    expect([...graphs].filter((g) => g.includes('/graph/vocabulary/')).sort()).toEqual([
      'https://w3id.org/icat-kg/graph/vocabulary/geo',
      'https://w3id.org/icat-kg/graph/vocabulary/ontology',
      'https://w3id.org/icat-kg/graph/vocabulary/sdg',
    ]);
  });

  it('JSON-LD read back with jsonld.js (no remote documents) is isomorphic to the N-Quads', async () => {
    const context = JSON.parse(read('context.jsonld')) as object;
    const documentLoader = async (url: string) => {
      if (url === 'https://w3id.org/icat-kg/context.jsonld')
        return { contextUrl: undefined, documentUrl: url, document: context };
      throw new Error(`refusing to load a remote document: ${url}`);
    };
    const doc = JSON.parse(read('icat.jsonld')) as object;
    const options = { format: 'application/n-quads', documentLoader } as unknown as Parameters<typeof jsonld.toRDF>[1];
    const nquads = (await jsonld.toRDF(doc, options)) as unknown as string;
    expect(nquadsSet(nquads)).toEqual(nquadsSet(read('icat.nq')));
  });

  it('is the same dataset for an independent engine: rdflib reads N-Quads, TriG, JSON-LD and Turtle alike', async () => {
    const { stdout } = await run('/usr/bin/python3', [join(__dirname, '../crosscheck/rdflib_crosscheck.py'), dir]);
    const check = JSON.parse(stdout) as Record<string, number | boolean>;
    expect(check).toMatchObject({ trig_equal: true, jsonld_equal: true, turtle_equal: true });
    expect(check.nquads).toBe(result.dumps.statistics.quads);
    expect(check.distinct_triples).toBe(result.dumps.statistics.triples);
  });

  it('merges the two directions of the MoU table into one agreement per pair', () => {
    const nq = read('icat.nq');
    const about = (agreement: string, predicate: string) =>
      nq
        .split('\n')
        .filter((l) =>
          l.startsWith(
            `<https://w3id.org/icat-kg/id/agreement/${agreement}> <https://w3id.org/icat-kg/ontology#${predicate}>`,
          ),
        )
        .map((l) => l.split(' ')[2])
        .filter((o, i, all) => all.indexOf(o) === i)
        .sort();
    // ICMPD lists UNDP, and UNDP lists ICMPD: one MoU reported by both, so not unilateral.
    expect(about('mou-icmpd-undp', 'reportedBy')).toEqual([
      '<https://w3id.org/icat-kg/id/entity/icmpd>',
      '<https://w3id.org/icat-kg/id/entity/undp>',
    ]);
    expect(about('mou-icmpd-undp', 'reportedUnilaterally')).toEqual([
      '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    ]);
    // ICAO's "OHCHR*": the asterisk marks it as reported by one side only.
    expect(about('mou-icao-ohchr', 'reportedUnilaterally')).toEqual([
      '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    ]);
    expect(about('oas-unhcr-cooperation-agreement-2007', 'reportedBy')).toEqual([
      '<https://w3id.org/icat-kg/id/entity/oas>',
      '<https://w3id.org/icat-kg/id/entity/unhcr>',
    ]);
    expect(about('oas-unhcr-cooperation-agreement-2007', 'agreementType')).toEqual([
      '<https://w3id.org/icat-kg/id/concept/agreement-type/cooperation-agreement>',
    ]);
  });

  it('ships the SDG hierarchy the graph links to: entity → target → indicator → series', () => {
    const nq = read('icat.nq');
    expect(nq).toContain(
      '<https://w3id.org/icat-kg/id/entity/un-women> <https://w3id.org/icat-kg/ontology#relevantSDG> <http://metadata.un.org/sdg/8.7>',
    );
    expect(nq).toContain(
      '<http://metadata.un.org/sdg/C080701> <http://www.w3.org/2004/02/skos/core#broader> <http://metadata.un.org/sdg/8.7> <https://w3id.org/icat-kg/graph/vocabulary/sdg>',
    );
    expect(nq).toContain(
      '<http://metadata.un.org/sdg/8.7> <http://www.w3.org/2004/02/skos/core#broader> <http://metadata.un.org/sdg/8> <https://w3id.org/icat-kg/graph/vocabulary/sdg>',
    );
    // Moldova → Eastern Europe → Europe: activity → country → region inside one endpoint.
    expect(nq).toContain(
      '<http://metadata.un.org/sdg/codes/geoArea/498> <http://www.w3.org/2004/02/skos/core#broader> <http://metadata.un.org/sdg/codes/geoArea/151> <https://w3id.org/icat-kg/graph/vocabulary/geo>',
    );
    expect(nq).toContain(
      '<http://metadata.un.org/sdg/codes/geoArea/151> <http://www.w3.org/2004/02/skos/core#broader> <http://metadata.un.org/sdg/codes/geoArea/150> <https://w3id.org/icat-kg/graph/vocabulary/geo>',
    );
  });

  it('describes the dump set in VoID with the counts of the graph', () => {
    const quads = new Parser().parse(read('void.ttl'));
    const objects = (subject: string, predicate: string) =>
      quads
        .filter((q) => q.subject.value === subject && q.predicate.value === `http://rdfs.org/ns/void#${predicate}`)
        .map((q) => q.object.value)
        .sort();
    const dataset = 'https://w3id.org/icat-kg/dataset';
    expect(objects(dataset, 'triples')).toEqual([String(result.dumps.statistics.triples)]);
    expect(triplesOfVoid(read('void.ttl'))).toBe(result.dumps.statistics.triples);
    expect(objects(dataset, 'sparqlEndpoint')).toEqual(['https://w3id.org/icat-kg/sparql']);
    expect(objects(dataset, 'uriSpace')).toEqual(['https://w3id.org/icat-kg/id/']);
    expect(objects(dataset, 'dataDump')).toEqual(
      [
        'icat.jsonld',
        'icat.jsonld.gz',
        'icat.nq',
        'icat.nq.gz',
        'icat.trig',
        'icat.trig.gz',
        'icat.ttl',
        'icat.ttl.gz',
      ].map((f) => `https://w3id.org/icat-kg/dumps/${result.dumps.version}/${f}`),
    );
    expect(objects(`${dataset}/linkset/sdg`, 'objectsTarget')).toEqual(['http://metadata.un.org/sdg']);
    expect(objects(`${dataset}/linkset/sdg`, 'triples')).toEqual([String(result.dumps.statistics.sdgLinks)]);
    expect(result.dumps.statistics.sdgLinks).toBeGreaterThan(0);
    const entityPartition = quads.find(
      (q) => q.predicate.value.endsWith('#class') && q.object.value === 'https://w3id.org/icat-kg/ontology#Entity',
    )!;
    expect(objects(entityPartition.subject.value, 'entities')).toEqual(['29']);
  });

  it('frames one document per entity with its agreements and publications', () => {
    const doc = JSON.parse(read('entities/ilo.jsonld')) as Record<string, unknown>;
    expect(doc.id).toBe('https://w3id.org/icat-kg/id/entity/ilo');
    expect((doc['@context'] as unknown[])[0]).toBe('https://w3id.org/icat-kg/context.jsonld');
    const ids = (key: string) => ((doc[key] as { id: string }[] | undefined) ?? []).map((n) => n.id);
    expect(ids('agreements')).toContain('https://w3id.org/icat-kg/id/agreement/mou-ilo-unodc');
    expect(ids('publications')).toContain(
      'https://w3id.org/icat-kg/id/publication/ilo-training-manual-to-fight-trafficking-in-children',
    );
  });
});
