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
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IFunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface PublicDistributionProps {
  readonly dumpsBucket: IBucket;
  readonly sparqlUrl: IFunctionUrl;
  /** Seconds CloudFront waits for the function: a little more than the query timeout. */
  readonly readTimeoutSeconds: number;
}

/**
 * One CloudFront distribution for everything public: the HTTP app (SPARQL, UI, IRIs, catalog, VoID) from
 * the function, and the dumps from the bucket — `dumps/{version}/...` immutable for a year,
 * `latest.json` for a minute — with CORS on every answer.
 */
export class PublicDistribution extends Construct {
  public readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: PublicDistributionProps) {
    super(scope, id);
    const cors = ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS;
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
    });
  }
}
