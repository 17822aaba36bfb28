import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

/**
 * For responses that carry no policy of their own (the app sets its own on its HTML pages, which wins):
 * only this host, no framing, no plugins, forms and base URLs to this host only.
 */
export const FALLBACK_CONTENT_SECURITY_POLICY =
  "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

export interface SecurityHeadersProps {
  /** `Strict-Transport-Security` max-age. @default one year */
  readonly hstsMaxAge?: Duration;
}

/**
 * The distribution's response headers policy: open CORS (the data is public, SPARQL clients run in any
 * page), and security headers on every answer. `X-Content-Type-Options: nosniff` and HSTS are always
 * set (override); the Content-Security-Policy, `X-Frame-Options` and `Referrer-Policy` are added when the
 * origin sent none, so the app's own, page-specific values stay authoritative. HSTS leaves subdomains
 * and preload alone: the domain may host other things.
 */
export class SecurityHeaders extends Construct {
  public readonly policy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SecurityHeadersProps = {}) {
    super(scope, id);
    this.policy = new ResponseHeadersPolicy(this, 'Policy', {
      comment: 'ICAT Knowledge Graph: CORS for every origin, and security headers',
      corsBehavior: {
        accessControlAllowCredentials: false,
        accessControlAllowOrigins: ['*'],
        accessControlAllowMethods: ['GET', 'HEAD', 'OPTIONS', 'POST'],
        accessControlAllowHeaders: ['*'],
        accessControlExposeHeaders: ['*'],
        accessControlMaxAge: Duration.hours(1),
        originOverride: false,
      },
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        strictTransportSecurity: {
          accessControlMaxAge: props.hstsMaxAge ?? Duration.days(365),
          includeSubdomains: false,
          preload: false,
          override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy: FALLBACK_CONTENT_SECURITY_POLICY, override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: false },
      },
    });
  }
}
