import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { NeptuneStore } from './constructs/neptune-store.js';

/** What the acknowledgments are made on: the parts of the stack that cdk-nag's AwsSolutions pack flags. */
export interface NagFindingsScope {
  readonly stack: Stack;
  readonly sourcesBucket: IBucket;
  readonly dumpsBucket: IBucket;
  readonly functions: readonly IConstruct[];
  readonly distribution: IConstruct;
  /** A web ACL is attached: no WAF finding to acknowledge. */
  readonly hasWebAcl: boolean;
  /** A certificate of our own with TLS 1.2 at least: no TLS finding to acknowledge. */
  readonly hasCustomDomain: boolean;
  /** The Neptune option's cluster, when it is on. */
  readonly neptune?: NeptuneStore;
}

/** The reasons, by rule (the README's deployment section lists them). */
export const NAG_REASONS = {
  'AwsSolutions-IAM4':
    'AWSLambdaBasicExecutionRole grants only logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents, which every function (and the bucket-notification handler CDK adds) needs to write its logs; an inline copy would grant the same three actions.',
  'AwsSolutions-IAM5':
    'The object ARNs end in a key prefix and a wildcard (records/, graphs/, quarantine/, dumps/, reports/): a function reads or writes every record, graph or dump file under its prefix, and their names are not known at deployment. The actions are named one by one, never wildcards.',
  'AwsSolutions-IAM4[VPC]':
    'With the Neptune option the publish and sparql functions run in its VPC: AWSLambdaVPCAccessExecutionRole grants only the ec2 network-interface actions (create, describe, delete, assign and unassign private addresses) Lambda needs to attach a function to its subnets, and those actions take no resource narrower than *.',
  'AwsSolutions-IAM5[neptune-db]':
    "Neptune's data-plane actions (neptune-db:ReadDataViaQuery and the others, named one by one) take a resource of the form cluster-resource-id/*: the part after the slash is reserved and must be a wildcard, and the ARN names this stack's cluster only.",
  'AwsSolutions-L1':
    'Node.js 22 is pinned on purpose: the bundle is built for node22 (esbuild target), and a runtime upgrade should be a deliberate, tested change, not one that each new Lambda runtime forces on the next deploy.',
  'AwsSolutions-CFR1':
    'The graph is open data for a worldwide audience (UN agencies, researchers, the public): no country is to be refused.',
  'AwsSolutions-CFR2':
    "The WAF web ACL is optional (about $7 a month for the ACL and its two rules, before requests) and off by default: -c waf=true creates one with per-address rate limits, -c webAclArn=ARN attaches an existing one. Without it, the function's reserved concurrency bounds what the endpoint can cost.",
  'AwsSolutions-CFR4':
    "Without a domain of our own the distribution answers on its cloudfront.net name, where CloudFront's default certificate accepts TLS 1.0 and no security policy can be chosen; -c domainName=NAME -c certificateArn=ARN serves the domain with TLSv1.2_2021 at least.",
} as const;

/**
 * Acknowledges, each with its reason, the AwsSolutions findings that remain by design. Every other
 * finding fails the tests and `npm run synth`.
 */
export function acknowledgeNagFindings(scope: NagFindingsScope): void {
  const ack = (on: IConstruct, id: keyof typeof NAG_REASONS, finding?: string) =>
    Validations.of(on).acknowledge({
      id: finding ? `${id.replace(/\[.*$/, '')}[${finding}]` : id,
      reason: NAG_REASONS[id],
    });

  ack(
    scope.stack,
    'AwsSolutions-IAM4',
    'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  );
  const arnOf = (bucket: IBucket) => `<${scope.stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>`;
  for (const prefix of ['records', 'graphs', 'quarantine'])
    ack(scope.stack, 'AwsSolutions-IAM5', `Resource::${arnOf(scope.sourcesBucket)}/${prefix}/*`);
  for (const prefix of ['dumps', 'reports'])
    ack(scope.stack, 'AwsSolutions-IAM5', `Resource::${arnOf(scope.dumpsBucket)}/${prefix}/*`);
  for (const fn of scope.functions) ack(fn, 'AwsSolutions-L1');
  if (scope.neptune) {
    ack(
      scope.stack,
      'AwsSolutions-IAM4[VPC]',
      'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    );
    const cluster = scope.stack.getLogicalId(scope.neptune.cluster);
    ack(
      scope.stack,
      'AwsSolutions-IAM5[neptune-db]',
      `Resource::arn:<AWS::Partition>:neptune-db:<AWS::Region>:<AWS::AccountId>:<${cluster}.ClusterResourceId>/*`,
    );
  }
  ack(scope.distribution, 'AwsSolutions-CFR1');
  if (!scope.hasWebAcl) ack(scope.distribution, 'AwsSolutions-CFR2');
  if (!scope.hasCustomDomain) ack(scope.distribution, 'AwsSolutions-CFR4');
}
