import { CHARTS } from '../../functions/charts/chart-definitions.js';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../functions/publish/build-from-records.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const PORT = 20_000 + Math.floor(Math.random() * 20_000);
const BASE = `http://127.0.0.1:${PORT}/`;
const LICENSE = 'https://creativecommons.org/licenses/by/4.0/';
/** What Chromium and Firefox send when following a link. */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const work = mkdtempSync(join(tmpdir(), 'icat-kg-catalog-http-'));
let server: ServerProcess;
let built: { result: BuildResult; dir: string };

beforeAll(async () => {
  built = await buildRealDumpSet({ baseIri: BASE, license: LICENSE, sourceDateEpoch: '1796131800' });
  server = await startServerProcess(['--from', built.dir], { BASE_IRI: BASE }, PORT);
});
afterAll(async () => {
  await server?.stop();
  rmSync(built.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const get = (path: string, accept?: string) => fetch(`${server.url}${path}`, accept ? { headers: { accept } } : {});
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const file = (path: string) => built.result.dumps.files.find((f) => f.path === path)!;

describe('the catalog over HTTP', () => {
  it('answers RDF/XML that rapper and rdflib read as the same graph as catalog.ttl', async () => {
    const response = await get('/catalog', 'application/rdf+xml');
    expect([response.status, response.headers.get('content-type'), response.headers.get('vary')]).toEqual([
      200,
      'application/rdf+xml; charset=utf-8',
      'Accept',
    ]);
    const xml = await response.text();
    const rdf = join(work, 'catalog.rdf');
    writeFileSync(rdf, xml);
    const ttl = join(built.dir, 'catalog.ttl');
    const count = async (path: string, syntax: string) =>
      (await run('rapper', ['-i', syntax, '-c', path])).stderr.match(/returned (\d+) triples/)![1];
    const triples = new Parser().parse(readFileSync(ttl, 'utf8')).length;
    expect(await count(rdf, 'rdfxml')).toBe(String(triples));
    expect(await count(ttl, 'turtle')).toBe(String(triples));
    const { stdout } = await run('/usr/bin/python3', [
      join(__dirname, '../crosscheck/rdflib_isomorphic.py'),
      rdf,
      'xml',
      ttl,
      'turtle',
    ]);
    expect(JSON.parse(stdout)).toEqual({ first: triples, second: triples, isomorphic: true });
    // The same bytes by ?format= and at the fixed URL harvesters may be configured with.
    expect(await (await get('/catalog?format=rdfxml')).text()).toBe(xml);
    expect(await (await get('/catalog.rdf')).text()).toBe(xml);
  });

  it('still answers Turtle by default and JSON-LD when asked, as the published files', async () => {
    const turtle = await get('/catalog');
    expect(turtle.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(await turtle.text()).toBe(file('catalog.ttl').content.toString('utf8'));
    const jsonld = await get('/catalog', 'application/ld+json');
    expect(jsonld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(await jsonld.text()).toBe(file('catalog.jsonld').content.toString('utf8'));
    expect((await get('/catalog', 'image/png')).status).toBe(406);
  });

  it('gives a browser a page: the dataset, dates, licence, source, every download with size and SHA-256, the service', async () => {
    const response = await get('/catalog', BROWSER);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/html; charset=UTF-8']);
    const html = await response.text();
    const version = built.result.dumps.version;
    expect(html).toContain('<h1>ICAT Knowledge Graph: the 2021 ICAT mapping resource as linked data</h1>');
    expect(html).toContain('<tr><th>First issued</th><td>2026-11-27</td></tr>');
    expect(html).toContain('<tr><th>Last modified</th><td>2026-12-01</td></tr>');
    const links = hrefs(html);
    for (const path of [
      'icat.nq',
      'icat.nq.gz',
      'icat.trig',
      'icat.trig.gz',
      'icat.ttl',
      'icat.ttl.gz',
      'icat.jsonld',
      'icat.jsonld.gz',
    ])
      expect(links).toContain(`/dumps/${version}/${path}`);
    const nq = file('icat.nq');
    expect(html).toContain(`<code>${nq.sha256}</code>`);
    expect(html).toContain(`${nq.content.length.toLocaleString('en-US')} bytes`);
    // The licence row, the 8 downloads, the dashboard's charts, the SPARQL service's distribution.
    expect(links.filter((l) => l === LICENSE)).toHaveLength(1 + 8 + CHARTS.length + 1);
    expect(links).toEqual(expect.arrayContaining(['/sparql', '/id/source/icat-2021-mapping-resource', '/dumps/']));
    expect(links).toEqual(expect.arrayContaining(['?format=turtle', '?format=jsonld', '?format=rdfxml']));
    // Its links work: the download (same bytes) and the source document's page.
    const download = await get(`/dumps/${version}/icat.nq`);
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(nq.sha256);
    expect((await get('/id/source/icat-2021-mapping-resource', BROWSER)).status).toBe(200);
    expect(await (await get('/catalog.html')).text()).toBe(html);
  });
});

describe('the dumps listing over HTTP', () => {
  it('gives a browser following the home page links readable pages, not Turtle and JSON', async () => {
    const home = await (await get('/', BROWSER)).text();
    for (const path of ['/catalog', '/dumps/']) {
      expect(hrefs(home)).toContain(path);
      const response = await get(path, BROWSER);
      expect([path, response.headers.get('content-type')]).toEqual([path, 'text/html; charset=UTF-8']);
    }
  });

  it('lists every file of manifest.json with its size and SHA-256, each link serving those bytes', async () => {
    const html = await (await get('/dumps/', BROWSER)).text();
    const manifest = JSON.parse(file('manifest.json').content.toString('utf8')) as {
      version: string;
      files: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.files.length).toBeGreaterThan(40);
    const links = hrefs(html).filter((l) => l.startsWith(`/dumps/${manifest.version}/`));
    expect(links).toEqual([
      `/dumps/${manifest.version}/manifest.json`,
      ...manifest.files.map((f) => `/dumps/${manifest.version}/${f.path}`),
    ]);
    for (const f of manifest.files) {
      expect(html).toContain(`<code>${f.sha256}</code>`);
      expect(html).toContain(`${f.size.toLocaleString('en-US')} bytes`);
    }
    for (const f of manifest.files.filter((m) =>
      ['icat.ttl.gz', 'entities/unodc.jsonld', 'void.ttl'].includes(m.path),
    )) {
      const body = Buffer.from(await (await get(`/dumps/${manifest.version}/${f.path}`)).arrayBuffer());
      expect([f.path, createHash('sha256').update(body).digest('hex')]).toEqual([f.path, f.sha256]);
    }
  });

  it('keeps the JSON listing for programs', async () => {
    const response = await get('/dumps/');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const listing = (await response.json()) as { version: string; files: string[] };
    expect(listing.version).toBe(built.result.dumps.version);
    expect(listing.files).toContain('/dumps/icat.nq');
    expect((await get('/dumps/?format=html')).headers.get('content-type')).toBe('text/html; charset=UTF-8');
  });
});
