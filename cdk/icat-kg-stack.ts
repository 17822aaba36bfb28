import { CfnOutput, Stack, Token, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { AccessLogBucket, LOG_PREFIXES } from './constructs/access-log-bucket.js';
import { DeadLetterAlarms } from './constructs/dead-letter-alarms.js';
import { NeptuneStore, NEPTUNE_ACTIONS } from './constructs/neptune-store.js';
import { PublicDistribution, type CustomDomain } from './constructs/public-distribution.js';
import { PublicDumps } from './constructs/public-dumps.js';
import { PublishPipeline } from './constructs/publish-pipeline.js';
import { SourcesPipeline } from './constructs/sources-pipeline.js';
import { RateLimitWebAcl, type RateLimitWebAclProps } from './constructs/rate-limit-web-acl.js';
import { SecurityHeaders } from './constructs/security-headers.js';
import { SparqlEndpoint } from './constructs/sparql-endpoint.js';
import { acknowledgeNagFindings } from './nag-acknowledgments.js';

export interface IcatKgStackProps extends StackProps {
  /** The base of every minted IRI; the deployment's public URL makes them dereferenceable. @default https://w3id.org/icat-kg/ */
  readonly baseIri?: string;
  /** Where the dump files are publicly downloadable (`{version}` replaced). @default `{baseIri}dumps/{version}/` */
  readonly dumpsUrl?: string;
  /** The public SPARQL endpoint URL for the catalog. @default `{baseIri}sparql` */
  readonly sparqlEndpoint?: string;
  /** SERVICE federation targets. @default none */
  readonly serviceAllowList?: readonly string[];
  readonly queryTimeoutMs?: number;
  readonly maxRows?: number;
  readonly maxResponseBytes?: number;
  readonly sparqlReservedConcurrency?: number;
  /** The licence IRI the deployment publishes the graph under. @default none (the source states none) */
  readonly license?: string;
  readonly alarmEmail?: string;
  /** @default one month */
  readonly logRetention?: RetentionDays;
  /**
   * Create an AWS WAF web ACL with per-address rate limits in front of the distribution. A CLOUDFRONT
   * web ACL exists only in us-east-1, so the stack must be deployed there (`env.region`); elsewhere,
   * create the ACL in us-east-1 and pass `webAclArn`. @default none
   */
  readonly rateLimit?: RateLimitWebAclProps;
  /** Attach an existing CLOUDFRONT-scope web ACL (its ARN, in us-east-1). @default none */
  readonly webAclArn?: string;
  /** A domain of your own and its ACM certificate (in us-east-1): TLS 1.2 at least. @default *.cloudfront.net */
  readonly customDomain?: CustomDomain;
  /** Days access logs (S3 and CloudFront) are kept. @default 90 */
  readonly accessLogRetentionDays?: number;
  /**
   * Keep the graph in Amazon Neptune Serverless (`-c store=neptune`): publish loads each dump set into it
   * and the sparql function queries it, both inside its VPC, with IAM database authentication.
   * @default none (the sparql function holds the graph in memory)
   */
  readonly neptune?: NeptuneOptions;
}

export interface NeptuneOptions {
  /** Neptune capacity units at rest. @default 1 */
  readonly minCapacity?: number;
  /** @default 8 */
  readonly maxCapacity?: number;
}

const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/;

/** The serverless ICAT Knowledge Graph: sources → convert → publish → dumps and SPARQL behind CloudFront. */
export class IcatKgStack extends Stack {
  public readonly sources: SourcesPipeline;
  public readonly publish: PublishPipeline;
  public readonly dumps: PublicDumps;
  public readonly sparql: SparqlEndpoint;
  public readonly cdn: PublicDistribution;
  public readonly alarms: DeadLetterAlarms;
  public readonly accessLogs: AccessLogBucket;
  /** The Neptune cluster and its VPC, if `neptune` was given. */
  public readonly store: NeptuneStore | undefined;
  /** The WAF web ACL this stack created, if `rateLimit` was given. */
  public readonly webAcl: RateLimitWebAcl | undefined;

  constructor(scope: Construct, id: string, props: IcatKgStackProps = {}) {
    super(scope, id, props);
    // S3 server access logs are granted by a bucket policy for the logging service, not by the
    // deprecated LogDeliveryWrite canned ACL (set before any bucket exists: flags are read at creation).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const baseIri = props.baseIri ?? 'https://w3id.org/icat-kg/';
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    this.checkEdgeProps(props);
    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', {
      ...(props.accessLogRetentionDays === undefined ? {} : { retentionDays: props.accessLogRetentionDays }),
    });
    const logs = this.accessLogs.bucket;
    this.dumps = new PublicDumps(this, 'Dumps', { accessLogsBucket: logs, accessLogsPrefix: LOG_PREFIXES.dumps });
    this.sources = new SourcesPipeline(this, 'Sources', {
      baseIri,
      logRetention,
      accessLogsBucket: logs,
      accessLogsPrefix: LOG_PREFIXES.sources,
    });
    this.store = props.neptune
      ? new NeptuneStore(this, 'Neptune', {
          dumpsBucket: this.dumps.bucket,
          ...(props.neptune.minCapacity === undefined ? {} : { minCapacity: props.neptune.minCapacity }),
          ...(props.neptune.maxCapacity === undefined ? {} : { maxCapacity: props.neptune.maxCapacity }),
        })
      : undefined;
    const network = this.store ? { network: this.store.functionNetwork } : {};
    this.publish = new PublishPipeline(this, 'Publish', {
      ...network,
      baseIri,
      sourcesBucket: this.sources.bucket,
      dumpsBucket: this.dumps.bucket,
      dumpsUrl: props.dumpsUrl ?? `${baseIri}dumps/{version}/`,
      sparqlEndpoint: props.sparqlEndpoint ?? `${baseIri}sparql`,
      ...(props.license ? { license: props.license } : {}),
      logRetention,
    });
    this.sources.sendPublishRequestsTo(this.publish.queue);
    this.sparql = new SparqlEndpoint(this, 'Sparql', {
      ...network,
      baseIri,
      dumpsBucket: this.dumps.bucket,
      serviceAllowList: props.serviceAllowList ?? [],
      ...(props.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: props.queryTimeoutMs }),
      ...(props.maxRows === undefined ? {} : { maxRows: props.maxRows }),
      ...(props.maxResponseBytes === undefined ? {} : { maxResponseBytes: props.maxResponseBytes }),
      ...(props.sparqlReservedConcurrency === undefined
        ? {}
        : { reservedConcurrency: props.sparqlReservedConcurrency }),
      logRetention,
    });
    if (this.store) this.connectStore(this.store);
    this.webAcl = props.rateLimit ? new RateLimitWebAcl(this, 'RateLimit', props.rateLimit) : undefined;
    const webAclArn = this.webAcl?.webAcl.attrArn ?? props.webAclArn;
    this.cdn = new PublicDistribution(this, 'Cdn', {
      dumpsBucket: this.dumps.bucket,
      sparqlUrl: this.sparql.url,
      readTimeoutSeconds: Math.min(60, Math.ceil(this.sparql.queryTimeoutMs / 1000) + 10),
      responseHeadersPolicy: new SecurityHeaders(this, 'Headers').policy,
      logBucket: logs,
      logPrefix: LOG_PREFIXES.cloudfront,
      ...(webAclArn ? { webAclArn } : {}),
      ...(props.customDomain ? { customDomain: props.customDomain } : {}),
    });
    this.alarms = new DeadLetterAlarms(this, 'Alarms', {
      queues: { Convert: this.sources.deadLetterQueue, Publish: this.publish.deadLetterQueue },
      ...(props.alarmEmail ? { email: props.alarmEmail } : {}),
    });
    new CfnOutput(this, 'PublicUrl', {
      value: `https://${this.cdn.distribution.distributionDomainName}/`,
      description: 'SPARQL at /sparql, dumps at /dumps/{version}/',
    });
    new CfnOutput(this, 'SourcesBucketName', {
      value: this.sources.bucket.bucketName,
      description: 'Upload records under records/',
    });
    new CfnOutput(this, 'DumpsBucketName', { value: this.dumps.bucket.bucketName });
    new CfnOutput(this, 'AccessLogsBucketName', { value: logs.bucketName });
    acknowledgeNagFindings({
      stack: this,
      sourcesBucket: this.sources.bucket,
      dumpsBucket: this.dumps.bucket,
      functions: [this.sources.convert.function, this.publish.publish.function, this.sparql.sparql.function],
      distribution: this.cdn.distribution,
      hasWebAcl: webAclArn !== undefined,
      hasCustomDomain: props.customDomain !== undefined,
      ...(this.store ? { neptune: this.store } : {}),
    });
  }

  /** Publish loads each dump set into Neptune (bulk loader, then GSP); sparql queries it; both sign with SigV4. */
  private connectStore(store: NeptuneStore): void {
    const publish = this.publish.publish.function;
    const sparql = this.sparql.sparql.function;
    store.grant(publish, NEPTUNE_ACTIONS.publish);
    store.grant(sparql, NEPTUNE_ACTIONS.sparql);
    for (const fn of [publish, sparql]) {
      fn.addEnvironment('STORE_SPARQL_URL', `${store.endpoint}/sparql`);
      fn.addEnvironment('STORE_SIGNING', 'sigv4');
    }
    publish.addEnvironment('STORE_GSP_URL', `${store.endpoint}/sparql/gsp/`);
    publish.addEnvironment('STORE_LOADER', 'neptune-bulk');
    publish.addEnvironment('STORE_LOADER_URL', `${store.endpoint}/loader`);
    publish.addEnvironment('STORE_LOADER_ROLE_ARN', store.loaderRole.roleArn);
    new CfnOutput(this, 'NeptuneEndpoint', { value: store.endpoint, description: 'Inside the VPC only' });
  }

  /** Edge resources (web ACL, certificate) of a CloudFront distribution live in us-east-1: fail early, clearly. */
  private checkEdgeProps(props: IcatKgStackProps): void {
    if (props.rateLimit && props.webAclArn)
      throw new Error('give either rateLimit (-c waf=true) or webAclArn (-c webAclArn=...), not both');
    if (props.rateLimit && (Token.isUnresolved(this.region) || this.region !== 'us-east-1'))
      throw new Error(
        `a CLOUDFRONT-scope WAF web ACL can only be created in us-east-1, and this stack's region is ${
          Token.isUnresolved(this.region) ? 'not fixed' : this.region
        }: deploy the stack to us-east-1, or create the web ACL there and pass -c webAclArn=ARN`,
      );
    if (props.webAclArn && !WEB_ACL_ARN.test(props.webAclArn))
      throw new Error(
        `webAclArn: got "${props.webAclArn}", expected a CLOUDFRONT-scope web ACL ARN (arn:aws:wafv2:us-east-1:ACCOUNT:global/webacl/NAME/ID)`,
      );
    if (props.customDomain && !CERTIFICATE_ARN.test(props.customDomain.certificateArn))
      throw new Error(
        `certificateArn: got "${props.customDomain.certificateArn}", expected an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there)`,
      );
  }
}
