import { ICAT_ONTOLOGY } from '../../functions/rdf/namespaces.js';
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/cli/main.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { bothModes, startVirtuoso, type Virtuoso } from '../store/virtuoso.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

// Outside clients nobody here wrote, against the real server process over the real dump set (default BASE_IRI).
const run = promisify(execFile);
const CROSSCHECK = join(__dirname, '..', 'crosscheck');
const BASE = 'https://w3id.org/icat-kg/';
const ICAT = `${ICAT_ONTOLOGY}`;
const UNODC = `${BASE}id/entity/unodc`;
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';

let dir: string;
let memory: ServerProcess;
let virtuoso: Virtuoso;
let store: ServerProcess;
/** The endpoint under test: each mode's block reads its server into this. */
let server: ServerProcess;
let quads: Quad[];
let namedGraphs: number;
/** `entity label` for every ICAT entity's English rdfs:label, read from the N-Quads dump. */
let entityLabels: string[];

beforeAll(async () => {
  const built = await buildRealDumpSet();
  dir = built.dir;
  namedGraphs = built.result.dumps.statistics.namedGraphs;
  quads = new Parser({ format: 'application/n-quads' }).parse(readFileSync(join(dir, 'icat.nq'), 'utf8'));
  const entities = new Set(
    quads
      .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${ICAT}Entity`)
      .map((q) => q.subject.value),
  );
  entityLabels = [
    ...new Set(
      quads
        .filter(
          (q) =>
            entities.has(q.subject.value) &&
            q.predicate.value === RDFS_LABEL &&
            q.object.termType === 'Literal' &&
            q.object.language === 'en',
        )
        .map((q) => `${q.subject.value} ${q.object.value}`),
    ),
  ].sort();
  memory = await startServerProcess(['--from', dir]);
  // The same dump set in a real store, queried through `icat-kg serve --store`.
  virtuoso = await startVirtuoso();
  const quiet = { out: () => undefined, err: (line: string) => console.error(line) };
  expect(await runCli(['load', dir, '--into', virtuoso.graphStore], quiet)).toBe(0);
  store = await startServerProcess(['--from', dir, '--store', virtuoso.sparql]);
}, 300_000);

afterAll(async () => {
  await Promise.all([memory?.stop(), store?.stop()]);
  await virtuoso?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface ClientRecord {
  readonly form: string;
  readonly format: string;
  readonly method: string;
  readonly contentType?: string;
  readonly error?: string;
  readonly warnings: string[];
  readonly rows?: string[];
  readonly boolean?: boolean;
  readonly triples?: number;
  readonly labels?: string[];
}

const SRX = 'application/sparql-results+xml';
const SRJ = 'application/sparql-results+json';
const RDFXML = 'application/rdf+xml';
const TURTLE = 'text/turtle';
const JSONLD = 'application/ld+json';
/** What each SPARQLWrapper return format gets, per query form. */
const EXPECTED_TYPES: Record<string, Record<string, string>> = {
  select: { default: SRX, xml: SRX, json: SRJ, csv: 'text/csv', tsv: 'text/tab-separated-values' },
  // SPARQLWrapper asks for CSV or TSV for an ASK too; no such format is defined, so SPARQL JSON.
  ask: { default: SRX, xml: SRX, json: SRJ, csv: SRJ, tsv: SRJ },
  'ask-false': { default: SRX, xml: SRX, json: SRJ },
  construct: {
    default: RDFXML,
    xml: RDFXML,
    'rdf+xml': RDFXML,
    turtle: TURTLE,
    n3: TURTLE,
    json: JSONLD,
    'json-ld': JSONLD,
  },
};
EXPECTED_TYPES.describe = EXPECTED_TYPES.construct!;

describe.each(
  bothModes(
    () => memory,
    () => store,
  ),
)('%s', (_mode, serverOf) => {
  beforeAll(() => {
    server = serverOf();
  });

  describe('SPARQLWrapper (Debian python3-sparqlwrapper)', () => {
    it('answers all four query forms, with its defaults and every return format, by GET and POST', async () => {
      const { stdout } = await run(
        '/usr/bin/python3',
        [join(CROSSCHECK, 'sparqlwrapper_client.py'), `${server.url}/sparql`, UNODC, ICAT],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      const records = JSON.parse(stdout) as ClientRecord[];
      const describeTriples = new Parser({ format: 'application/n-triples' }).parse(
        await (
          await fetch(`${server.url}/sparql?query=${encodeURIComponent(`DESCRIBE <${UNODC}>`)}`, {
            headers: { accept: 'application/n-triples' },
          })
        ).text(),
      ).length;

      expect(entityLabels).toHaveLength(29);
      expect(entityLabels).toContain(`${UNODC} United Nations Office on Drugs and Crime`);
      expect(describeTriples).toBeGreaterThan(10);
      expect(records.map((r) => `${r.form} ${r.format} ${r.method}`)).toEqual(
        Object.entries(EXPECTED_TYPES).flatMap(([form, formats]) =>
          Object.keys(formats).flatMap((format) => [
            `${form} ${format} GET`,
            `${form} ${format} POST`,
            ...(format === 'default' ? [`${form} ${format} postdirectly`] : []),
          ]),
        ),
      );
      for (const record of records) {
        const label = `${record.form} ${record.format} ${record.method}`;
        expect([label, record.error]).toEqual([label, undefined]);
        expect([label, record.contentType]).toEqual([
          label,
          `${EXPECTED_TYPES[record.form]![record.format]}; charset=utf-8`,
        ]);
        if (record.form === 'select') expect([label, record.rows]).toEqual([label, entityLabels]);
        if (record.form === 'ask') expect([label, record.boolean]).toEqual([label, true]);
        if (record.form === 'ask-false') expect([label, record.boolean]).toEqual([label, false]);
        if (record.form === 'construct') {
          expect([label, record.triples, record.labels]).toEqual([label, entityLabels.length, entityLabels]);
        }
        if (record.form === 'describe') {
          expect([label, record.triples, record.labels]).toEqual([
            label,
            describeTriples,
            ['United Nations Office on Drugs and Crime'],
          ]);
        }
        // SPARQLWrapper warns when the answer's type differs from the one asked for: only for ASK as CSV/TSV.
        const mismatch = record.form === 'ask' && (record.format === 'csv' || record.format === 'tsv');
        expect([label, record.warnings.filter((w) => w.startsWith('Format requested'))]).toEqual([
          label,
          mismatch
            ? [
                `Format requested was ${record.format.toUpperCase()}, but JSON (${SRJ}; charset=utf-8) has been returned by the endpoint`,
              ]
            : [],
        ]);
      }
    });
  });

  describe('the format parameters, each on its own (Virtuoso: format, Fuseki: output, rasqal: results)', () => {
    const select = `SELECT ?e WHERE { ?e a <${ICAT}Entity> } ORDER BY ?e LIMIT 1`;
    const construct = `CONSTRUCT { ?e a <${ICAT}Entity> } WHERE { ?e a <${ICAT}Entity> } LIMIT 1`;
    const cases: [string, string, string, string][] = [
      ['GET', select, 'output=csv', 'text/csv'],
      ['GET', select, 'results=xml', SRX],
      ['GET', construct, 'results=xml', RDFXML],
      ['GET', construct, 'output=json', JSONLD],
      ['GET', construct, 'format=bogus&output=n3', TURTLE],
      ['GET', select, 'format=text%2Ftab-separated-values', 'text/tab-separated-values'],
      ['POST', select, 'output=tsv', 'text/tab-separated-values'],
      ['POST', construct, 'format=csv&results=application%2Fn-triples', 'application/n-triples'],
    ];
    for (const [method, query, params, expected] of cases) {
      it(`${method} ${query.split(' ')[0]} with ${params} gives ${expected}`, async () => {
        const body = `query=${encodeURIComponent(query)}&${params}`;
        const response =
          method === 'GET'
            ? await fetch(`${server.url}/sparql?${body}`, { headers: { accept: 'text/html' } })
            : await fetch(`${server.url}/sparql`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
                body,
              });
        expect([response.status, response.headers.get('content-type')]).toEqual([200, `${expected}; charset=utf-8`]);
        expect((await response.text()).length).toBeGreaterThan(0);
      });
    }
  });

  describe("rdflib's SPARQLStore", () => {
    it('lists every named graph with contexts() (GRAPH ?name {}), and those holding a subject', async () => {
      const { stdout } = await run('/usr/bin/python3', [
        join(CROSSCHECK, 'rdflib_sparqlstore_contexts.py'),
        `${server.url}/sparql`,
        UNODC,
      ]);
      const contexts = JSON.parse(stdout) as { all: string[]; withSubject: string[] };
      const graphsOfQuads = [...new Set(quads.map((q) => q.graph.value))].sort();
      expect(contexts.all).toHaveLength(namedGraphs);
      expect(contexts.all).toEqual(graphsOfQuads);
      expect(contexts.all).not.toContain('');
      // One name per matching triple, as rdflib's query has no DISTINCT.
      expect(contexts.withSubject).toEqual(
        quads
          .filter((q) => q.subject.value === UNODC)
          .map((q) => q.graph.value)
          .sort(),
      );
      expect(new Set(contexts.withSubject)).toEqual(
        new Set([`${BASE}graph/entity/unodc`, `${BASE}graph/mou-row/unodc`]),
      );
    });
  });

  describe('roqet (Debian rasqal-utils)', () => {
    const roqet = (query: string, ...args: string[]) =>
      run('roqet', ['-p', `${server.url}/sparql`, '-e', query, ...args], { cwd: dir });

    it('reads SELECT results, exactly the entities of the graph', async () => {
      const { stdout } = await roqet(
        `SELECT ?e ?label WHERE { ?e a <${ICAT}Entity> ; <${RDFS_LABEL}> ?label FILTER(lang(?label) = "en") }`,
        '-q',
        '-r',
        'csv',
      );
      const [header, ...rows] = stdout.trim().split(/\r?\n/);
      expect(header).toBe('e,label');
      const unquote = (cell: string) => cell.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
      const parsed = rows.map((row) => {
        const comma = row.indexOf(',');
        return `${row.slice(0, comma)} ${unquote(row.slice(comma + 1))}`;
      });
      expect(parsed.sort()).toEqual(entityLabels);
    });

    it('gets a graph for the SPARQL XML results it asks for with a CONSTRUCT, not a 406', async () => {
      // The Accept header roqet sends, seen by a loopback listener.
      const seen: IncomingHttpHeaders[] = [];
      const listener = createServer((request, response) => {
        seen.push(request.headers);
        response.writeHead(200, { 'content-type': `${SRX}; charset=utf-8` });
        response.end(
          '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><results/></sparql>',
        );
      });
      const port = await new Promise<number>((resolve) =>
        listener.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port)),
      );
      const construct = `CONSTRUCT { ?e a <${ICAT}Entity> } WHERE { ?e a <${ICAT}Entity> }`;
      try {
        await run('roqet', ['-q', '-p', `http://127.0.0.1:${port}/sparql`, '-e', construct], { cwd: dir });
      } finally {
        listener.close();
      }
      expect(seen.map((h) => h.accept)).toEqual([SRX]);

      // roqet against the server: no HTTP error any more. (roqet reads only SPARQL XML result sets from a
      // service, so it then fails to read the graph as such, whatever RDF format it gets, and exits 1.)
      const stderr = await roqet(construct).then(
        (ok) => ok.stderr,
        (failed: { stderr: string }) => failed.stderr,
      );
      expect(stderr).toContain('Calling SPARQL service');
      expect(stderr).not.toMatch(/HTTP status|Failed to fetch/);
      const response = await fetch(`${server.url}/sparql?query=${encodeURIComponent(construct)}`, {
        headers: { accept: seen[0]!.accept! },
      });
      expect([response.status, response.headers.get('content-type')]).toEqual([200, `${TURTLE}; charset=utf-8`]);
      expect(new Parser().parse(await response.text())).toHaveLength(entityLabels.length);
    });
  });
});
