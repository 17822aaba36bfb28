import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { IcatKgStack } from '../../cdk/icat-kg-stack.js';
import { nagFindings } from './nag.js';

let template: Template;
let stack: IcatKgStack;
let app: App;

beforeAll(() => {
  app = new App();
  stack = new IcatKgStack(app, 'Test', {
    baseIri: 'https://kg.example.org/',
    serviceAllowList: ['https://sdg.example.org/sparql'],
    queryTimeoutMs: 8000,
    sparqlReservedConcurrency: 5,
    license: 'https://creativecommons.org/licenses/by/4.0/',
    alarmEmail: 'ops@example.org',
  });
  template = Template.fromStack(stack);
}, 120_000);

type Resource = { Properties: Record<string, unknown> };
const resources = (type: string) => Object.entries(template.findResources(type) as Record<string, Resource>);
const functionNamed = (entry: string) => {
  const found = resources('AWS::Lambda::Function').find(([id]) => id.startsWith(entry));
  if (!found) throw new Error(`no function ${entry}`);
  return found;
};

describe('the CDK stack', () => {
  it('keeps the sources in a private, versioned, encrypted, TLS-only bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('sends record notifications to a queue with a dead-letter queue, and the convert function reads it in batches', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: Match.arrayWith([
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'records/' }] } },
          }),
          Match.objectLike({
            Events: ['s3:ObjectRemoved:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'records/' }] } },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 1800,
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { maxReceiveCount: 3 },
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 20,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('runs every function on Node.js 22, arm64, with its log group kept for a month', () => {
    for (const entry of ['SourcesConvertFunction', 'PublishFunction', 'SparqlFunction']) {
      const [, fn] = functionNamed(entry);
      expect([entry, fn.Properties.Runtime, fn.Properties.Architectures]).toEqual([entry, 'nodejs22.x', ['arm64']]);
      expect((fn.Properties.LoggingConfig as { LogGroup: unknown }).LogGroup).toBeDefined();
    }
    expect(resources('AWS::Logs::LogGroup').map(([, r]) => r.Properties.RetentionInDays)).toEqual([30, 30, 30]);
  });

  it('publishes one at a time', () => {
    const [, publish] = functionNamed('PublishFunction');
    expect(publish.Properties.ReservedConcurrentExecutions).toBe(1);
    expect(publish.Properties.Environment).toEqual({
      Variables: expect.objectContaining({
        BASE_IRI: 'https://kg.example.org/',
        DUMPS_URL: 'https://kg.example.org/dumps/{version}/',
        SPARQL_ENDPOINT_URL: 'https://kg.example.org/sparql',
        DATASET_LICENSE: 'https://creativecommons.org/licenses/by/4.0/',
      }),
    });
  });

  it('configures the SPARQL function from the props: limits, allow-list, concurrency, and a timeout behind the query timeout', () => {
    const [, sparql] = functionNamed('SparqlFunction');
    expect(sparql.Properties).toMatchObject({ MemorySize: 1769, ReservedConcurrentExecutions: 5, Timeout: 28 });
    expect(sparql.Properties.Environment).toEqual({
      Variables: expect.objectContaining({
        BASE_IRI: 'https://kg.example.org/',
        QUERY_TIMEOUT_MS: '8000',
        MAX_RESULT_ROWS: '10000',
        SERVICE_ALLOW_LIST: 'https://sdg.example.org/sparql',
        UI_ASSETS_DIR: '/var/task/ui',
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
  });

  it('serves the app from the function and the dumps from the bucket through one CloudFront distribution', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    const [[, distribution]] = resources('AWS::CloudFront::Distribution') as [[string, Resource]];
    const config = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: {
        AllowedMethods: string[];
        ViewerProtocolPolicy: string;
        ResponseHeadersPolicyId: unknown;
      };
      CacheBehaviors: { PathPattern: string; ResponseHeadersPolicyId: unknown }[];
      Origins: { S3OriginConfig?: unknown; CustomOriginConfig?: { OriginReadTimeout: number } }[];
    };
    expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/dumps/*', '/latest.json']);
    // One policy (CORS and security headers) on every behaviour.
    const [headersPolicy] = resources('AWS::CloudFront::ResponseHeadersPolicy').map(([id]) => id);
    expect([
      config.DefaultCacheBehavior.ResponseHeadersPolicyId,
      ...config.CacheBehaviors.map((b) => b.ResponseHeadersPolicyId),
    ]).toEqual([{ Ref: headersPolicy }, { Ref: headersPolicy }, { Ref: headersPolicy }]);
    expect(config.Origins.find((o) => o.CustomOriginConfig)?.CustomOriginConfig?.OriginReadTimeout).toBe(18);
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({ DefaultTTL: 60, MaxTTL: 60 }),
    });
  });

  it('grants least privilege: named actions only, on the prefixes each function uses', () => {
    const statements = resources('AWS::IAM::Policy').flatMap(([id, r]) =>
      (r.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement.map(
        (s) => ({ id, ...s }),
      ),
    );
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    const of = (prefix: string) =>
      statements.filter((s) => s.id.startsWith(prefix)).map((s) => [s.Action, JSON.stringify(s.Resource)]);
    const sparql = of('SparqlFunction');
    expect(sparql).toHaveLength(1);
    expect(sparql[0]![0]).toBe('s3:GetObject');
    expect(sparql[0]![1]).toContain('/latest.json');
    expect(sparql[0]![1]).toContain('/dumps/*');
    const convertActions = of('SourcesConvertFunction').map(([a]) => a);
    expect(convertActions).toEqual(
      expect.arrayContaining([
        's3:GetObject',
        ['s3:PutObject', 's3:DeleteObject'],
        's3:ListBucket',
        ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      ]),
    );
    const publishPut = statements.find((s) => s.id.startsWith('PublishFunction') && s.Action === 's3:PutObject')!;
    for (const key of ['/dumps/*', '/latest.json', '/reports/*'])
      expect(JSON.stringify(publishPut.Resource)).toContain(key);
    // The publish reads a version's manifest (listing turns a missing key into a 404) and removes one it
    // wrote if the switch to it fails: on dumps/ only.
    const publishManifest = statements.find(
      (s) => s.id.startsWith('PublishFunction') && JSON.stringify(s.Action) === '["s3:GetObject","s3:DeleteObject"]',
    )!;
    expect(JSON.stringify(publishManifest.Resource)).toMatch(/"\/dumps\/\*"\]\]\}$/);
    expect(of('PublishFunction').filter(([a]) => a === 's3:ListBucket')).toHaveLength(2);
  });

  it('raises an alarm, by e-mail, as soon as a message reaches either dead-letter queue', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmsTopic') }],
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  });

  it('passes cdk-nag AwsSolutions: no finding left without an acknowledgment', () => {
    expect(nagFindings(app, stack)).toEqual([]);
  });
});
