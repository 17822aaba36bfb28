import { Duration } from 'aws-cdk-lib';
import { FunctionUrlAuthType, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { allowObjects } from './grants.js';
import { IcatFunction, type FunctionNetwork } from './icat-function.js';

export interface SparqlEndpointProps {
  readonly baseIri: string;
  readonly dumpsBucket: IBucket;
  /** SERVICE federation targets; empty forbids federation. */
  readonly serviceAllowList: readonly string[];
  /** @default 10000 */
  readonly queryTimeoutMs?: number;
  /** @default 10000 */
  readonly maxRows?: number;
  /** @default 5 MiB (a Function URL answers at most 6 MB) */
  readonly maxResponseBytes?: number;
  /** @default 60 */
  readonly refreshSeconds?: number;
  /** @default 10 */
  readonly reservedConcurrency?: number;
  /** QUERY_MEMORY_MB: the query worker's heap. @default 1024 */
  readonly queryMemoryMb?: number;
  /** @default 1769 (one vCPU) */
  readonly memorySize?: number;
  readonly logRetention?: RetentionDays;
  /** Run the function inside a VPC (the Neptune option). @default outside any VPC */
  readonly network?: FunctionNetwork;
}

/** The SPARQL function (the HTTP app of `icat-kg serve`) with a Function URL. */
export class SparqlEndpoint extends Construct {
  public readonly sparql: IcatFunction;
  public readonly url: FunctionUrl;
  /** The query timeout, for the CDN's read timeout. */
  public readonly queryTimeoutMs: number;

  constructor(scope: Construct, id: string, props: SparqlEndpointProps) {
    super(scope, id);
    const queryTimeoutMs = props.queryTimeoutMs ?? 10_000;
    this.queryTimeoutMs = queryTimeoutMs;
    this.sparql = new IcatFunction(this, 'Sparql', {
      entry: 'sparql',
      // Measured here: the engine with the 20k-quad store takes about 320 MB; 1769 MB is one full vCPU,
      // which shortens the cold start (reading and parsing the dump, 2.3 s locally) and the queries alike.
      memorySize: props.memorySize ?? 1769,
      // The function timeout is the last resort behind the query timeout.
      timeout: Duration.millis(queryTimeoutMs + 20_000),
      withUi: true,
      withQueryWorker: true,
      reservedConcurrentExecutions: props.reservedConcurrency ?? 10,
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
      ...(props.network ? { network: props.network } : {}),
      environment: {
        DUMPS_BUCKET: props.dumpsBucket.bucketName,
        BASE_IRI: props.baseIri,
        QUERY_TIMEOUT_MS: String(queryTimeoutMs),
        MAX_RESULT_ROWS: String(props.maxRows ?? 10_000),
        MAX_RESPONSE_BYTES: String(props.maxResponseBytes ?? 5 * 1024 * 1024),
        SERVICE_ALLOW_LIST: props.serviceAllowList.join(','),
        REFRESH_SECONDS: String(props.refreshSeconds ?? 60),
        // One query at a time per instance: the worker's heap limit leaves the rest to the main thread.
        QUERY_MEMORY_MB: String(props.queryMemoryMb ?? 1024),
      },
    });
    allowObjects(this.sparql.function, props.dumpsBucket, ['s3:GetObject'], ['latest.json', 'dumps/*']);
    // Public: SPARQL clients POST bodies, which an IAM-signed (origin access control) URL would make them hash.
    this.url = this.sparql.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}
