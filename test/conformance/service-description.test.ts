import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFactory, Parser, Store } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import type { ServerProcess } from '../http/server-process.js';
import { bothModes, serveQuadsInBothModes } from '../store/virtuoso.js';

const MANIFEST = join(packageRoot(), 'test', 'fixtures', 'w3c', 'sparql11-service-description', 'manifest.ttl');
const SD = 'http://www.w3.org/ns/sparql-service-description#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const servers = serveQuadsInBothModes(
  'one-quad',
  () => '<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .\n',
);
// The description under test: each mode's block below reads its server's into these.
let server: ServerProcess;
let description: Store;
let contentType: string;

const names = new Parser()
  .parse(readFileSync(MANIFEST, 'utf8'))
  .filter((q) => q.predicate.value === 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#name')
  .map((q) => [q.subject.value.replace(/^.*#/, ''), q.object.value] as const);

const objects = (s: string, p: string) =>
  description.getObjects(DataFactory.namedNode(s), DataFactory.namedNode(p), null).map((o) => o.value);
const typed = (s: string, cls: string) => objects(s, RDF_TYPE).includes(`${SD}${cls}`);

/** The three approved tests of the W3C suite, each checked as its name says. */
const CHECKS: Record<string, () => void> = {
  'returns-rdf': () => {
    expect(contentType).toMatch(/^text\/turtle/);
    expect(description.size).toBeGreaterThan(0);
  },
  'has-endpoint-triple': () => {
    const endpoint = `${server.url}/sparql`;
    expect(
      description
        .getSubjects(DataFactory.namedNode(`${SD}endpoint`), DataFactory.namedNode(endpoint), null)
        .map((s) => s.value),
    ).toEqual([endpoint]);
  },
  'conforms-to-schema': () => {
    const service = `${server.url}/sparql`;
    expect(typed(service, 'Service')).toBe(true);
    expect(objects(service, `${SD}supportedLanguage`)).toEqual([`${SD}SPARQL11Query`]);
    expect(objects(service, `${SD}feature`).every((f) => f.startsWith(SD))).toBe(true);
    for (const dataset of objects(service, `${SD}defaultDataset`)) {
      expect(typed(dataset, 'Dataset')).toBe(true);
      for (const graph of objects(dataset, `${SD}defaultGraph`)) expect(typed(graph, 'Graph')).toBe(true);
    }
    expect(objects(service, `${SD}resultFormat`).length).toBeGreaterThan(0);
  },
};

describe.each(
  bothModes(
    () => servers.memory,
    () => servers.store,
  ),
)('W3C SPARQL 1.1 Service Description test suite, %s', (_mode, serverOf) => {
  beforeAll(async () => {
    server = serverOf();
    const response = await fetch(`${server.url}/sparql`);
    contentType = response.headers.get('content-type') ?? '';
    description = new Store(new Parser({ baseIRI: `${server.url}/sparql` }).parse(await response.text()));
  });
  it('has the three tests', () => expect(names.map(([id]) => id).sort()).toEqual(Object.keys(CHECKS).sort()));
  for (const [id, name] of names) it(name, () => CHECKS[id]!());
});
