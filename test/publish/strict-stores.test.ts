import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../functions/publish/build-from-records.js';
import { isIri } from '../../functions/rdf/rfc3987.js';
import { buildRealDumpSet } from './built-dump-set.js';

const run = promisify(execFile);
let result: BuildResult;
let dir: string;

beforeAll(async () => {
  ({ result, dir } = await buildRealDumpSet());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(dir, path), 'utf8');

/** JSON-LD expanded to N-Quads with jsonld.js, the project context read from the dump set, nothing fetched. */
async function jsonldToNQuads(path: string): Promise<string> {
  const context = JSON.parse(read('context.jsonld')) as object;
  const documentLoader = async (url: string) => {
    if (url === 'https://w3id.org/icat-kg/context.jsonld')
      return { contextUrl: undefined, documentUrl: url, document: context };
    throw new Error(`refusing to load a remote document: ${url}`);
  };
  const options = { format: 'application/n-quads', documentLoader } as unknown as Parameters<typeof jsonld.toRDF>[1];
  return (await jsonld.toRDF(JSON.parse(read(path)) as object, options)) as unknown as string;
}

/** Loads a text into a fresh Oxigraph store in its default (strict) mode: one invalid IRI fails the load. */
function oxigraphLoad(text: string, format: string): oxigraph.Store {
  const store = new oxigraph.Store();
  store.load(text, { format, lenient: false });
  return store;
}

describe('strict triple stores and parsers accept every dump', () => {
  it('percent-encodes the URL that Oxigraph refused ("...Ebook[1].pdf")', () => {
    expect(read('icat.nq')).toContain(
      '<https://www.unodc.org/documents/human-trafficking/Toolkit-files/07-89375_Ebook%5B1%5D.pdf>',
    );
    expect(read('icat.nq')).not.toContain('Ebook[1].pdf>');
  });

  it('holds only RFC 3987 IRIs, in the dumps and in the catalog', () => {
    for (const [file, format] of [
      ['icat.nq', 'application/n-quads'],
      ['catalog.ttl', 'text/turtle'],
      ['void.ttl', 'text/turtle'],
    ] as const) {
      const iris = new Set(
        new Parser({ format })
          .parse(read(file))
          .flatMap((q) => [q.subject, q.predicate, q.object, q.graph])
          .filter((t) => t.termType === 'NamedNode')
          .map((t) => t.value),
      );
      expect([file, [...iris].filter((iri) => !isIri(iri))]).toEqual([file, []]);
    }
  });

  it('loads every RDF file of the dump set into Oxigraph, each with all its quads', async () => {
    const { quads, triples } = result.dumps.statistics;
    const loaded = (text: string, format: string) => oxigraphLoad(text, format).size;
    expect(loaded(read('icat.nq'), 'application/n-quads')).toBe(quads);
    expect(loaded(read('icat.trig'), 'application/trig')).toBe(quads);
    expect(loaded(read('icat.ttl'), 'text/turtle')).toBe(triples);
    expect(loaded(await jsonldToNQuads('icat.jsonld'), 'application/n-quads')).toBe(quads);
    const catalogTriples = new Parser().parse(read('catalog.ttl')).length;
    expect(loaded(read('catalog.ttl'), 'text/turtle')).toBe(catalogTriples);
    expect(loaded(await jsonldToNQuads('catalog.jsonld'), 'application/n-quads')).toBe(catalogTriples);
    expect(loaded(read('void.ttl'), 'text/turtle')).toBe(new Parser().parse(read('void.ttl')).length);
    const entities = readdirSync(join(dir, 'entities')).sort();
    expect(entities).toHaveLength(29);
    for (const file of entities) {
      const nquads = await jsonldToNQuads(`entities/${file}`);
      const count = new Parser({ format: 'application/n-quads' }).parse(nquads).length;
      expect([file, count > 0, loaded(nquads, 'application/n-quads')]).toEqual([file, true, count]);
    }
  });

  it('parses with rapper in strict mode: no error, no warning, every triple', async () => {
    const catalogTriples = new Parser().parse(read('catalog.ttl')).length;
    for (const [file, parser, count] of [
      ['icat.ttl', 'turtle', result.dumps.statistics.triples],
      ['icat.nq', 'nquads', result.dumps.statistics.quads],
      ['icat.trig', 'trig', result.dumps.statistics.quads],
      ['catalog.ttl', 'turtle', catalogTriples],
    ] as const) {
      const path = join(dir, file);
      const { stderr } = await run('rapper', ['-f', 'strict', '-i', parser, '-c', path]);
      expect(stderr.trimEnd().split('\n')).toEqual([
        `rapper: Parsing URI ${pathToFileURL(path).href} with parser ${parser}`,
        `rapper: Parsing returned ${count} triples`,
      ]);
    }
  });
});
