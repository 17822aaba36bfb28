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
});
