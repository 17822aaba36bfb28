import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { allowList, allowObjects } from './grants.js';
import { IcatFunction } from './icat-function.js';
import { queueWithDeadLetter } from './queue-with-dead-letter.js';

export interface SourcesPipelineProps {
  readonly baseIri: string;
  /** Receives before a notification goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
  readonly logRetention?: RetentionDays;
  /** S3 server access logs go to this bucket, under `accessLogsPrefix`. */
  readonly accessLogsBucket: IBucket;
  readonly accessLogsPrefix: string;
}

/**
 * Sources bucket → S3 notifications → queue (with dead-letter queue) → convert function, which writes
 * each record file's named graph and asks for a publish.
 */
export class SourcesPipeline extends Construct {
  public readonly bucket: Bucket;
  public readonly queue: Queue;
  public readonly deadLetterQueue: Queue;
  public readonly convert: IcatFunction;

  constructor(scope: Construct, id: string, props: SourcesPipelineProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: props.accessLogsPrefix,
    });
    const timeout = Duration.minutes(5);
    // Six times the function timeout, as Lambda advises for SQS sources with batching windows.
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = queueWithDeadLetter(this, {
      visibilityTimeout: Duration.minutes(30),
      maxReceiveCount: props.maxReceiveCount ?? 5,
    }));
    for (const event of [EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED]) {
      this.bucket.addEventNotification(event, new SqsDestination(this.queue), { prefix: 'records/' });
    }
    this.convert = new IcatFunction(this, 'Convert', {
      entry: 'convert',
      memorySize: 1024,
      timeout,
      withOntology: true,
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
      environment: {
        SOURCES_BUCKET: this.bucket.bucketName,
        BASE_IRI: props.baseIri,
      },
    });
    this.convert.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(20),
        reportBatchItemFailures: true,
      }),
    );
    allowObjects(this.convert.function, this.bucket, ['s3:GetObject'], ['records/*', 'graphs/*', 'quarantine/*']);
    allowObjects(this.convert.function, this.bucket, ['s3:PutObject', 's3:DeleteObject'], ['graphs/*', 'quarantine/*']);
    allowList(this.convert.function, this.bucket, ['records/', 'graphs/', 'quarantine/']);
  }

  /** The convert function asks for a publish on this queue whenever a graph changed. */
  sendPublishRequestsTo(queue: IQueue): void {
    this.convert.function.addEnvironment('PUBLISH_QUEUE_URL', queue.queueUrl);
    queue.grantSendMessages(this.convert.function);
  }
}
