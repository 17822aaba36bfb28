import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface PublicDumpsProps {
  /** S3 server access logs go to this bucket, under `accessLogsPrefix`. */
  readonly accessLogsBucket: IBucket;
  readonly accessLogsPrefix: string;
  /** Days an overwritten or deleted object's earlier version is kept. @default 30 */
  readonly noncurrentVersionDays?: number;
}

/**
 * The dumps bucket: private, encrypted, TLS only, versioned; the public reads it through CloudFront
 * (origin access control). Versioning keeps an overwritten `latest.json` or a deleted file recoverable
 * for `noncurrentVersionDays` (dump sets themselves are never overwritten: their keys hold their
 * version). Content types and cache headers are those the publish step stores with each object.
 */
export class PublicDumps extends Construct {
  public readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: PublicDumpsProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30) }],
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: props.accessLogsPrefix,
      cors: [
        {
          allowedMethods: [HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
    });
  }
}
