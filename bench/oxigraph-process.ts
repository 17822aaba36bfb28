import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../functions/package-paths.js';

/** A SPARQL endpoint the benchmark asks: ours (a ServerProcess) or the Oxigraph baseline. */
export interface Endpoint {
  readonly url: string;
}

/** Starts bench/oxigraph-server.mjs over an N-Quads file on a free loopback port. */
export async function startOxigraph(nquads: string): Promise<Endpoint & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(packageRoot(), 'bench', 'oxigraph-server.mjs'), '--quads', nquads], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^oxigraph at (http:\/\/[^/\s]+)\//m.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`oxigraph-server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
