import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { allowList, allowObjects } from './grants.js';
import { IcatFunction, type FunctionNetwork } from './icat-function.js';
import { queueWithDeadLetter } from './queue-with-dead-letter.js';

export interface PublishPipelineProps {
  readonly baseIri: string;
  readonly sourcesBucket: IBucket;
  readonly dumpsBucket: IBucket;
  /** Public URL template of the dump files, for the catalog (`{version}` is replaced). */
  readonly dumpsUrl: string;
  /** The public SPARQL endpoint, for the catalog and VoID. */
  readonly sparqlEndpoint?: string;
  readonly license?: string;
  /** @default 3 */
  readonly maxReceiveCount?: number;
  readonly logRetention?: RetentionDays;
  /** Run the function inside a VPC (the Neptune option). @default outside any VPC */
  readonly network?: FunctionNetwork;
}

/**
 * Publish queue (with dead-letter queue) → publish function, one at a time: merges the graphs, validates
 * with SHACL, writes `dumps/{version}/` and switches `latest.json` last.
 */
export class PublishPipeline extends Construct {
  public readonly queue: Queue;
  public readonly deadLetterQueue: Queue;
  public readonly publish: IcatFunction;

  constructor(scope: Construct, id: string, props: PublishPipelineProps) {
    super(scope, id);
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = queueWithDeadLetter(this, {
      visibilityTimeout: Duration.minutes(90),
      maxReceiveCount: props.maxReceiveCount ?? 3,
    }));
    this.publish = new IcatFunction(this, 'Publish', {
      entry: 'publish',
      // Measured here: the build of the 20k-quad graph peaks at about 260 MB; 1769 MB is one full vCPU,
      // for a publish of a few seconds, with room for the graph to grow several times.
      memorySize: 1769,
      timeout: Duration.minutes(15),
      withOntology: true,
      // One publish at a time: the latest switch must not race.
      reservedConcurrentExecutions: 1,
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
      ...(props.network ? { network: props.network } : {}),
      environment: {
        SOURCES_BUCKET: props.sourcesBucket.bucketName,
        DUMPS_BUCKET: props.dumpsBucket.bucketName,
        BASE_IRI: props.baseIri,
        DUMPS_URL: props.dumpsUrl,
        ...(props.sparqlEndpoint ? { SPARQL_ENDPOINT_URL: props.sparqlEndpoint } : {}),
        ...(props.license ? { DATASET_LICENSE: props.license } : {}),
      },
    });
    this.publish.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(30),
        reportBatchItemFailures: true,
      }),
    );
    allowObjects(this.publish.function, props.sourcesBucket, ['s3:GetObject'], ['graphs/*']);
    allowList(this.publish.function, props.sourcesBucket, ['graphs/']);
    allowObjects(this.publish.function, props.dumpsBucket, ['s3:PutObject'], ['dumps/*', 'latest.json', 'reports/*']);
    // The manifest of the version being written: read to know whether it was published before (listing
    // makes a missing key a 404 rather than a 403), removed again if the switch to it fails.
    allowObjects(this.publish.function, props.dumpsBucket, ['s3:GetObject', 's3:DeleteObject'], ['dumps/*']);
    allowList(this.publish.function, props.dumpsBucket, ['dumps/']);
  }
}
