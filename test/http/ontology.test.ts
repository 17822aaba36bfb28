import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICAT_ONTOLOGY } from '../../functions/rdf/namespaces.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const PORT = 40_000 + Math.floor(Math.random() * 20_000);
const BASE = `http://127.0.0.1:${PORT}/`;
let server: ServerProcess;
let dumps: string;
let triples: number;
let terms: string[];

beforeAll(async () => {
  dumps = (await buildRealDumpSet({ baseIri: BASE })).dir;
  server = await startServerProcess(['--from', dumps], { BASE_IRI: BASE }, PORT);
  const quads = new Parser({ format: 'text/turtle' }).parse(readFileSync(join(dumps, 'ontology.ttl'), 'utf8'));
  triples = quads.length;
  const kinds = ['Class', 'ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'].map(
    (k) => `http://www.w3.org/2002/07/owl#${k}`,
  );
  terms = [
    ...new Set(
      quads
        .filter((q) => q.predicate.value.endsWith('#type') && kinds.includes(q.object.value))
        .map((q) => q.subject.value)
        .filter((iri) => iri.startsWith(ICAT_ONTOLOGY)),
    ),
  ];
});
afterAll(async () => {
  await server?.stop();
  rmSync(dumps, { recursive: true, force: true });
});

async function get(accept: string): Promise<{ type: string | null; body: string }> {
  const response = await fetch(`${server.url}/ontology`, { headers: { accept } });
  expect(response.status).toBe(200);
  expect(response.headers.get('vary')).toBe('Accept');
  return { type: response.headers.get('content-type'), body: await response.text() };
}

describe('the ontology at /ontology', () => {
  it('keeps its namespace at w3id.org when the deployment has its own base', () => {
    expect(terms.length).toBeGreaterThan(70);
    expect(readFileSync(join(dumps, 'ontology.ttl'), 'utf8')).not.toContain(`${BASE}ontology`);
  });

  it('documents every class and property for a browser, each with its anchor', async () => {
    const { type, body } = await get('text/html,application/xhtml+xml');
    expect(type).toBe('text/html; charset=UTF-8');
    const anchors = [...body.matchAll(/<section id="([^"]+)">/g)].map((m) => `${ICAT_ONTOLOGY}${m[1]}`);
    expect(anchors.sort()).toEqual([...terms].sort());
    expect(body).toContain('<section id="Entity">');
  });

  it('is Turtle by default, with every triple of the ontology', async () => {
    const { type, body } = await get('text/turtle');
    expect(type).toBe('text/turtle; charset=utf-8');
    expect(new Parser({ format: 'text/turtle' }).parse(body)).toHaveLength(triples);
  });

  it('is JSON-LD', async () => {
    const { type, body } = await get('application/ld+json');
    expect(type).toBe('application/ld+json; charset=utf-8');
    const nquads = (await jsonld.toRDF(JSON.parse(body) as jsonld.JsonLdDocument, {
      format: 'application/n-quads',
    })) as string;
    expect(nquads.trim().split('\n')).toHaveLength(triples);
  });

  it('is RDF/XML that raptor reads', async () => {
    const { type, body } = await get('application/rdf+xml');
    expect(type).toBe('application/rdf+xml; charset=utf-8');
    const ntriples = execFileSync('rapper', ['-q', '-i', 'rdfxml', '-o', 'ntriples', '-', BASE], {
      input: body,
      encoding: 'utf8',
    });
    expect(ntriples.trim().split('\n')).toHaveLength(triples);
  });
});
