import { z } from 'zod';

/** Limits and policies of the SPARQL endpoint, all configurable (environment or CLI). */
export const queryLimitsSchema = z.object({
  /** QUERY_TIMEOUT_MS: a query running longer is stopped and answered with 503. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** MAX_RESULT_ROWS: bindings or triples returned at most; more are cut and the cut is signalled. */
  maxRows: z.number().int().positive().default(10_000),
  /** MAX_RESPONSE_BYTES: response body size at most; a larger result is cut at a row boundary. */
  maxResponseBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** MAX_QUERY_LENGTH: characters of a query at most. */
  maxQueryLength: z
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** MAX_BODY_BYTES: bytes of a POST body at most. */
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** QUERY_QUEUE_MAX: queries waiting for a worker at most; past it a query is answered 503 with Retry-After. */
  queueMax: z.number().int().nonnegative().default(64),
  /** QUERY_CLIENT_MAX: queries one client may have waiting or running at once; past it, 429 with Retry-After. */
  clientMax: z.number().int().positive().default(8),
  /** QUERY_MEMORY_MB: old-generation heap of one query worker; a query past it is answered 503 and its worker replaced. */
  memoryMb: z.number().int().min(64).default(768),
  /**
   * QUERY_SHAPE_COOLDOWN_S: seconds for which queries of a shape stopped at a limit twice in a row are
   * refused with 503 (strings aside, the same text: see ShapeBreaker); 0 never refuses.
   */
  shapeCooldownSeconds: z.number().int().nonnegative().default(60),
  /** QUERY_SPARE_WORKERS: loaded workers kept idle to replace a stopped one at once. */
  spareWorkers: z.number().int().nonnegative().default(1),
  /**
   * TRUSTED_PROXY_HOPS: proxies in front of the server that append to X-Forwarded-For (1 behind CloudFront).
   * The client is the address the outermost trusted proxy saw; 0 means the socket address.
   */
  trustedProxyHops: z.number().int().nonnegative().default(0),
  /** SERVICE_ALLOW_LIST: the only endpoints SERVICE may call (exact URLs); empty forbids federation. */
  serviceAllowList: z.array(z.url({ protocol: /^https?$/ })).default([]),
});

export type QueryLimits = z.infer<typeof queryLimitsSchema>;
export type QueryLimitsInput = z.input<typeof queryLimitsSchema>;

export function queryLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const int = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return queryLimitsSchema.parse({
    timeoutMs: int('QUERY_TIMEOUT_MS'),
    maxRows: int('MAX_RESULT_ROWS'),
    maxResponseBytes: int('MAX_RESPONSE_BYTES'),
    maxQueryLength: int('MAX_QUERY_LENGTH'),
    maxBodyBytes: int('MAX_BODY_BYTES'),
    queueMax: int('QUERY_QUEUE_MAX'),
    clientMax: int('QUERY_CLIENT_MAX'),
    memoryMb: int('QUERY_MEMORY_MB'),
    shapeCooldownSeconds: int('QUERY_SHAPE_COOLDOWN_S'),
    spareWorkers: int('QUERY_SPARE_WORKERS'),
    trustedProxyHops: int('TRUSTED_PROXY_HOPS'),
    serviceAllowList: env.SERVICE_ALLOW_LIST
      ? env.SERVICE_ALLOW_LIST.split(/[\s,]+/).filter((u) => u.length > 0)
      : undefined,
  });
}
