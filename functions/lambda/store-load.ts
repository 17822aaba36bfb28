import { NeptuneBulkLoader } from '../aws/neptune-bulk-loader.js';
import { versionPrefix } from '../pipeline/layout.js';
import type { DumpSet } from '../publish/dump-set.js';
import { GraphStoreClient } from '../store/graph-store-client.js';
import { loadDumpSet, readStoreState, storeLayout } from '../store/load-dump-set.js';

export interface StoreLoadConfig {
  /** The store's Graph Store Protocol endpoint (Neptune: `https://{cluster}:8182/sparql/gsp/`). */
  readonly gspUrl: string;
  readonly baseIri: string;
  /** `gsp`: PUT per graph. `neptune-bulk`: the first load through Neptune's bulk loader, later ones by GSP. */
  readonly loader: 'gsp' | 'neptune-bulk';
  /** Neptune's `https://{cluster}:8182/loader`, its role for reading the bucket, the region, the bucket. */
  readonly bulk?: { loaderUrl: string; iamRoleArn: string; region: string; dumpsBucket: string; pollMs?: number };
  /** The signing fetch for IAM database authentication, or any fetch. */
  readonly fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

/**
 * Loads a just-published dump set into the SPARQL store. The bulk loader only adds quads (it cannot
 * replace a graph), so it serves the first load into an empty store, the big one; every later version
 * goes by GSP, which replaces each graph and removes those no longer published. Either way the union and
 * state graphs are written by GSP last.
 */
export async function loadIntoStore(dumpSet: DumpSet, config: StoreLoadConfig): Promise<Record<string, unknown>> {
  const nquads = dumpSet.files.find((f) => f.path === 'icat.nq');
  if (!nquads) throw new Error(`dump set ${dumpSet.version} has no icat.nq to load`);
  const client = new GraphStoreClient(config.gspUrl, config.fetch);
  const layout = storeLayout(config.baseIri);
  const text = nquads.content.toString('utf8');
  if (config.loader === 'neptune-bulk') {
    if (!config.bulk) throw new Error('STORE_LOADER=neptune-bulk needs STORE_LOADER_URL and STORE_LOADER_ROLE_ARN');
    const previous = await readStoreState(client, layout);
    if (!previous) {
      const loader = new NeptuneBulkLoader({
        loaderUrl: config.bulk.loaderUrl,
        ...(config.fetch ? { fetch: config.fetch } : {}),
        ...(config.bulk.pollMs === undefined ? {} : { pollMs: config.bulk.pollMs }),
      });
      const bulk = await loader.load({
        source: `s3://${config.bulk.dumpsBucket}/${versionPrefix(dumpSet.version)}icat.nq`,
        iamRoleArn: config.bulk.iamRoleArn,
        region: config.bulk.region,
      });
      const report = await loadDumpSet(text, dumpSet.version, client, layout, 4, true);
      return { loader: 'neptune-bulk', loadId: bulk.loadId, ...report };
    }
  }
  return { loader: 'gsp', ...(await loadDumpSet(text, dumpSet.version, client, layout)) };
}
