// Lambda entry of the sparql function: its dependencies from the environment.
import { publishConfigFromEnv } from '../config.js';
import { queryLimitsFromEnv } from '../query/query-limits.js';
import { loadUiAssets } from '../server/ui-assets.js';
import { bucketStorage, lambdaEnvironment } from './environment.js';
import { createSparqlHandler } from './sparql-handler.js';
import { storeFetch } from './store-fetch.js';

const env = lambdaEnvironment();
const fetch = storeFetch(env);

export const handler = createSparqlHandler({
  dumps: bucketStorage(env.DUMPS_BUCKET, 'DUMPS_BUCKET', env),
  baseIri: publishConfigFromEnv().baseIri,
  limits: queryLimitsFromEnv(),
  assets: loadUiAssets(),
  refreshSeconds: env.REFRESH_SECONDS,
  // The Neptune option: queries go to the store, signed; the dump set still gives the site and pages.
  ...(env.STORE_SPARQL_URL ? { store: { sparqlUrl: env.STORE_SPARQL_URL, ...(fetch ? { fetch } : {}) } } : {}),
  // Bundled beside index.mjs by the stack (cdk/constructs/icat-function.ts).
  ...(env.QUERY_IN_PROCESS === '1' ? {} : { workerScript: new URL('./query-worker.mjs', import.meta.url) }),
});
