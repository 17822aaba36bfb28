import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface RateLimitWebAclProps {
  /** Requests one client address may make to any path in 5 minutes before it is answered 429. @default 2000 */
  readonly requestsPerFiveMinutes?: number;
  /** Requests one client address may make to `/sparql` in 5 minutes (queries are what cost). @default 300 */
  readonly sparqlRequestsPerFiveMinutes?: number;
}

/** WAF's bounds for a rate-based rule's limit. */
const MIN_LIMIT = 10;
const MAX_LIMIT = 2_000_000_000;

/**
 * An AWS WAF web ACL for the CloudFront distribution (scope CLOUDFRONT, so it must be created in
 * us-east-1): everything is allowed except a client address over its rate, which gets 429 with
 * `Retry-After` until its rate falls. Two rate-based rules: one over every path, a lower one over
 * `/sparql`, because ten slow queries fill the function's reserved concurrency while cached dumps cost
 * nothing. Metrics and sampled requests are on, in CloudWatch (us-east-1).
 */
export class RateLimitWebAcl extends Construct {
  public readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: RateLimitWebAclProps = {}) {
    super(scope, id);
    const all = checkedLimit('requestsPerFiveMinutes', props.requestsPerFiveMinutes ?? 2000);
    const sparql = checkedLimit('sparqlRequestsPerFiveMinutes', props.sparqlRequestsPerFiveMinutes ?? 300);
    const block: CfnWebACL.RuleActionProperty = {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: 'rate-limited',
          responseHeaders: [{ name: 'retry-after', value: '300' }],
        },
      },
    };
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'ICAT Knowledge Graph: per-address rate limits in front of the public SPARQL function',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('IcatKgWebAcl'),
      customResponseBodies: {
        'rate-limited': {
          contentType: 'TEXT_PLAIN',
          content: 'Too many requests from this address: wait a few minutes and try again.',
        },
      },
      rules: [
        {
          name: 'SparqlRatePerAddress',
          priority: 0,
          action: block,
          visibilityConfig: visibility('SparqlRatePerAddress'),
          statement: {
            rateBasedStatement: {
              limit: sparql,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/sparql',
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            },
          },
        },
        {
          name: 'RatePerAddress',
          priority: 1,
          action: block,
          visibilityConfig: visibility('RatePerAddress'),
          statement: { rateBasedStatement: { limit: all, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
        },
      ],
    });
  }
}

function checkedLimit(name: string, value: number): number {
  if (!Number.isInteger(value) || value < MIN_LIMIT || value > MAX_LIMIT)
    throw new Error(`${name}: got ${value}, expected a whole number from ${MIN_LIMIT} to ${MAX_LIMIT} (WAF's bounds)`);
  return value;
}
