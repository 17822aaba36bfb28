import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeQuery } from '../../functions/query/normalize-query.js';
import { ResultCache } from '../../functions/http/result-cache.js';
import { DATA_POLICY } from '../../functions/http/security-headers.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { bothModes, loadWithCli, startVirtuoso, type Virtuoso } from '../store/virtuoso.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const PORT = 20_000 + Math.floor(Math.random() * 20_000);
const BASE = `http://127.0.0.1:${PORT}/`;
const work = mkdtempSync(join(tmpdir(), 'icat-kg-hardening-'));
let dumps: string;
let memory: ServerProcess;
let virtuoso: Virtuoso;
let store: ServerProcess;
/** The server under test: each mode's block reads its server into this. */
let server: ServerProcess;

beforeAll(async () => {
  const [built, started] = await Promise.all([buildRealDumpSet({ baseIri: BASE }), startVirtuoso()]);
  dumps = built.dir;
  virtuoso = started;
  // The same dump set in a real store, served by `icat-kg serve --store` under the same BASE_IRI (which
  // names the IRIs, not the server), so both modes answer with the very same IRIs.
  [memory] = await Promise.all([
    startServerProcess(['--from', dumps], { BASE_IRI: BASE }, PORT),
    loadWithCli(dumps, virtuoso.graphStore, { BASE_IRI: BASE }),
  ]);
  store = await startServerProcess(['--from', dumps, '--store', virtuoso.sparql], { BASE_IRI: BASE });
}, 300_000);
afterAll(async () => {
  await Promise.all([memory?.stop(), store?.stop()]);
  await virtuoso?.stop();
  if (dumps) rmSync(dumps, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const sparql = (query: string, params = '', headers: Record<string, string> = {}) =>
  get(`/sparql?query=${encodeURIComponent(query)}${params}`, headers);

/** Parses XML with Python's expat (through minidom), strictly: any well-formedness error fails. */
async function parseXml(xml: string, script: string): Promise<string> {
  const path = join(work, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(path, xml);
  const { stdout } = await run('/usr/bin/python3', ['-c', `import sys, json, xml.dom.minidom\n${script}`, path]);
  return stdout;
}

/** A raw HTTP/1.1 exchange: what the server writes back before it closes (or 3 s pass). */
function rawExchange(request: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(3000, () => socket.destroy());
  });
}

describe.each(
  bothModes(
    () => memory,
    () => store,
  ),
)('%s', (_mode, serverOf) => {
  beforeAll(() => {
    server = serverOf();
  });

  describe('UI assets are looked up as own entries only', () => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('/ui/%s is 404', async (name) => {
      const response = await get(`/ui/${name}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
      expect(await response.text()).toBe('Not found.\n');
    });

    it('serves the real assets with their types', async () => {
      for (const [name, type] of [
        ['yasgui.min.js', 'text/javascript; charset=utf-8'],
        ['yasgui.min.css', 'text/css; charset=utf-8'],
        ['query-page.js', 'text/javascript; charset=utf-8'],
      ]) {
        const response = await get(`/ui/${name}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(type);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(400);
      }
    });
  });

  describe('XML answers stay well-formed XML 1.0 whatever the literals hold', () => {
    // \u0001 and \u001F cannot be carried by XML 1.0; \r can, as a reference.
    const query = 'SELECT ?x ?y { VALUES (?x ?y) { ("a\\u0001b\\u001Fc" "line\\rbreak") } }';

    it('SPARQL results XML: replaced by U+FFFD, counted in a header and a closing note', async () => {
      const response = await sparql(query, '&format=xml');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-result-characters-replaced')).toBe('2');
      const body = await response.text();
      expect(body.endsWith(' 2 -->\n')).toBe(true);
      const parsed = await parseXml(
        body,
        `doc = xml.dom.minidom.parse(sys.argv[1])
print(json.dumps([l.firstChild.data for l in doc.getElementsByTagName('literal')]))`,
      );
      expect(JSON.parse(parsed)).toEqual(['a\uFFFDb\uFFFDc', 'line\rbreak']);
      // JSON carries the exact values, and says nothing was replaced.
      const json = await sparql(query, '&format=json');
      expect(json.headers.get('x-result-characters-replaced')).toBeNull();
      const { results } = (await json.json()) as { results: { bindings: { x: { value: string } }[] } };
      expect(results.bindings[0]!.x.value).toBe('a\u0001b\u001Fc');
    });

    it('RDF/XML: replaced likewise, and rapper reads the triple back', async () => {
      const construct = 'CONSTRUCT { <http://example.org/s> <http://example.org/p> "x\\u0002y\\rz" } WHERE {}';
      const response = await sparql(construct, '&format=rdfxml');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/rdf+xml; charset=utf-8');
      expect(response.headers.get('x-result-characters-replaced')).toBe('1');
      const path = join(work, 'construct.rdf');
      writeFileSync(path, await response.text());
      const { stdout } = await run('rapper', ['-q', '-i', 'rdfxml', '-o', 'ntriples', path]);
      expect(stdout).toBe('<http://example.org/s> <http://example.org/p> "x\\uFFFDy\\rz" .\n');
    });
  });

  describe('If-None-Match', () => {
    it('never answers 304 for a query that does not parse, even with its would-be ETag', async () => {
      const version = (await sparql('ASK {}')).headers.get('x-dataset-version')!;
      const bad = 'SELECT * WHERE { ?s ?p }';
      const etag = ResultCache.etagOf(ResultCache.key([version, normalizeQuery(bad), '', '', '', '*/*']));
      const response = await sparql(bad, '', { accept: '*/*', 'if-none-match': etag });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/^The query does not parse/);
    });

    it('answers 304 only once the query has been answered', async () => {
      const query = 'SELECT ?s WHERE { ?s a <http://www.w3.org/ns/org#Organization> } LIMIT 3';
      const version = (await sparql('ASK {}')).headers.get('x-dataset-version')!;
      const etag = ResultCache.etagOf(ResultCache.key([version, normalizeQuery(query), '', '', '', '*/*']));
      const first = await sparql(query, '', { accept: '*/*', 'if-none-match': etag });
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe(etag);
      await first.text();
      const again = await sparql(query, '', { accept: '*/*', 'if-none-match': etag });
      expect(again.status).toBe(304);
    });
  });

  describe('CONNECT', () => {
    it('is answered 405 with Allow, not a dropped connection', async () => {
      const answer = await rawExchange(`CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n`);
      const [head, body] = answer.split('\r\n\r\n');
      const lines = head!.split('\r\n');
      expect(lines[0]).toBe('HTTP/1.1 405 Method Not Allowed');
      expect(lines).toContain('Allow: GET, HEAD, POST, OPTIONS');
      expect(lines).toContain('X-Content-Type-Options: nosniff');
      expect(body).toBe('Method CONNECT is not allowed: this server is not a proxy. Use GET or POST.\n');
    });

    it('leaves the server answering', async () => {
      expect((await sparql('ASK {}')).status).toBe(200);
    });
  });

  describe('security headers on every answer', () => {
    const cases: [string, () => Promise<Response>, number, boolean][] = [
      ['home page', () => get('/'), 200, true],
      ['query UI', () => get('/sparql', { accept: 'text/html' }), 200, true],
      ['resource page', () => get('/id/entity/unodc', { accept: 'text/html' }), 200, true],
      ['query result', () => sparql('ASK {}'), 200, false],
      ['bad query', () => sparql('ASK {'), 400, false],
      ['service description', () => get('/sparql'), 200, false],
      ['dump', () => get('/dumps/icat.nq'), 200, false],
      ['UI script', () => get('/ui/yasgui.min.js'), 200, false],
      ['not found', () => get('/nothing'), 404, false],
      ['method not allowed', () => fetch(`${server.url}/sparql`, { method: 'PUT' }), 405, false],
      [
        'CORS preflight',
        () =>
          fetch(`${server.url}/sparql`, {
            method: 'OPTIONS',
            headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' },
          }),
        204,
        false,
      ],
    ];

    it.each(cases)('%s', async (_, request, status, html) => {
      const response = await request();
      expect(response.status).toBe(status);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const policy = response.headers.get('content-security-policy');
      const body = await response.text();
      if (!html) return expect(policy).toBe(DATA_POLICY);
      // Only this host; no inline script; inline styles only those of the page itself (and YASGUI's), by hash.
      const styles = [...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
        (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
      );
      expect(styles.length).toBeGreaterThan(0);
      expect(policy!.split('; ')).toEqual([
        "default-src 'self'",
        "script-src 'self'",
        `style-src 'self' ${styles.join(' ')} 'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=' 'sha256-${createHash('sha256').update('*{cursor:col-resize!important}').digest('base64')}'`,
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]);
    });

    it('serves the query page with no inline script', async () => {
      const html = await (await get('/sparql', { accept: 'text/html' })).text();
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      expect(scripts).toEqual([
        ' type="application/json" id="query-page"',
        ' src="/ui/yasgui.min.js"',
        ' src="/ui/query-page.js"',
      ]);
    });
  });
});
