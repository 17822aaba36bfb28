import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishConfigFromEnv } from '../config.js';
import { GraphStoreClient, StoreError } from '../store/graph-store-client.js';
import { loadDumpSet, storeLayout } from '../store/load-dump-set.js';
import type { CliIo } from './io.js';

export interface LoadOptions {
  /** The store's Graph Store Protocol URL. */
  readonly into: string;
  readonly concurrency: string;
}

/** `icat-kg load DIR --into URL`: makes a SPARQL store hold exactly the dump set of DIR. */
export async function loadCommand(dir: string, options: LoadOptions, io: CliIo): Promise<number> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath) || !existsSync(join(dir, 'icat.nq'))) {
    io.err(`${dir} is not a dump set: it needs manifest.json and icat.nq (build one with icat-kg build --out ${dir})`);
    return 1;
  }
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  const started = performance.now();
  try {
    const report = await loadDumpSet(
      readFileSync(join(dir, 'icat.nq'), 'utf8'),
      version,
      new GraphStoreClient(options.into),
      storeLayout(publishConfigFromEnv().baseIri),
      Number(options.concurrency),
    );
    io.out(
      `Loaded dump set ${report.version} into ${options.into}: ${report.graphs} named graphs, ${report.quads} quads, ` +
        `${report.unionTriples} triples in the union graph, in ${Math.round(performance.now() - started)} ms`,
    );
    if (report.previousVersion) io.out(`  replaced version ${report.previousVersion}`);
    for (const graph of report.removed) io.out(`  removed <${graph}> (no longer in the dump set)`);
    return 0;
  } catch (error) {
    if (error instanceof StoreError) {
      io.err(`icat-kg load: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
