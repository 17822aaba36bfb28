import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Writer } from 'n3';
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import type { ServerProcess } from '../http/server-process.js';
import { bothModes, serveQuadsInBothModes } from '../store/virtuoso.js';
import { readProtocolManifest, type ProtocolRequestSpec } from './protocol-manifest.js';

const SUITE = join(packageRoot(), 'test', 'fixtures', 'w3c', 'sparql11-protocol');
const tests = readProtocolManifest(join(SUITE, 'manifest.ttl'));

// Every graph any test names, as a named graph of one N-Quads text, served in memory (`icat-kg serve
// --quads`) and from a real store (`serve --store`).
const servers = serveQuadsInBothModes('protocol-suite', () => {
  const graphs = new Map<string, string>();
  for (const t of tests) for (const [name, file] of t.graphs) graphs.set(name, file);
  const quads = [...graphs].flatMap(([name, file]) =>
    new Parser({ format: 'application/n-triples' })
      .parse(readFileSync(file, 'utf8'))
      .map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(name))),
  );
  return new Writer({ format: 'application/n-quads' }).quadsToString(quads);
});

async function send(server: ServerProcess, spec: ProtocolRequestSpec): Promise<Response> {
  const path = spec.path.replace(/^\/sparql\//, '/sparql');
  const body =
    spec.body && Buffer.from(spec.body.chars, spec.body.encoding.toUpperCase() === 'UTF-16' ? 'utf16le' : 'utf8');
  return fetch(`${server.url}${path}`, { method: spec.method, headers: spec.headers, ...(body ? { body } : {}) });
}

function statusClass(status: number): string {
  return `StatusCode${Math.floor(status / 100)}xx`;
}

const RESULT_TYPES: Record<string, string[]> = {
  boolean: ['application/sparql-results+json', 'application/sparql-results+xml'],
  tabular: [
    'application/sparql-results+json',
    'application/sparql-results+xml',
    'text/csv',
    'text/tab-separated-values',
  ],
  RDF: [
    'text/turtle',
    'application/n-triples',
    'application/rdf+xml',
    'application/ld+json',
    'application/n-quads',
    'application/trig',
  ],
};

async function booleanOf(response: Response): Promise<boolean | undefined> {
  const text = await response.text();
  if (response.headers.get('content-type')?.includes('json'))
    return (JSON.parse(text) as { boolean?: boolean }).boolean;
  return /<boolean>\s*true\s*<\/boolean>/.test(text)
    ? true
    : /<boolean>\s*false\s*<\/boolean>/.test(text)
      ? false
      : undefined;
}

describe.each(
  bothModes(
    () => servers.memory,
    () => servers.store,
  ),
)('W3C SPARQL 1.1 Protocol test suite, %s', (_mode, server) => {
  it('has the 13 query, 7 update and 14 negative tests of the suite', () => {
    expect(['query', 'update', 'negative'].map((k) => tests.filter((t) => t.kind === k).length)).toEqual([13, 7, 14]);
  });

  for (const test of tests.filter((t) => t.kind !== 'update')) {
    it(`${test.kind}: ${test.name}`, async () => {
      for (const spec of test.requests) {
        const response = await send(server(), spec);
        expect({ status: statusClass(response.status) }).toEqual({
          status: expect.toBeOneOf([...spec.expectedStatus]),
        });
        if (spec.expectedFormat) {
          const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
          expect(RESULT_TYPES[spec.expectedFormat]).toContain(type);
        }
        if (spec.expectedBoolean !== undefined) expect(await booleanOf(response)).toBe(spec.expectedBoolean);
        else await response.arrayBuffer();
      }
    });
  }

  for (const test of tests.filter((t) => t.kind === 'update')) {
    it(`update (not applicable: read-only endpoint answers 4xx): ${test.name}`, async () => {
      const response = await send(server(), test.requests[0]!);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).toMatch(/read-only/);
    });
  }
});
