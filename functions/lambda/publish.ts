// Lambda entry of the publish function: its dependencies from the environment.
import { publishConfigFromEnv } from '../config.js';
import { bucketStorage, lambdaEnvironment } from './environment.js';
import { createPublishHandler } from './publish-handler.js';
import { storeFetch } from './store-fetch.js';
import { loadIntoStore } from './store-load.js';

const env = lambdaEnvironment();
const config = publishConfigFromEnv();
const fetch = storeFetch(env);
const gspUrl = env.STORE_GSP_URL;

export const handler = createPublishHandler({
  sources: bucketStorage(env.SOURCES_BUCKET, 'SOURCES_BUCKET', env),
  dumps: bucketStorage(env.DUMPS_BUCKET, 'DUMPS_BUCKET', env),
  config,
  ...(gspUrl
    ? {
        loadStore: (dumpSet) =>
          loadIntoStore(dumpSet, {
            gspUrl,
            baseIri: config.baseIri,
            loader: env.STORE_LOADER,
            ...(fetch ? { fetch } : {}),
            ...(env.STORE_LOADER_URL && env.STORE_LOADER_ROLE_ARN && env.DUMPS_BUCKET && env.AWS_REGION
              ? {
                  bulk: {
                    loaderUrl: env.STORE_LOADER_URL,
                    iamRoleArn: env.STORE_LOADER_ROLE_ARN,
                    region: env.AWS_REGION,
                    dumpsBucket: env.DUMPS_BUCKET,
                  },
                }
              : {}),
          }),
      }
    : {}),
});
