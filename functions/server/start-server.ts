import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../http/app.js';
import { siteFromFiles, type Site } from '../http/site.js';
import type { QueryExecutor } from '../query/query-executor.js';
import { storeLayout } from '../store/load-dump-set.js';
import { queryStoreState, RemoteStoreExecutor } from '../store/remote-store-executor.js';
import type { QueryLimits } from '../query/query-limits.js';
import { WorkerPoolExecutor } from '../query/worker-pool-executor.js';
import type { JsonLdContext } from '../publish/serialize.js';
import { prefixesFor } from '../publish/serialize.js';
import { withAccessLog } from './access-log.js';
import { siteFromDumpDir, siteFromNQuadsFile } from './load-site.js';
import { refuseConnect } from './refuse-connect.js';
import { loadUiAssets } from './ui-assets.js';

export interface ServerOptions {
  readonly port: number;
  readonly host?: string;
  /** A dump set folder, or else an N-Quads file. */
  readonly from?: string;
  readonly quads?: string;
  readonly baseIri: string;
  readonly limits: QueryLimits;
  readonly workers: number;
  /** Called with one Combined Log Format line per answered request; no access log without it. */
  readonly accessLog?: (line: string) => void;
  /** A SPARQL store filled by `icat-kg load`: queries go there instead of to in-memory workers. */
  readonly store?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly site: Site;
  close(): Promise<void>;
}

/** Starts the Node server: loads the dump set, warms the query workers, then listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (options.store) return startStoreServer(options, options.store);
  const nquadsPath = options.from ? join(options.from, 'icat.nq') : options.quads!;
  const contextPath = options.from ? join(options.from, 'context.jsonld') : undefined;
  const jsonLdContext =
    contextPath && existsSync(contextPath) ? contextOf(readFileSync(contextPath, 'utf8')) : undefined;
  // The workers first: they load while this process reads the rest of the dump set.
  const executor = new WorkerPoolExecutor(
    {
      nquadsPath,
      options: {
        limits: options.limits,
        baseIri: options.baseIri,
        prefixes: prefixesFor(options.baseIri),
        ...(jsonLdContext ? { jsonLdContext } : {}),
      },
    },
    options.workers,
  );
  try {
    const site = options.from ? siteFromDumpDir(options.from) : siteFromNQuadsFile(options.quads!);
    await executor.ready();
    return await listen(options, site, executor);
  } catch (error) {
    await executor.close();
    throw error;
  }
}

/** The same endpoint over a remote store; the dump set folder, when given, must be the version it holds. */
async function startStoreServer(options: ServerOptions, store: string): Promise<RunningServer> {
  const layout = storeLayout(options.baseIri);
  const state = await queryStoreState(store, layout);
  const site = options.from ? siteFromDumpDir(options.from) : siteFromFiles(state.version, new Map());
  if (site.version !== state.version)
    throw new Error(
      `The store at ${store} holds dump set ${state.version}, but ${options.from} is ${site.version}: load it first (icat-kg load ${options.from} --into GRAPH_STORE_URL)`,
    );
  const contextFile = site.file('context.jsonld');
  const executor = new RemoteStoreExecutor(store, state, layout, {
    limits: options.limits,
    baseIri: options.baseIri,
    prefixes: prefixesFor(options.baseIri),
    ...(contextFile ? { jsonLdContext: contextOf(contextFile.content.toString('utf8')) } : {}),
  });
  return listen(options, site, executor);
}

/** The JSON-LD context of a dump set's context.jsonld, to compact CONSTRUCT and DESCRIBE answers with. */
function contextOf(text: string): JsonLdContext {
  return (JSON.parse(text) as { '@context': JsonLdContext })['@context'];
}

function listen(options: ServerOptions, site: Site, executor: QueryExecutor): Promise<RunningServer> {
  const app = createApp({
    executor,
    site,
    limits: options.limits,
    baseIri: options.baseIri,
    assets: loadUiAssets(),
    socketAddress: (c) => getConnInfo(c).remote.address,
  });
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: options.accessLog
          ? withAccessLog((request, env) => app.fetch(request, env), options.accessLog)
          : app.fetch,
        port: options.port,
        hostname: options.host ?? '127.0.0.1',
      },
      (info: AddressInfo) => {
        resolve({
          url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`,
          site,
          close: async () => {
            await new Promise<void>((done) => server.close(() => done()));
            await executor.close();
          },
        });
      },
    );
    server.on('connect', refuseConnect);
  });
}
