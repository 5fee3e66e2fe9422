import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { frontend } from '@what-if/catalog';
import type { Construct } from 'constructs';

/**
 * The header half of the web app's content security policy, from the catalog (the local web
 * server sends the same): what a <meta> policy cannot say. Each exported page carries the rest
 * in a <meta> whose script-src lists the SHA-256 of that page's own inline scripts (a static
 * export has no server to mint nonces), so no 'unsafe-inline' is needed anywhere.
 */
export const contentSecurityPolicy = frontend.contentSecurityPolicy;

/** HSTS, CSP and friends for what CloudFront serves from S3; the gateway sets its own on API responses. */
export function securityHeadersPolicy(scope: Construct, name: string): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    responseHeadersPolicyName: name,
    comment: 'What If web app: HSTS, CSP, no framing, no sniffing',
    securityHeadersBehavior: {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      contentSecurityPolicy: { contentSecurityPolicy, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
    },
  });
}
