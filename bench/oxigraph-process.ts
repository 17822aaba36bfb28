import { join } from 'node:path';
import { packageRoot } from '../functions/package-paths.js';
import { startNodeProcess, type ServerProcess } from '../test/http/server-process.js';

/** A SPARQL endpoint the benchmark asks: ours (a ServerProcess) or the Oxigraph baseline. */
export interface Endpoint {
  readonly url: string;
}

/** Starts bench/oxigraph-server.mjs over an N-Quads file on a free loopback port. */
export function startOxigraph(nquads: string): Promise<ServerProcess> {
  return startNodeProcess(
    'oxigraph-server',
    [join(packageRoot(), 'bench', 'oxigraph-server.mjs'), '--quads', nquads],
    /^oxigraph at (http:\/\/[^/\s]+)\//m,
  );
}
