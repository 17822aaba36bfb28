import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { DeadLetterAlarms } from './constructs/dead-letter-alarms.js';
import { PublicDistribution } from './constructs/public-distribution.js';
import { PublicDumps } from './constructs/public-dumps.js';
import { PublishPipeline } from './constructs/publish-pipeline.js';
import { SourcesPipeline } from './constructs/sources-pipeline.js';
import { SparqlEndpoint } from './constructs/sparql-endpoint.js';

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
}

/** The serverless ICAT Knowledge Graph: sources → convert → publish → dumps and SPARQL behind CloudFront. */
export class IcatKgStack extends Stack {
  public readonly sources: SourcesPipeline;
  public readonly publish: PublishPipeline;
  public readonly dumps: PublicDumps;
  public readonly sparql: SparqlEndpoint;
  public readonly cdn: PublicDistribution;
  public readonly alarms: DeadLetterAlarms;

  constructor(scope: Construct, id: string, props: IcatKgStackProps = {}) {
    super(scope, id, props);
    const baseIri = props.baseIri ?? 'https://w3id.org/icat-kg/';
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    this.dumps = new PublicDumps(this, 'Dumps');
    this.sources = new SourcesPipeline(this, 'Sources', { baseIri, logRetention });
    this.publish = new PublishPipeline(this, 'Publish', {
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
    this.cdn = new PublicDistribution(this, 'Cdn', {
      dumpsBucket: this.dumps.bucket,
      sparqlUrl: this.sparql.url,
      readTimeoutSeconds: Math.min(60, Math.ceil(this.sparql.queryTimeoutMs / 1000) + 10),
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
  }
}
