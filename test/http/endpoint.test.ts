import { ICAT_ONTOLOGY } from '../../functions/rdf/namespaces.js';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Parser, Writer } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries } from '../../functions/http/examples.js';
import { packageRoot } from '../../functions/package-paths.js';
import { nquadsLine } from '../../functions/rdf/sort-quads.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { bothModes, loadWithCli, startVirtuoso, type Virtuoso } from '../store/virtuoso.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const PORT = 20_000 + Math.floor(Math.random() * 20_000);
const BASE = `http://127.0.0.1:${PORT}/`;
const SD = 'http://www.w3.org/ns/sparql-service-description#';
const work = mkdtempSync(join(tmpdir(), 'icat-kg-endpoint-'));
let dumps: string;
let memory: ServerProcess;
let virtuoso: Virtuoso;
let store: ServerProcess;
/** The endpoint under test: each mode's block reads its server into this. */
let main: ServerProcess;
let sdgEndpoint: ServerProcess;
let trap: Server;
let trapHits = 0;
let redirector: Server;

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  // A trap on loopback: any request reaching it is a request the endpoint must never make.
  trap = createServer((_, res) => {
    trapHits++;
    res.end('{}');
  });
  const trapPort = await listen(trap);
  // An allow-listed host that redirects to the trap: the guard must not follow it.
  redirector = createServer((_, res) => {
    res.writeHead(302, { Location: `http://127.0.0.1:${trapPort}/sparql` });
    res.end();
  });
  const redirectorPort = await listen(redirector);

  // A second endpoint with SDG data the ICAT graph does not hold: the KOS's subject mappings to UNBIS.
  const mappings = new Parser().parse(
    readFileSync(join(packageRoot(), 'test', 'fixtures', 'sdg', 'sdg-kos-subject-mappings.ttl'), 'utf8'),
  );
  const mappingsPath = join(work, 'sdg-subjects.nq');
  writeFileSync(
    mappingsPath,
    new Writer({ format: 'application/n-quads' }).quadsToString(
      mappings.map((q) =>
        DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode('http://example.org/sdg-subjects')),
      ),
    ),
  );
  sdgEndpoint = await startServerProcess(['--quads', mappingsPath]);

  const [built, started] = await Promise.all([buildRealDumpSet({ baseIri: BASE }), startVirtuoso()]);
  dumps = built.dir;
  virtuoso = started;
  const env = {
    BASE_IRI: BASE,
    QUERY_TIMEOUT_MS: '2000',
    MAX_RESULT_ROWS: '100',
    SERVICE_ALLOW_LIST: `${sdgEndpoint.url}/sparql,http://127.0.0.1:${redirectorPort}/sparql`,
  };
  // The same dump set in a real store, queried through `icat-kg serve --store` with the same settings.
  // BASE_IRI names the IRIs, not the server (a deployment's is w3id.org): both servers serve the one dump
  // set under the one base, so every answer below is compared with the very same IRIs in both modes.
  [memory] = await Promise.all([
    startServerProcess(['--from', dumps], env, PORT),
    loadWithCli(dumps, virtuoso.graphStore, { BASE_IRI: BASE }),
  ]);
  store = await startServerProcess(['--from', dumps, '--store', virtuoso.sparql], env);
  (globalThis as { redirectorPort?: number }).redirectorPort = redirectorPort;
  (globalThis as { trapPort?: number }).trapPort = trapPort;
}, 300_000);

afterAll(async () => {
  await Promise.all([memory?.stop(), store?.stop()]);
  await virtuoso?.stop();
  await sdgEndpoint?.stop();
  trap?.close();
  redirector?.close();
  if (dumps) rmSync(dumps, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const sparql = (query: string, headers: Record<string, string> = {}, params = '') =>
  fetch(`${main.url}/sparql?query=${encodeURIComponent(query)}${params}`, { headers });
const bindings = async (response: Response) =>
  ((await response.json()) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;

describe.each(
  bothModes(
    () => memory,
    () => store,
  ),
)('the SPARQL endpoint over the real graph, %s', (mode, serverOf, overStore) => {
  beforeAll(() => {
    main = serverOf();
  });

  it('answers the first query after start-up, and every worked example warm', async () => {
    const first = performance.now();
    expect((await sparql('ASK { ?s ?p ?o }')).status).toBe(200);
    const firstAnswerMs = main.startMs + (performance.now() - first);
    const latencies: number[] = [];
    for (const example of exampleQueries(BASE)) {
      const response = await fetch(`${main.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-query' },
        body: example.query,
      });
      expect([example.id, response.status]).toEqual([example.id, 200]);
      expect((await bindings(response)).length, example.id).toBeGreaterThan(0);
      // Warm: the same query again with another Accept, so the result cache does not answer it.
      const t = performance.now();
      const warm = await fetch(`${main.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-query', accept: 'text/tab-separated-values' },
        body: example.query,
      });
      expect(warm.status).toBe(200);
      await warm.text();
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${mode}: serve start → first answer ${Math.round(firstAnswerMs)} ms; warm example queries: median ${Math.round(latencies[Math.floor(latencies.length / 2)]!)} ms, max ${Math.round(latencies.at(-1)!)} ms over ${latencies.length}`,
    );
  });

  it('gives the union of the record graphs as default graph, and each named graph through GRAPH', async () => {
    const [count] = await bindings(await sparql('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'));
    const [graphs] = await bindings(await sparql('SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'));
    const voidQuads = new Parser().parse(await (await fetch(`${main.url}/.well-known/void`)).text());
    const voidTriples = voidQuads.find(
      (q) => q.subject.value === `${BASE}dataset` && q.predicate.value === 'http://rdfs.org/ns/void#triples',
    )!.object.value;
    expect(count!.n!.value).toBe(voidTriples);
    expect(Number(graphs!.n!.value)).toBeGreaterThan(500);
    const inUnodcGraph = await bindings(
      await sparql(`SELECT ?g WHERE { GRAPH ?g { <${BASE}id/entity/unodc> a <${ICAT_ONTOLOGY}Entity> } }`),
    );
    expect(inUnodcGraph.map((b) => b.g!.value)).toEqual([`${BASE}graph/entity/unodc`]);
  });

  it('negotiates result formats, with the format parameter as fallback', async () => {
    const query = `SELECT ?e WHERE { ?e a <${ICAT_ONTOLOGY}Entity> } ORDER BY ?e LIMIT 2`;
    const cases: [Record<string, string>, string, string][] = [
      [{}, '', 'application/sparql-results+json'],
      [{ accept: '*/*' }, '', 'application/sparql-results+json'],
      [{ accept: 'application/sparql-results+xml' }, '', 'application/sparql-results+xml'],
      [{ accept: 'text/csv' }, '', 'text/csv'],
      [{ accept: 'text/tab-separated-values;q=0.9, text/csv;q=0.5' }, '', 'text/tab-separated-values'],
      [{ accept: 'text/html' }, '&format=csv', 'text/csv'],
    ];
    for (const [headers, params, expected] of cases) {
      const response = await sparql(query, headers, params);
      expect([JSON.stringify(headers), response.headers.get('content-type')]).toEqual([
        JSON.stringify(headers),
        `${expected}; charset=utf-8`,
      ]);
    }
    const csv = await (await sparql(query, { accept: 'text/csv' })).text();
    expect(csv).toBe(`e\r\n${BASE}id/entity/cbss\r\n${BASE}id/entity/coe\r\n`);
    const construct = await sparql(`CONSTRUCT { ?e a ?t } WHERE { ?e a ?t FILTER(?e = <${BASE}id/entity/ilo>) }`, {
      accept: 'application/n-triples',
    });
    expect(construct.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
    expect((await construct.text()).trim().split('\n').sort()).toEqual(
      [
        `<${BASE}id/entity/ilo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${ICAT_ONTOLOGY}Entity> .`,
        `<${BASE}id/entity/ilo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#FormalOrganization> .`,
      ].sort(),
    );
    expect((await sparql(query, { accept: 'image/png' })).status).toBe(406);
    // RDF/XML, read back by an independent parser (raptor).
    const ilo = `CONSTRUCT { ?e ?p ?o } WHERE { ?e ?p ?o FILTER(?e = <${BASE}id/entity/ilo>) }`;
    const rdfXml = await sparql(ilo, { accept: 'application/rdf+xml' });
    expect(rdfXml.headers.get('content-type')).toBe('application/rdf+xml; charset=utf-8');
    const xmlPath = join(work, 'ilo.rdf');
    writeFileSync(xmlPath, await rdfXml.text());
    const { stdout } = await run('rapper', ['-q', '-i', 'rdfxml', '-o', 'ntriples', xmlPath]);
    const ntriples = await (await sparql(ilo, { accept: 'application/n-triples' })).text();
    const lines = (text: string) =>
      new Set(new Parser({ format: 'application/n-triples' }).parse(text).map((q) => nquadsLine(q)));
    expect(lines(stdout).size).toBeGreaterThan(10);
    expect(lines(stdout)).toEqual(lines(ntriples));
  });

  it('cuts results at the row limit and says so', async () => {
    const response = await sparql('SELECT * WHERE { ?s ?p ?o }');
    expect(response.headers.get('x-result-truncated')).toBe('max-rows=100');
    expect(await bindings(response)).toHaveLength(100);
    const small = await sparql('SELECT * WHERE { ?s ?p ?o } LIMIT 3');
    expect(small.headers.get('x-result-truncated')).toBeNull();
    expect(small.headers.get('x-result-rows')).toBe('3');
  });

  it('stops a query past the time limit with 503, and keeps answering', async () => {
    const t = performance.now();
    const response = await sparql('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }');
    const elapsed = performance.now() - t;
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/stopped after 2 s/);
    expect(elapsed).toBeLessThan(6000);
    expect((await sparql('ASK { ?s ?p ?o }')).status).toBe(200);
  });

  it('answers bad queries with 400 and the position, and refuses updates', async () => {
    const bad = await sparql('SELECT * WHERE { ?s ?p }');
    expect(bad.status).toBe(400);
    const message = await bad.text();
    expect(message).toMatch(/^The query does not parse: Parse error on line 1/);
    expect(message).not.toMatch(/\n\s+at /);
    const update = await fetch(`${main.url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query' },
      body: 'DELETE WHERE { ?s ?p ?o }',
    });
    expect(update.status).toBe(403);
    expect(await update.text()).toMatch(/read-only/);
    const tooLong = await fetch(`${main.url}/sparql`, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query' },
      body: `ASK {} #${'x'.repeat(70_000)}`,
    });
    expect(tooLong.status).toBe(413);
  });

  it('answers the CORS preflight', async () => {
    const response = await fetch(`${main.url}/sparql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://example.org',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('caches results by version and query: ETag and 304', async () => {
    const query = 'SELECT ?s WHERE { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> }';
    const first = await sparql(query);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    await first.text();
    const again = await sparql(query, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const other = await sparql(query, { accept: 'text/csv' });
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('never lets SERVICE reach a host outside the allow-list (SSRF)', async () => {
    const trapPort = (globalThis as { trapPort?: number }).trapPort!;
    const redirectorPort = (globalThis as { redirectorPort?: number }).redirectorPort!;
    for (const query of [
      `SELECT * WHERE { SERVICE <http://127.0.0.1:${trapPort}/sparql> { ?s ?p ?o } }`,
      `SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:${trapPort}/sparql> { ?s ?p ?o } }`,
      `SELECT * WHERE { SERVICE <http://localhost:${trapPort}/anything> { ?s ?p ?o } }`,
      `SELECT * WHERE { SERVICE <http://127.0.0.1:${redirectorPort}/sparql> { ?s ?p ?o } }`,
      `SELECT * FROM <http://127.0.0.1:${trapPort}/data.ttl> WHERE { ?s ?p ?o } LIMIT 1`,
    ]) {
      const response = await sparql(query);
      expect([query, response.status < 500]).toEqual([query, true]);
      await response.text();
    }
    const refused = await sparql(`SELECT * WHERE { SERVICE <http://127.0.0.1:${trapPort}/sparql> { ?s ?p ?o } }`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/is not allowed/);
    expect(trapHits).toBe(0);
  });

  const federated = () => `PREFIX icat: <${ICAT_ONTOLOGY}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT DISTINCT ?indicator ?subject WHERE {
  <${BASE}id/entity/un-women> icat:relevantSDG <http://metadata.un.org/sdg/5.2> .
  ?indicator skos:broader <http://metadata.un.org/sdg/5.2> .
  SERVICE <${sdgEndpoint.url}/sparql> { ?indicator dct:subject ?subject }
} ORDER BY ?indicator ?subject`;

  // Federation is in-memory only, by design: over a store the store would make the SERVICE call itself.
  it.skipIf(overStore)('joins the ICAT graph with SDG data of an allow-listed endpoint (federation)', async () => {
    const rows = await bindings(await sparql(federated()));
    expect(rows.map((b) => b.indicator!.value)).toContain('http://metadata.un.org/sdg/C050201');
    expect(rows.map((b) => b.subject!.value)).toContain('http://metadata.un.org/thesaurus/1007107');
  });

  it.runIf(overStore)(
    'refuses the same federated query with 400 and says why: the store, not the endpoint, would call the SERVICE',
    async () => {
      const response = await sparql(federated());
      expect(response.status).toBe(400);
      expect(await response.text()).toBe(
        `SERVICE <${sdgEndpoint.url}/sparql> is not available on this endpoint: its queries run on a SPARQL store, which would make the call itself, beyond this endpoint's guard. Federated queries work on the in-memory endpoint.\n`,
      );
    },
  );

  it('describes itself: a service description with its own endpoint URL', async () => {
    const response = await fetch(`${main.url}/sparql`);
    expect(response.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    const quads = new Parser({ baseIRI: `${main.url}/sparql` }).parse(await response.text());
    const endpoint = `${main.url}/sparql`;
    const has = (s: string, p: string, o: string) =>
      quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    expect(has(endpoint, `${SD}endpoint`, endpoint)).toBe(true);
    expect(has(endpoint, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${SD}Service`)).toBe(true);
    expect(has(endpoint, `${SD}supportedLanguage`, `${SD}SPARQL11Query`)).toBe(true);
    expect(has(endpoint, `${SD}defaultDataset`, `${BASE}dataset`)).toBe(true);
    expect(has(`${BASE}dataset`, 'http://www.w3.org/2000/01/rdf-schema#seeAlso', `${main.url}/.well-known/void`)).toBe(
      true,
    );
    expect(quads.filter((q) => q.predicate.value === `${SD}resultFormat`)).toHaveLength(10);
    // The default graph carries the triple count of the VoID description it links to.
    const voidQuads = new Parser().parse(await (await fetch(`${main.url}/.well-known/void`)).text());
    const voidTriples = voidQuads.find(
      (q) => q.subject.value === `${BASE}dataset` && q.predicate.value === 'http://rdfs.org/ns/void#triples',
    )!;
    expect(
      quads
        .filter(
          (q) =>
            q.subject.value === `${BASE}dataset#default-graph` &&
            q.predicate.value === 'http://rdfs.org/ns/void#triples',
        )
        .map((q) => q.object.value),
    ).toEqual([voidTriples.object.value]);
  });

  it('dereferences {base}id IRIs: HTML, Turtle and JSON-LD by content negotiation', async () => {
    const turtle = await fetch(`${main.url}/id/entity/unodc`, { headers: { accept: 'text/turtle' } });
    expect([turtle.status, turtle.headers.get('content-type'), turtle.headers.get('vary')]).toEqual([
      200,
      'text/turtle; charset=utf-8',
      'Accept',
    ]);
    const quads = new Parser().parse(await turtle.text());
    expect(
      quads.some(
        (q) =>
          q.subject.value === `${BASE}id/entity/unodc` && q.object.value === 'United Nations Office on Drugs and Crime',
      ),
    ).toBe(true);
    const html = await fetch(`${main.url}/id/entity/unodc`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    const page = await html.text();
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page).toContain('<h1>United Nations Office on Drugs and Crime</h1>');
    expect(page).toContain('"@context":"https://schema.org","@type":"Organization"');
    const json = await fetch(`${main.url}/id/entity/unodc`, { headers: { accept: 'application/ld+json' } });
    expect(json.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(((await json.json()) as { '@graph': { id: string }[] })['@graph'].map((n) => n.id)).toContain(
      `${BASE}id/entity/unodc`,
    );
    expect((await fetch(`${main.url}/id/entity/no-such-entity`, { headers: { accept: 'text/turtle' } })).status).toBe(
      404,
    );
  });

  it('serves the catalog, the VoID, the dumps with their types, and a home page', async () => {
    const check = async (path: string, accept: string | undefined, type: string) => {
      const response = await fetch(`${main.url}${path}`, accept ? { headers: { accept } } : {});
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, type]);
      return response.text();
    };
    expect(await check('/catalog', 'text/turtle', 'text/turtle; charset=utf-8')).toContain('dcat:Catalog');
    await check('/catalog', 'application/ld+json', 'application/ld+json; charset=utf-8');
    expect(await check('/.well-known/void', undefined, 'text/turtle; charset=utf-8')).toContain('void:Dataset');
    await check('/dumps/icat.nq', undefined, 'application/n-quads; charset=utf-8');
    await check('/dumps/icat.ttl.gz', undefined, 'application/gzip');
    await check('/dumps/entities/ilo.jsonld', undefined, 'application/ld+json; charset=utf-8');
    expect(await check('/', 'text/html', 'text/html; charset=UTF-8')).toContain('SPARQL endpoint and query editor');
    expect((await fetch(`${main.url}/dumps/nothing.txt`)).status).toBe(404);
    const latest = await fetch(`${main.url}/dumps/icat.ttl`);
    const version = latest.headers.get('x-dataset-version')!;
    expect(latest.headers.get('cache-control')).toBe('public, max-age=60');
    const pinned = await fetch(`${main.url}/dumps/${version}/icat.ttl`);
    expect([pinned.status, pinned.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(await pinned.text()).toBe(await latest.text());
  });
});
