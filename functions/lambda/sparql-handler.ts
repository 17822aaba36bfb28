import type { Context, LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { getConnInfo, handle } from 'hono/aws-lambda';
import { createApp, type UiAssets } from '../http/app.js';
import { loadPublished, readLatest } from '../pipeline/load-published.js';
import { InProcessExecutor } from '../query/in-process-executor.js';
import { storeFromNQuads } from '../query/load-store.js';
import type { QueryExecutor } from '../query/query-executor.js';
import type { QueryLimits } from '../query/query-limits.js';
import type { QueryRunnerOptions } from '../query/query-runner.js';
import { guardAgainstStrayErrors } from '../query/stray-errors.js';
import { WorkerPoolExecutor } from '../query/worker-pool-executor.js';
import { prefixesFor, type JsonLdContext } from '../publish/serialize.js';
import type { Storage } from '../storage/storage.js';
import { queryStoreState, RemoteStoreExecutor } from '../store/remote-store-executor.js';
import { storeLayout } from '../store/load-dump-set.js';

export interface SparqlHandlerDeps {
  readonly dumps: Storage;
  readonly baseIri: string;
  readonly limits: QueryLimits;
  readonly assets: UiAssets;
  /** Re-read `latest.json` at most this often; a new version is loaded and swapped in atomically. */
  readonly refreshSeconds: number;
  readonly now?: () => number;
  readonly log?: (entry: Record<string, unknown>) => void;
  /**
   * The query worker script (the bundle ships it beside index.mjs). Queries run in one worker process, so
   * a query past its time or memory limit is really stopped (the process is killed) and no stray error
   * of a query can reach the Lambda runtime, which ends the process on any unhandled rejection. Without
   * it queries run in process: tests, and deployments that accept those risks for a faster cold start.
   */
  readonly workerScript?: URL;
  /**
   * Evaluate queries on this SPARQL store (which publish loads) instead of in memory; `fetch` signs the
   * requests (Neptune IAM auth). @default in memory
   */
  readonly store?: { readonly sparqlUrl: string; readonly fetch?: typeof globalThis.fetch };
}

type FunctionUrlHandler = (event: LambdaFunctionURLEvent, context: Context) => Promise<LambdaFunctionURLResult>;

interface Loaded {
  readonly version: string;
  readonly handler: FunctionUrlHandler;
  readonly executor: QueryExecutor;
}

// Text formats stay text in the Function URL response; only real binaries are base64-encoded.
const BINARY = /^(application\/(gzip|octet-stream|zip)|image\/)/;

/**
 * The sparql function: a Function URL event → the same HTTP app as `icat-kg serve`, over the latest dump
 * set, loaded at init and swapped when `latest.json` names another version. Lambda gives an instance one
 * request at a time, so one query worker (and no spare) is enough.
 */
export function createSparqlHandler(deps: SparqlHandlerDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((entry) => console.log(JSON.stringify(entry)));
  let current: Promise<Loaded> | undefined;
  let checkedAt = 0;

  const load = async (): Promise<Loaded> => {
    const pointer = await readLatest(deps.dumps);
    if (!pointer) throw new Error('nothing is published yet: latest.json is missing');
    const published = await loadPublished(deps.dumps, pointer);
    const contextFile = published.site.file('context.jsonld');
    const jsonLdContext = contextFile
      ? (JSON.parse(contextFile.content.toString('utf8')) as { '@context': JsonLdContext })['@context']
      : undefined;
    const options: Omit<QueryRunnerOptions, 'fetch'> = {
      limits: deps.limits,
      baseIri: deps.baseIri,
      prefixes: prefixesFor(deps.baseIri),
      ...(jsonLdContext ? { jsonLdContext } : {}),
    };
    const executor = deps.store
      ? await remoteExecutor(deps.store, options, pointer.version, log)
      : await startExecutor(published.nquads, options, deps.workerScript);
    const app = createApp({
      executor,
      site: published.site,
      limits: deps.limits,
      baseIri: deps.baseIri,
      assets: deps.assets,
      socketAddress: (c) => getConnInfo(c).remote.address,
    });
    return {
      version: pointer.version,
      executor,
      handler: handle(app, { isContentTypeBinary: (type) => BINARY.test(type) }) as unknown as FunctionUrlHandler,
    };
  };

  const state = async (): Promise<Loaded> => {
    if (!current) {
      checkedAt = now();
      current = load();
      current.catch(() => (current = undefined));
      return current;
    }
    if (now() - checkedAt >= deps.refreshSeconds * 1000) {
      checkedAt = now();
      const [loaded, latest] = await Promise.all([current, readLatest(deps.dumps).catch(() => undefined)]);
      if (latest && latest.version !== loaded.version) {
        // The old version keeps answering until the new one is ready; then one assignment swaps them.
        // A version that cannot be loaded (a file missing or unreadable) leaves the old one answering.
        const next = load();
        try {
          await next;
          current = next;
          void loaded.executor.close();
        } catch (error) {
          log({ event: 'refresh-failed', version: latest.version, message: (error as Error).message });
        }
      }
    }
    return current;
  };

  return async (event: LambdaFunctionURLEvent, context: Context): Promise<LambdaFunctionURLResult> => {
    const loaded = await state();
    return loaded.handler(event, context);
  };
}

async function remoteExecutor(
  store: NonNullable<SparqlHandlerDeps['store']>,
  options: Omit<QueryRunnerOptions, 'fetch'>,
  published: string,
  log: (entry: Record<string, unknown>) => void,
): Promise<QueryExecutor> {
  const layout = storeLayout(options.baseIri);
  const state = await queryStoreState(store.sparqlUrl, layout, store.fetch);
  // A store load that failed leaves the store one version behind: it answers, and the log says so.
  if (state.version !== published) log({ event: 'store-behind', store: state.version, published });
  return new RemoteStoreExecutor(store.sparqlUrl, state, layout, {
    ...options,
    ...(store.fetch ? { fetch: store.fetch } : {}),
  });
}

async function startExecutor(
  nquads: string,
  options: Omit<QueryRunnerOptions, 'fetch'>,
  workerScript: URL | undefined,
): Promise<QueryExecutor> {
  if (!workerScript) {
    guardStrayErrorsOnce();
    return new InProcessExecutor(storeFromNQuads(nquads), options);
  }
  const limits = { ...options.limits, spareWorkers: 0 };
  const pool = new WorkerPoolExecutor({ nquads, options: { ...options, limits } }, 1, workerScript);
  await pool.ready();
  return pool;
}

let guarded = false;
/** In process, a query's stray rejections would otherwise end the process (Node's default). */
function guardStrayErrorsOnce(): void {
  if (guarded) return;
  guarded = true;
  guardAgainstStrayErrors('sparql handler');
}
