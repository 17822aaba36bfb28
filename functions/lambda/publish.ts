// Lambda entry of the publish function: its dependencies from the environment.
import { publishConfigFromEnv } from '../config.js';
import { bucketStorage, lambdaEnvironment } from './environment.js';
import { createPublishHandler } from './publish-handler.js';

const env = lambdaEnvironment();

export const handler = createPublishHandler({
  sources: bucketStorage(env.SOURCES_BUCKET, 'SOURCES_BUCKET', env),
  dumps: bucketStorage(env.DUMPS_BUCKET, 'DUMPS_BUCKET', env),
  config: publishConfigFromEnv(),
});
