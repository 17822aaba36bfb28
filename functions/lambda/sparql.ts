// Lambda entry of the sparql function: its dependencies from the environment.
import { publishConfigFromEnv } from '../config.js';
import { queryLimitsFromEnv } from '../query/query-limits.js';
import { loadUiAssets } from '../server/ui-assets.js';
import { bucketStorage, lambdaEnvironment } from './environment.js';
import { createSparqlHandler } from './sparql-handler.js';

const env = lambdaEnvironment();

export const handler = createSparqlHandler({
  dumps: bucketStorage(env.DUMPS_BUCKET, 'DUMPS_BUCKET', env),
  baseIri: publishConfigFromEnv().baseIri,
  limits: queryLimitsFromEnv(),
  assets: loadUiAssets(),
  refreshSeconds: env.REFRESH_SECONDS,
  // Bundled beside index.mjs by the stack (cdk/constructs/icat-function.ts).
  ...(env.QUERY_IN_PROCESS === '1' ? {} : { workerScript: new URL('./query-worker.mjs', import.meta.url) }),
});
