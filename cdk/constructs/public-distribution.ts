import { Duration } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type IResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface PublicDistributionProps {
  readonly dumpsBucket: IBucket;
  readonly sparqlUrl: IFunctionUrl;
  /** Seconds CloudFront waits for the function: a little more than the query timeout. */
  readonly readTimeoutSeconds: number;
  /** CORS and security headers on every answer. */
  readonly responseHeadersPolicy: IResponseHeadersPolicy;
  /** Standard logging goes here (a bucket with ACLs enabled, as CloudFront's log delivery needs). */
  readonly logBucket: IBucket;
  /** @default `cloudfront/` */
  readonly logPrefix?: string;
  /** An AWS WAF web ACL (CLOUDFRONT scope, in us-east-1) by ARN. @default none */
  readonly webAclArn?: string;
  /**
   * Serve under a domain of your own with its ACM certificate (which CloudFront requires in
   * us-east-1); viewers then need TLS 1.2 or later. @default the distribution's `*.cloudfront.net` name,
   * where CloudFront accepts TLS 1.0 and no other policy can be set
   */
  readonly customDomain?: CustomDomain;
}

export interface CustomDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

/**
 * One CloudFront distribution for everything public: the HTTP app (SPARQL, UI, IRIs, catalog, VoID) from
 * the function, and the dumps from the bucket — `dumps/{version}/...` immutable for a year,
 * `latest.json` for a minute — with CORS and security headers on every answer, standard logs to the log
 * bucket, and optionally a WAF web ACL and a domain of your own with TLS 1.2 at least.
 */
export class PublicDistribution extends Construct {
  public readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PublicDistributionProps) {
    super(scope, id);
    const cors = props.responseHeadersPolicy;
    const app: BehaviorOptions = {
      origin: new FunctionUrlOrigin(props.sparqlUrl, { readTimeout: Duration.seconds(props.readTimeoutSeconds) }),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: new CachePolicy(this, 'AppCachePolicy', {
        comment: 'The HTTP app: by query string and Accept (it answers with Vary: Accept and its own max-age)',
        defaultTtl: Duration.seconds(0),
        maxTtl: Duration.days(1),
        minTtl: Duration.seconds(0),
        headerBehavior: CacheHeaderBehavior.allowList('Accept'),
        queryStringBehavior: CacheQueryStringBehavior.all(),
        cookieBehavior: CacheCookieBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      }),
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: cors,
    };
    const dumps: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(props.dumpsBucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: cors,
      compress: true,
    };
    const latest: BehaviorOptions = {
      ...dumps,
      cachePolicy: new CachePolicy(this, 'LatestCachePolicy', {
        comment: 'latest.json: short-lived',
        defaultTtl: Duration.seconds(60),
        maxTtl: Duration.seconds(60),
        minTtl: Duration.seconds(0),
        headerBehavior: CacheHeaderBehavior.none(),
        queryStringBehavior: CacheQueryStringBehavior.none(),
        cookieBehavior: CacheCookieBehavior.none(),
      }),
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'ICAT Knowledge Graph: SPARQL endpoint, linked data and dumps',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: app,
      additionalBehaviors: { '/dumps/*': dumps, '/latest.json': latest },
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: props.logPrefix ?? 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
  }
}
