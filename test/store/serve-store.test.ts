import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/cli/main.js';
import { exampleQueries } from '../../functions/http/examples.js';
import { DEFAULT_BASE_IRI } from '../../functions/rdf/namespaces.js';
import { startServerProcess, type ServerProcess } from '../http/server-process.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { startVirtuoso, type Virtuoso } from './virtuoso.js';

let virtuoso: Virtuoso;
let dir: string;
let memory: ServerProcess;
let store: ServerProcess;

beforeAll(async () => {
  dir = (await buildRealDumpSet()).dir;
  virtuoso = await startVirtuoso();
  const quiet = { out: () => undefined, err: (line: string) => console.error(line) };
  expect(await runCli(['load', dir, '--into', virtuoso.graphStore], quiet)).toBe(0);
  [memory, store] = await Promise.all([
    startServerProcess(['--from', dir]),
    startServerProcess(['--from', dir, '--store', virtuoso.sparql]),
  ]);
}, 300_000);
afterAll(async () => {
  await Promise.all([memory?.stop(), store?.stop()]);
  await virtuoso?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Term = { type: string; value: string; datatype?: string; 'xml:lang'?: string };
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

/**
 * A term as SPARQL JSON gives it, with the spellings stores may differ in made equal. GROUP_CONCAT's order
 * is not defined by SPARQL: a comma-separated list is compared as a sorted list.
 */
function term(t: Term | undefined): string {
  if (!t) return '-';
  if (t.type !== 'uri' && t.value.includes(', ')) t = { ...t, value: t.value.split(', ').sort().join(', ') };
  // xsd:boolean has two spellings of each value; Virtuoso writes 0 and 1.
  if (t.datatype === XSD_BOOLEAN) t = { ...t, value: String(t.value === 'true' || t.value === '1') };
  const datatype = t.datatype && t.datatype !== XSD_STRING ? `^^${t.datatype}` : '';
  const lang = t['xml:lang'] ? `@${t['xml:lang'].toLowerCase()}` : '';
  return `${t.type === 'typed-literal' ? 'literal' : t.type}:${t.value}${lang}${datatype}`;
}

async function select(server: ServerProcess, query: string): Promise<string[]> {
  const response = await fetch(`${server.url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    body: query,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const json = (await response.json()) as { head: { vars: string[] }; results: { bindings: Record<string, Term>[] } };
  return json.results.bindings.map((b) => json.head.vars.map((v) => term(b[v])).join(' | ')).sort();
}

describe('icat-kg serve --store over a real Virtuoso', () => {
  it('serves the version the store holds', async () => {
    const [a, b] = await Promise.all([memory, store].map((s) => fetch(`${s.url}/sparql?query=ASK%7B%7D`)));
    expect(b!.headers.get('x-dataset-version')).toBe(a!.headers.get('x-dataset-version'));
  });

  it.each(exampleQueries(DEFAULT_BASE_IRI).map((e) => [e.id, e.query]))(
    'answers the worked example %s as the in-memory endpoint does',
    async (_id, query) => {
      const [expected, actual] = await Promise.all([select(memory, query), select(store, query)]);
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    },
  );

  it.each([
    ['the union default graph', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'],
    ['the named graphs', 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'],
    ['an empty GRAPH pattern', 'SELECT ?g WHERE { GRAPH ?g { } }'],
  ])('sees the same dataset: %s', async (_what, query) => {
    const [expected, actual] = await Promise.all([select(memory, query), select(store, query)]);
    expect(actual).toEqual(expected);
  });

  it('never lets the store make a SERVICE call the allow-list does not hold (SSRF through the store)', async () => {
    // The whole query goes to the store, which would call the SERVICE itself: it must be refused first.
    let hits = 0;
    const trap = createServer((_, res) => {
      hits++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/sparql`;
    try {
      for (const query of [
        `SELECT * WHERE { SERVICE <${trapUrl}> { ?s ?p ?o } }`,
        `SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <${trapUrl}> { ?s ?p ?x } }`,
        `ASK { OPTIONAL { SERVICE <${trapUrl}?x=1> { ?s ?p ?o } } }`,
        `SELECT * WHERE { BIND(<${trapUrl}> AS ?e) SERVICE ?e { ?s ?p ?o } }`,
      ]) {
        const response = await fetch(`${store.url}/sparql?query=${encodeURIComponent(query)}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(await response.text()).toMatch(
          /^SERVICE <[^>]+> is not allowed: this endpoint federates only with no other endpoint\.$/m,
        );
      }
    } finally {
      trap.close();
    }
    expect(hits).toBe(0);
  });

  it('sends no SERVICE to the store, even to an allow-listed endpoint: the store would follow redirects', async () => {
    const listed = await startServerProcess(['--from', dir, '--store', virtuoso.sparql], {
      SERVICE_ALLOW_LIST: `${memory.url}/sparql`,
    });
    try {
      const response = await fetch(
        `${listed.url}/sparql?query=${encodeURIComponent(`SELECT * WHERE { SERVICE <${memory.url}/sparql> { ?s ?p ?o } } LIMIT 1`)}`,
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toBe(
        `SERVICE <${memory.url}/sparql> is not available on this endpoint: its queries run on a SPARQL store, which would make the call itself, beyond this endpoint's guard. Federated queries work on the in-memory endpoint.\n`,
      );
    } finally {
      await listed.stop();
    }
  });

  it('dereferences an IRI to the same triples', async () => {
    const describe = async (server: ServerProcess) => {
      const response = await fetch(`${server.url}/id/entity/unodc`, { headers: { accept: 'application/n-triples' } });
      expect(response.status).toBe(200);
      return new Parser({ format: 'application/n-triples' })
        .parse(await response.text())
        .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.id}`)
        .sort();
    };
    const [expected, actual] = await Promise.all([describe(memory), describe(store)]);
    expect(expected.length).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
  });
});
