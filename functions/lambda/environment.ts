import { z } from 'zod';
import { S3Storage } from '../storage/s3-storage.js';

/** The environment the CDK stack gives the functions, validated once at init. */
const environmentSchema = z.object({
  SOURCES_BUCKET: z.string().min(1).optional(),
  DUMPS_BUCKET: z.string().min(1).optional(),
  PUBLISH_QUEUE_URL: z.url().optional(),
  /** A custom S3 endpoint (an S3-compatible server); AWS when absent. */
  S3_ENDPOINT: z.url().optional(),
  REFRESH_SECONDS: z.coerce.number().int().nonnegative().default(60),
  /** 1: run queries on the main thread (no worker); faster cold start, but a runaway query is not stopped. */
  QUERY_IN_PROCESS: z.enum(['0', '1']).default('0'),
  /** The SPARQL store the sparql function queries and publish loads (the Neptune option); in memory when absent. */
  STORE_SPARQL_URL: z.url().optional(),
  STORE_GSP_URL: z.url().optional(),
  STORE_LOADER: z.enum(['gsp', 'neptune-bulk']).default('gsp'),
  STORE_LOADER_URL: z.url().optional(),
  STORE_LOADER_ROLE_ARN: z.string().min(1).optional(),
  /** sigv4: sign store requests for Neptune IAM database authentication (the function role's credentials). */
  STORE_SIGNING: z.enum(['none', 'sigv4']).default('none'),
  AWS_REGION: z.string().min(1).optional(),
});

export type LambdaEnvironment = z.infer<typeof environmentSchema>;

export function lambdaEnvironment(env: NodeJS.ProcessEnv = process.env): LambdaEnvironment {
  return environmentSchema.parse(env);
}

export function bucketStorage(bucket: string | undefined, name: string, env: LambdaEnvironment): S3Storage {
  if (!bucket) throw new Error(`${name} is not set`);
  return new S3Storage({ bucket, ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}) });
}
