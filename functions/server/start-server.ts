import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../http/app.js';
import type { Site } from '../http/site.js';
import type { QueryLimits } from '../query/query-limits.js';
import { WorkerPoolExecutor } from '../query/worker-pool-executor.js';
import type { JsonLdContext } from '../publish/serialize.js';
import { prefixesFor } from '../publish/serialize.js';
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
}

export interface RunningServer {
  readonly url: string;
  readonly site: Site;
  close(): Promise<void>;
}

/** Starts the Node server: loads the dump set, warms the query workers, then listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const site = options.from ? siteFromDumpDir(options.from) : siteFromNQuadsFile(options.quads!);
  const nquadsPath = options.from ? join(options.from, 'icat.nq') : options.quads!;
  const contextFile = site.file('context.jsonld');
  const jsonLdContext = contextFile
    ? (JSON.parse(contextFile.content.toString('utf8')) as { '@context': JsonLdContext })['@context']
    : undefined;
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
  await executor.ready();
  const app = createApp({ executor, site, limits: options.limits, baseIri: options.baseIri, assets: loadUiAssets() });
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' },
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
