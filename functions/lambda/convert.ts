// Lambda entry of the convert function: its dependencies from the environment.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { publishConfigFromEnv } from '../config.js';
import { createConvertHandler } from './convert-handler.js';
import { bucketStorage, lambdaEnvironment } from './environment.js';

const env = lambdaEnvironment();
const sqs = new SQSClient({});

export const handler = createConvertHandler({
  sources: bucketStorage(env.SOURCES_BUCKET, 'SOURCES_BUCKET', env),
  baseIri: publishConfigFromEnv().baseIri,
  requestPublish: async (outcome) => {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: env.PUBLISH_QUEUE_URL,
        MessageBody: JSON.stringify({ converted: outcome.converted.length, removed: outcome.removed.length }),
      }),
    );
  },
});
