import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Context, LambdaFunctionURLResult } from 'aws-lambda';
import { createSparqlHandler } from '../../functions/lambda/sparql-handler.js';
import { writeDumpSet } from '../../functions/pipeline/write-dump-set.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import { loadUiAssets } from '../../functions/server/ui-assets.js';
import { FsStorage } from '../../functions/storage/fs-storage.js';
import { functionUrlEvent } from './events.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIntoStore } from '../../functions/lambda/store-load.js';
import type { DumpSet } from '../../functions/publish/dump-set.js';
import { DEFAULT_BASE_IRI } from '../../functions/rdf/namespaces.js';
import { GraphStoreClient } from '../../functions/store/graph-store-client.js';
import { readStoreState, storeLayout } from '../../functions/store/load-dump-set.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { startVirtuoso, type Virtuoso } from '../store/virtuoso.js';

const layout = storeLayout(DEFAULT_BASE_IRI);
let virtuoso: Virtuoso;
let dir: string;
let dumpSet: DumpSet;
let graphs: string[];

/**
 * A stand-in for Neptune's bulk loader (Neptune cannot run here): the two endpoints as documented
 * (POST /loader → payload.loadId; GET /loader/{loadId} → payload.overallStatus.status), which "reads" the
 * s3:// source from the dump folder and writes its graphs into the real Virtuoso, then reports
 * LOAD_IN_PROGRESS once and the final status after.
 */
function fakeLoader(finalStatus: string) {
  const requests: { method: string; url: string; body: string }[] = [];
  let polls = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', async () => {
      requests.push({ method: req.method!, url: req.url!, body });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/loader') {
        const { source } = JSON.parse(body) as { source: string };
        const text = readFileSync(join(dir, source.replace(/^s3:\/\/[^/]+\/dumps\/[^/]+\//, '')), 'utf8');
        if (finalStatus === 'LOAD_COMPLETED') {
          const client = new GraphStoreClient(virtuoso.graphStore);
          const byGraph = new Map<string, string[]>();
          for (const q of new Parser({ format: 'application/n-quads' }).parse(text))
            byGraph.set(q.graph.value, [
              ...(byGraph.get(q.graph.value) ?? []),
              `<${q.subject.value}> <${q.predicate.value}> ${q.object.termType === 'Literal' ? JSON.stringify(q.object.value) : `<${q.object.value}>`} .`,
            ]);
          for (const [g, lines] of byGraph) if (g) await client.put(g, lines.join('\n'));
        }
        res.end(JSON.stringify({ status: '200 OK', payload: { loadId: 'load-1' } }));
      } else if (req.method === 'GET' && req.url === '/loader/load-1') {
        const status = polls++ === 0 ? 'LOAD_IN_PROGRESS' : finalStatus;
        res.end(
          JSON.stringify({
            status: '200 OK',
            payload: { overallStatus: { status, totalRecords: 5, parsingErrors: 5 } },
          }),
        );
      } else res.writeHead(404).end('{}');
    });
  });
  return {
    requests,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/loader`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const clearStore = async () => {
  const client = new GraphStoreClient(virtuoso.graphStore);
  for (const g of [...graphs, layout.unionGraph, layout.stateGraph]) await client.delete(g);
};

beforeAll(async () => {
  const built = await buildRealDumpSet();
  dir = built.dir;
  dumpSet = built.result.dumps;
  const nquads = dumpSet.files.find((f) => f.path === 'icat.nq')!.content.toString('utf8');
  graphs = [...new Set(new Parser({ format: 'application/n-quads' }).parse(nquads).map((q) => q.graph.value))]
    .filter((g) => g !== '')
    .sort();
  virtuoso = await startVirtuoso();
}, 240_000);
afterAll(async () => {
  await virtuoso?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("publish's store load", () => {
  it('loads a published dump set into a real Virtuoso over GSP and records its version', async () => {
    const report = await loadIntoStore(dumpSet, {
      gspUrl: virtuoso.graphStore,
      baseIri: DEFAULT_BASE_IRI,
      loader: 'gsp',
    });
    expect(report).toMatchObject({ loader: 'gsp', version: dumpSet.version, graphs: graphs.length, removed: [] });
    expect(await readStoreState(new GraphStoreClient(virtuoso.graphStore), layout)).toEqual({
      version: dumpSet.version,
      graphs,
    });
  });

  it('lets the sparql function answer from the store, the same as from memory', async () => {
    const work = mkdtempSync(join(tmpdir(), 'icat-kg-store-dumps-'));
    try {
      const dumps = new FsStorage(work);
      await writeDumpSet(dumps, dumpSet);
      const storeRequests: string[] = [];
      const counting: typeof fetch = (input, init) => {
        storeRequests.push(String(input));
        return fetch(input, init);
      };
      const common = {
        dumps,
        baseIri: DEFAULT_BASE_IRI,
        limits: queryLimitsSchema.parse({}),
        assets: loadUiAssets(),
        refreshSeconds: 60,
        log: () => undefined,
      };
      const fromStore = createSparqlHandler({ ...common, store: { sparqlUrl: virtuoso.sparql, fetch: counting } });
      const inMemory = createSparqlHandler(common);
      const query = 'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }';
      const answer = async (handler: typeof inMemory) => {
        const result = (await handler(
          functionUrlEvent('GET', `/sparql?query=${encodeURIComponent(query)}`, {
            accept: 'application/sparql-results+json',
          }),
          {} as Context,
        )) as Exclude<LambdaFunctionURLResult, string>;
        expect(result.statusCode).toBe(200);
        return (JSON.parse(result.body!) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0]!
          .n.value;
      };
      const [remote, local] = [await answer(fromStore), await answer(inMemory)];
      expect(remote).toBe(local);
      expect(Number(remote)).toBe(graphs.length);
      expect(storeRequests.length).toBeGreaterThan(0);
      expect(storeRequests.every((url) => url.startsWith(virtuoso.sparql))).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('uses GSP, not the bulk loader, once the store holds a version (the bulk loader cannot replace graphs)', async () => {
    const loader = fakeLoader('LOAD_COMPLETED');
    const loaderUrl = await loader.start();
    try {
      const report = await loadIntoStore(dumpSet, {
        gspUrl: virtuoso.graphStore,
        baseIri: DEFAULT_BASE_IRI,
        loader: 'neptune-bulk',
        bulk: {
          loaderUrl,
          iamRoleArn: 'arn:aws:iam::123456789012:role/loader',
          region: 'eu-west-1',
          dumpsBucket: 'dumps-bucket',
          pollMs: 10,
        },
      });
      expect(report).toMatchObject({ loader: 'gsp', version: dumpSet.version, previousVersion: dumpSet.version });
      expect(loader.requests).toEqual([]);
    } finally {
      await loader.stop();
    }
  });

  it('loads an empty store through the bulk loader (documented request), then writes the union and state graphs', async () => {
    await clearStore();
    const loader = fakeLoader('LOAD_COMPLETED');
    const loaderUrl = await loader.start();
    try {
      const report = await loadIntoStore(dumpSet, {
        gspUrl: virtuoso.graphStore,
        baseIri: DEFAULT_BASE_IRI,
        loader: 'neptune-bulk',
        bulk: {
          loaderUrl,
          iamRoleArn: 'arn:aws:iam::123456789012:role/loader',
          region: 'eu-west-1',
          dumpsBucket: 'dumps-bucket',
          pollMs: 10,
        },
      });
      expect(report).toMatchObject({
        loader: 'neptune-bulk',
        loadId: 'load-1',
        version: dumpSet.version,
        graphs: graphs.length,
      });
      expect(loader.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /loader',
        'GET /loader/load-1',
        'GET /loader/load-1',
      ]);
      expect(JSON.parse(loader.requests[0]!.body)).toEqual({
        source: `s3://dumps-bucket/dumps/${dumpSet.version}/icat.nq`,
        format: 'nquads',
        iamRoleArn: 'arn:aws:iam::123456789012:role/loader',
        region: 'eu-west-1',
        failOnError: 'TRUE',
        parallelism: 'MEDIUM',
        updateSingleCardinalityProperties: 'FALSE',
        queueRequest: 'TRUE',
      });
      expect(await readStoreState(new GraphStoreClient(virtuoso.graphStore), layout)).toEqual({
        version: dumpSet.version,
        graphs,
      });
      expect(await new GraphStoreClient(virtuoso.graphStore).get(layout.unionGraph)).toBeDefined();
    } finally {
      await loader.stop();
    }
  });

  it('fails with the loader status and counts when the bulk load fails, and writes no state graph', async () => {
    await clearStore();
    const loader = fakeLoader('LOAD_FAILED');
    const loaderUrl = await loader.start();
    try {
      await expect(
        loadIntoStore(dumpSet, {
          gspUrl: virtuoso.graphStore,
          baseIri: DEFAULT_BASE_IRI,
          loader: 'neptune-bulk',
          bulk: {
            loaderUrl,
            iamRoleArn: 'arn:aws:iam::123456789012:role/loader',
            region: 'eu-west-1',
            dumpsBucket: 'dumps-bucket',
            pollMs: 10,
          },
        }),
      ).rejects.toThrow(
        `Neptune bulk load load-1 of s3://dumps-bucket/dumps/${dumpSet.version}/icat.nq ended LOAD_FAILED (5 parsing errors, 0 insert errors)`,
      );
      expect(await readStoreState(new GraphStoreClient(virtuoso.graphStore), layout)).toBeUndefined();
    } finally {
      await loader.stop();
    }
  });
});
