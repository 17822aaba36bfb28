import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IcatKgStack, type IcatKgStackProps } from '../../cdk/icat-kg-stack.js';
import { FALLBACK_CONTENT_SECURITY_POLICY } from '../../cdk/constructs/security-headers.js';
import { NAG_REASONS } from '../../cdk/nag-acknowledgments.js';
import { packageRoot } from '../../functions/package-paths.js';
import { acknowledgments, nagFindings } from './nag.js';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/icat-kg/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';

/** A stack of the given props, without bundling the functions (the main stack test bundles them). */
function synth(props: IcatKgStackProps) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new IcatKgStack(app, 'Edge', props);
  return { app, stack, template: Template.fromStack(stack) };
}

type Distribution = {
  Properties: {
    DistributionConfig: {
      WebACLId?: unknown;
      Aliases?: string[];
      ViewerCertificate?: Record<string, unknown>;
      Logging?: { Bucket: unknown; Prefix: string };
    };
  };
};
const distributionOf = (template: Template) =>
  Object.values(template.findResources('AWS::CloudFront::Distribution') as Record<string, Distribution>)[0]!.Properties
    .DistributionConfig;

afterEach(() => vi.restoreAllMocks());

describe('the WAF web ACL', () => {
  it('is not created by default, and the distribution has none', () => {
    const { template } = synth({});
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(distributionOf(template).WebACLId).toBeUndefined();
  });

  it('with rateLimit, in us-east-1: a CLOUDFRONT web ACL with per-address rate rules answering 429, attached', () => {
    const { app, stack, template } = synth({
      env: { region: 'us-east-1' },
      rateLimit: { requestsPerFiveMinutes: 1500, sparqlRequestsPerFiveMinutes: 200 },
    });
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    const [[id, acl]] = Object.entries(template.findResources('AWS::WAFv2::WebACL')) as [
      [string, { Properties: { Scope: string; DefaultAction: unknown; Rules: Record<string, unknown>[] } }],
    ];
    expect([acl.Properties.Scope, acl.Properties.DefaultAction]).toEqual(['CLOUDFRONT', { Allow: {} }]);
    const block = {
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: 'rate-limited',
          ResponseHeaders: [{ Name: 'retry-after', Value: '300' }],
        },
      },
    };
    expect(acl.Properties.Rules).toEqual([
      expect.objectContaining({
        Name: 'SparqlRatePerAddress',
        Priority: 0,
        Action: block,
        Statement: {
          RateBasedStatement: expect.objectContaining({
            Limit: 200,
            AggregateKeyType: 'IP',
            EvaluationWindowSec: 300,
            ScopeDownStatement: {
              ByteMatchStatement: expect.objectContaining({
                SearchString: '/sparql',
                PositionalConstraint: 'STARTS_WITH',
              }),
            },
          }),
        },
      }),
      expect.objectContaining({
        Name: 'RatePerAddress',
        Priority: 1,
        Action: block,
        Statement: { RateBasedStatement: { Limit: 1500, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
      }),
    ]);
    expect(distributionOf(template).WebACLId).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(nagFindings(app, stack)).toEqual([]);
    expect(acknowledgments(stack).has('AwsSolutions-CFR2')).toBe(false);
  });

  it('refuses rateLimit outside us-east-1 or in a region-agnostic stack, saying what to do instead', () => {
    expect(() => synth({ env: { region: 'eu-west-1' }, rateLimit: {} })).toThrow(
      "a CLOUDFRONT-scope WAF web ACL can only be created in us-east-1, and this stack's region is eu-west-1: deploy the stack to us-east-1, or create the web ACL there and pass -c webAclArn=ARN",
    );
    expect(() => synth({ rateLimit: {} })).toThrow("this stack's region is not fixed");
    expect(() => synth({ env: { region: 'us-east-1' }, rateLimit: { sparqlRequestsPerFiveMinutes: 5 } })).toThrow(
      "sparqlRequestsPerFiveMinutes: got 5, expected a whole number from 10 to 2000000000 (WAF's bounds)",
    );
  });

  it('attaches an existing web ACL by ARN in any region, and refuses what is not a CLOUDFRONT web ACL ARN', () => {
    const { app, stack, template } = synth({ env: { region: 'eu-west-1' }, webAclArn: WEB_ACL_ARN });
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(distributionOf(template).WebACLId).toBe(WEB_ACL_ARN);
    expect(nagFindings(app, stack)).toEqual([]);
    const regional = WEB_ACL_ARN.replace('us-east-1', 'eu-west-1').replace('global/', 'regional/');
    expect(() => synth({ webAclArn: regional })).toThrow(
      `webAclArn: got "${regional}", expected a CLOUDFRONT-scope web ACL ARN (arn:aws:wafv2:us-east-1:ACCOUNT:global/webacl/NAME/ID)`,
    );
    expect(() => synth({ env: { region: 'us-east-1' }, rateLimit: {}, webAclArn: WEB_ACL_ARN })).toThrow(
      'give either rateLimit (-c waf=true) or webAclArn (-c webAclArn=...), not both',
    );
  });
});

describe('TLS', () => {
  it("on the *.cloudfront.net name: CloudFront's default certificate, whose TLS 1.0 floor is acknowledged with its reason", () => {
    const { stack, template } = synth({});
    expect(distributionOf(template).ViewerCertificate).toBeUndefined();
    expect(acknowledgments(stack).get('AwsSolutions-CFR4')).toBe(NAG_REASONS['AwsSolutions-CFR4']);
  });

  it('with a domain of our own: its certificate, SNI, and TLSv1.2_2021 at least; nothing to acknowledge', () => {
    const { app, stack, template } = synth({
      customDomain: { domainName: 'kg.example.org', certificateArn: CERTIFICATE_ARN },
    });
    expect(distributionOf(template).Aliases).toEqual(['kg.example.org']);
    expect(distributionOf(template).ViewerCertificate).toEqual({
      AcmCertificateArn: CERTIFICATE_ARN,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(nagFindings(app, stack)).toEqual([]);
    expect(acknowledgments(stack).has('AwsSolutions-CFR4')).toBe(false);
    expect(() =>
      synth({
        customDomain: {
          domainName: 'kg.example.org',
          certificateArn: CERTIFICATE_ARN.replace('us-east-1', 'eu-west-1'),
        },
      }),
    ).toThrow('certificateArn: got "arn:aws:acm:eu-west-1:');
  });
});

describe('logging, versioning and headers', () => {
  const { template } = synth({});
  const buckets = Object.entries(
    template.findResources('AWS::S3::Bucket') as Record<string, { Properties: Record<string, unknown> }>,
  );
  const bucket = (prefix: string) => buckets.find(([id]) => id.startsWith(prefix))![1].Properties;
  const logBucketId = buckets.find(([id]) => id.startsWith('AccessLogs'))![0];

  it('keeps S3 server access logs of the sources and dumps buckets in the log bucket, each under its prefix', () => {
    expect(bucket('Sources').LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId },
      LogFilePrefix: 's3/sources/',
    });
    expect(bucket('Dumps').LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId },
      LogFilePrefix: 's3/dumps/',
    });
  });

  it('gives the log bucket what S3 and CloudFront log delivery need (a policy; ACLs on, object writer), private, expiring', () => {
    // S3 log delivery by bucket policy, each source bucket to its own prefix, from this account only.
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith(
          ['Dumps', 'Sources'].map((source) =>
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'logging.s3.amazonaws.com' },
              Action: 's3:PutObject',
              Condition: {
                ArnLike: {
                  'aws:SourceArn': { 'Fn::GetAtt': [buckets.find(([id]) => id.startsWith(source))![0], 'Arn'] },
                },
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              },
              Resource: {
                'Fn::Join': ['', [{ 'Fn::GetAtt': [logBucketId, 'Arn'] }, `/s3/${source.toLowerCase()}/*`]],
              },
            }),
          ),
        ),
      },
    });
    expect(bucket('AccessLogs').AccessControl).toBeUndefined();
    expect(bucket('AccessLogs')).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 90, Status: 'Enabled' }] },
    });
    expect(distributionOf(template).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
  });

  it('versions the dumps bucket, expiring earlier versions after 30 days', () => {
    expect(bucket('Dumps')).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: [{ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }] },
    });
  });

  it('sends security headers and open CORS on every answer, keeping the origin’s own CSP where it sets one', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CorsConfig: Match.objectLike({ AccessControlAllowOrigins: { Items: ['*'] }, OriginOverride: false }),
        SecurityHeadersConfig: {
          ContentTypeOptions: { Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 31_536_000,
            IncludeSubdomains: false,
            Preload: false,
            Override: true,
          },
          ContentSecurityPolicy: { ContentSecurityPolicy: FALLBACK_CONTENT_SECURITY_POLICY, Override: false },
          FrameOptions: { FrameOption: 'DENY', Override: false },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: false },
        },
      }),
    });
    expect(FALLBACK_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('acknowledges exactly the findings that remain, each with its reason, and the README lists every reason', () => {
    const { stack } = synth({});
    // Only cdk-nag's rules: CDK may acknowledge its own (CloudFormation-Validate::W3045 on any bucket with an ACL).
    const acknowledged = new Map([...acknowledgments(stack)].filter(([id]) => id.startsWith('AwsSolutions-')));
    // The same stack without any acknowledgment: what cdk-nag finds is exactly what is acknowledged.
    vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);
    const bare = synth({});
    const findings = new Set(nagFindings(bare.app, bare.stack).map((f) => f.split(' ')[1]!));
    expect([...findings].sort()).toEqual([...acknowledged.keys()].sort());
    for (const [id, reason] of acknowledged)
      expect(reason).toBe(NAG_REASONS[id.split('[')[0] as keyof typeof NAG_REASONS]);
    const readme = readFileSync(join(packageRoot(), 'README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const [rule, reason] of Object.entries(NAG_REASONS)) {
      const listed = readme.indexOf(`- \`${rule}\``);
      expect([rule, listed >= 0 && readme.indexOf(reason, listed) - listed < 60]).toEqual([rule, true]);
    }
  });
});
