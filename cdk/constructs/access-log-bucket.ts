import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AccessLogBucketProps {
  /** Days a log object is kept. @default 90 */
  readonly retentionDays?: number;
}

/** Where each writer puts its logs in the log bucket. */
export const LOG_PREFIXES = {
  sources: 's3/sources/',
  dumps: 's3/dumps/',
  cloudfront: 'cloudfront/',
} as const;

/**
 * The log bucket: S3 server access logs of the sources and dumps buckets and CloudFront standard logs,
 * under their own prefixes, expired after `retentionDays`. Private, encrypted (SSE-S3: CloudFront's log
 * delivery cannot write to a KMS-encrypted bucket without a key policy), TLS only. CloudFront standard
 * logging writes through bucket ACLs, so ACLs stay enabled (object writer ownership) on this bucket
 * only; public access stays blocked. S3 log delivery is granted by bucket policy (the stack sets the
 * feature flag for it).
 */
export class AccessLogBucket extends Construct {
  public readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: AccessLogBucketProps = {}) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(props.retentionDays ?? 90) }],
    });
  }
}
