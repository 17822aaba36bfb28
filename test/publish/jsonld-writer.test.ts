import { join } from 'node:path';
import { DataFactory } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvePublishConfig } from '../../functions/config.js';
import { packageRoot } from '../../functions/package-paths.js';
import { buildGraph, type KnowledgeGraph } from '../../functions/publish/build-graph.js';
import { projectContext } from '../../functions/publish/dump-set.js';
import {
  EntityDocumentIndex,
  entityDocumentWithJsonld,
  writeEntityDocument,
} from '../../functions/publish/entity-documents.js';
import { TermCompactor, UnsupportedJsonLd } from '../../functions/publish/jsonld-terms.js';
import { writeJsonLd } from '../../functions/publish/jsonld-writer.js';
import { jsonLdBytes, toJsonLdWithJsonld } from '../../functions/publish/serialize.js';
import { Iris } from '../../functions/rdf/iris.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';
import { validateRecords } from '../../functions/records/validate-records.js';
import { loadSdgKos } from '../../functions/vocab/sdg-kos.js';

const { namedNode, literal, quad, blankNode } = DataFactory;

// The direct writers must give jsonld.js's bytes: checked on the real graph, in two deployments' bases.
describe.each(['https://w3id.org/icat-kg/', 'https://kg.example.org/icat/'])(
  'the direct JSON-LD writers (%s)',
  (base) => {
    const iris = new Iris(base);
    const config = resolvePublishConfig({ baseIri: base });
    let graph: KnowledgeGraph;

    beforeAll(() => {
      const kos = loadSdgKos();
      const { records } = validateRecords(readRecordFiles(join(packageRoot(), 'data')), kos);
      graph = buildGraph(records, iris, kos);
    });

    it('write the whole graph as jsonld.js compacts it', async () => {
      const context = projectContext(iris);
      const direct = writeJsonLd(graph.quads, new TermCompactor([context]), config.contextUrl);
      expect(direct).toBe(await toJsonLdWithJsonld(graph.quads, context, config.contextUrl));
    });

    it('write every entity document as jsonld.js frames it', async () => {
      const context = projectContext(iris);
      const index = new EntityDocumentIndex(iris, graph.quads);
      for (const slug of ['unodc', 'ilo', 'iom', 'icat', 'ohchr']) {
        expect(writeEntityDocument(index, iris, slug, context, config.contextUrl), slug).toBe(
          await entityDocumentWithJsonld(index, iris, slug, context, config.contextUrl),
        );
      }
    });
  },
);

describe('the direct JSON-LD writer on what it does not handle', () => {
  const context = { ex: 'https://example.org/', name: 'ex:name', knows: { '@id': 'ex:knows', '@type': '@id' } };

  it('falls back to jsonld.js for blank nodes, with the same result as jsonld.js', async () => {
    const quads = [quad(blankNode('b0'), namedNode('https://example.org/name'), literal('x'))];
    expect(() => writeJsonLd(quads, new TermCompactor([context]), 'https://example.org/context')).toThrow(
      UnsupportedJsonLd,
    );
    expect((await jsonLdBytes(quads, context, 'https://example.org/context')).toString('utf8')).toBe(
      await toJsonLdWithJsonld(quads, context, 'https://example.org/context'),
    );
  });

  it('refuses contexts with features it does not implement', () => {
    expect(() => new TermCompactor([{ '@vocab': 'https://example.org/' }])).toThrow(UnsupportedJsonLd);
    expect(() => new TermCompactor([{ tags: { '@id': 'https://example.org/tag', '@container': '@list' } }])).toThrow(
      UnsupportedJsonLd,
    );
  });

  it('agrees with jsonld.js on a default graph, typed and tagged values and values no term fits', async () => {
    const ex = (local: string) => namedNode(`https://example.org/${local}`);
    const quads = [
      quad(ex('a'), ex('knows'), ex('b')),
      quad(ex('a'), ex('knows'), literal('not an IRI')),
      quad(ex('a'), ex('name'), literal('A', 'en')),
      quad(ex('a'), ex('name'), literal('1', namedNode('http://www.w3.org/2001/XMLSchema#integer'))),
      quad(ex('b'), ex('other'), ex('a')),
      quad(ex('b'), ex('name'), literal('B'), ex('g')),
    ];
    expect((await jsonLdBytes(quads, context, 'https://example.org/context')).toString('utf8')).toBe(
      await toJsonLdWithJsonld(quads, context, 'https://example.org/context'),
    );
  });
});
