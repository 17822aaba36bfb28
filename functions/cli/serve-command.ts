import { publishConfigFromEnv } from '../config.js';
import { queryLimitsFromEnv } from '../query/query-limits.js';
import { startServer } from '../server/start-server.js';
import type { CliIo } from './io.js';

export interface ServeOptions {
  readonly port: string;
  readonly host: string;
  readonly from?: string;
  readonly quads?: string;
  readonly workers: string;
  readonly log?: boolean;
  readonly store?: string;
}

/** `icat-kg serve`: the endpoint, UI, IRIs and dumps over a dump set folder or any N-Quads file. */
export async function serveCommand(options: ServeOptions, io: CliIo): Promise<number> {
  if (!options.from && !options.quads && !options.store) {
    io.err('icat-kg serve needs --from DIR (a dump set), --quads FILE.nq or --store SPARQL_URL');
    return 1;
  }
  const started = performance.now();
  const server = await startServer({
    port: Number(options.port),
    host: options.host,
    ...(options.from ? { from: options.from } : options.quads ? { quads: options.quads } : {}),
    ...(options.store ? { store: options.store } : {}),
    baseIri: publishConfigFromEnv().baseIri,
    limits: queryLimitsFromEnv(),
    workers: Number(options.workers),
    ...(options.log ? { accessLog: (line: string) => io.out(line) } : {}),
  });
  io.out(
    `ICAT Knowledge Graph ${server.site.version} at ${server.url}/ (SPARQL at ${server.url}/sparql), ready in ${Math.round(performance.now() - started)} ms`,
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => undefined);
  return 0;
}
