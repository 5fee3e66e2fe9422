import { edgePaths } from '@what-if/catalog';
import { Match } from 'aws-cdk-lib/assertions';
import { contentSecurityPolicy } from '../src/frontend/security-headers';
import { synthesized } from './support/synthesized';
import { onlyResource, resourcesOfType } from './support/template-queries';

const { templates, config } = synthesized('prod');
const frontend = templates.frontend;
const distribution = onlyResource(frontend, 'AWS::CloudFront::Distribution', () => true).Properties
  .DistributionConfig as {
  Aliases: string[];
  ViewerCertificate: { AcmCertificateArn: string; MinimumProtocolVersion: string };
  WebACLId: unknown;
  Origins: Array<{
    Id: string;
    DomainName: unknown;
    OriginAccessControlId?: { 'Fn::GetAtt': [string, string] };
    CustomOriginConfig?: Record<string, unknown>;
  }>;
  CacheBehaviors: Array<{
    PathPattern: string;
    TargetOriginId: string;
    CachePolicyId: unknown;
    AllowedMethods?: string[];
    FunctionAssociations?: unknown[];
  }>;
  DefaultCacheBehavior: {
    TargetOriginId: string;
    FunctionAssociations: Array<{ EventType: string; FunctionARN: { 'Fn::GetAtt': [string, string] } }>;
    ResponseHeadersPolicyId: { Ref: string };
    ViewerProtocolPolicy: string;
  };
  Logging: { Bucket: { 'Fn::GetAtt': [string, string] }; Prefix: string };
};

function behaviour(path: string) {
  const found = distribution.CacheBehaviors.find((candidate) => candidate.PathPattern === path);
  if (!found) throw new Error(`No behaviour for ${path}`);
  return found;
}

function origin(id: string) {
  return distribution.Origins.find((candidate) => candidate.Id === id)!;
}

test('the site is served on its domain with the us-east-1 certificate and TLS 1.2 or later', () => {
  expect(distribution.Aliases).toEqual([config.domain.siteDomain]);
  expect(distribution.ViewerCertificate).toEqual(
    expect.objectContaining({
      AcmCertificateArn: config.domain.cloudFrontCertificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
    }),
  );
  // Access logs go to the stack's private logs bucket, which accepts CloudFront's log delivery.
  expect(distribution.Logging.Prefix).toBe('cloudfront/');
  const [logsBucketId, attribute] = distribution.Logging.Bucket['Fn::GetAtt'];
  expect(attribute).toBe('RegionalDomainName');
  const logsBucket = resourcesOfType(frontend, 'AWS::S3::Bucket')[logsBucketId]!;
  expect(logsBucket.Properties['PublicAccessBlockConfiguration']).toEqual({
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  expect(logsBucket.Properties['OwnershipControls']).toEqual({
    Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }],
  });
});

test('the bucket is reached only through origin access control', () => {
  const site = origin(distribution.DefaultCacheBehavior.TargetOriginId);
  const [controlId, attribute] = site.OriginAccessControlId!['Fn::GetAtt'];
  expect(attribute).toBe('Id');
  expect(
    resourcesOfType(frontend, 'AWS::CloudFront::OriginAccessControl')[controlId]!.Properties[
      'OriginAccessControlConfig'
    ],
  ).toMatchObject({
    OriginAccessControlOriginType: 's3',
    SigningBehavior: 'always',
    SigningProtocol: 'sigv4',
  });
  frontend.hasResourceProperties('AWS::S3::BucketPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
      ]),
    },
  });
});

test("the API's whole public surface goes to the API over HTTPS; only share images are cached, briefly", () => {
  // The catalog's edge paths: CloudFront is the only way in to the gateway.
  const paths = edgePaths().map((edge) => (edge.match === 'prefix' ? `${edge.path}/*` : edge.path));
  expect(paths.sort()).toEqual(['/api/*', '/health', '/openapi.json', '/s/*']);
  for (const path of paths) {
    const api = origin(behaviour(path).TargetOriginId);
    expect(api.DomainName).toBe(config.domain.apiDomain);
    expect(api.CustomOriginConfig).toEqual(
      expect.objectContaining({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] }),
    );
    // The managed CachingDisabled policy everywhere but the share pages.
    if (path !== '/s/*') expect(behaviour(path).CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
  }
  expect(behaviour('/api/*').AllowedMethods).toEqual(expect.arrayContaining(['POST', 'DELETE', 'PATCH']));
  // The share page's password and report forms post; CloudFront never caches a POST.
  expect(behaviour('/s/*').AllowedMethods).toContain('POST');
  // The viewer's country reaches the share pages' analytics.
  frontend.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
    OriginRequestPolicyConfig: Match.objectLike({
      Name: 'whatif-prod-share-page-requests',
      HeadersConfig: Match.objectLike({
        Headers: Match.arrayWith(['Referer', 'User-Agent', 'CloudFront-Viewer-Country']),
      }),
    }),
  });
  frontend.hasResourceProperties('AWS::CloudFront::CachePolicy', {
    CachePolicyConfig: Match.objectLike({ Name: 'whatif-prod-share-pages', DefaultTTL: 60, MaxTTL: 300 }),
  });
});

test('pages carry HSTS and the content security policy', () => {
  expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  // The policy the pages get, not merely one in the stack, carries the headers.
  const policy = resourcesOfType(frontend, 'AWS::CloudFront::ResponseHeadersPolicy')[
    distribution.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref
  ]!;
  expect(policy.Properties['ResponseHeadersPolicyConfig']).toMatchObject({
    SecurityHeadersConfig: {
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63072000,
        IncludeSubdomains: true,
        Preload: true,
      },
      ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy, Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    },
  });
  expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  // Scripts are governed by each page's <meta> policy with its inline scripts' hashes.
  expect(contentSecurityPolicy).not.toContain('unsafe-inline');
});

test('pages, and only pages, go through the functions that map a path to its page or the 404 page', () => {
  const functions = resourcesOfType(frontend, 'AWS::CloudFront::Function');
  const associated = distribution.DefaultCacheBehavior.FunctionAssociations.map((association) => ({
    event: association.EventType,
    runtime: (
      functions[association.FunctionARN['Fn::GetAtt'][0]]!.Properties['FunctionConfig'] as { Runtime: string }
    ).Runtime,
  }));
  expect(associated).toEqual([
    { event: 'viewer-request', runtime: 'cloudfront-js-2.0' },
    { event: 'viewer-response', runtime: 'cloudfront-js-2.0' },
  ]);
  // Assets and the API's answers (its own 403 and 404 problems included) pass untouched.
  for (const other of distribution.CacheBehaviors) expect(other.FunctionAssociations).toBeUndefined();
});

test('a CloudFront-scoped WAF with managed rules and a per-IP rate rule protects the distribution', () => {
  expect(distribution.WebACLId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
  frontend.hasResourceProperties('AWS::WAFv2::WebACL', {
    Scope: 'CLOUDFRONT',
    Rules: Match.arrayWith([
      Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) } }),
      Match.objectLike({
        Statement: {
          ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
        },
      }),
    ]),
  });
  frontend.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
    RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
  });
});

test('the frontend stays in us-east-1 when the rest moves to another region', () => {
  const elsewhere = synthesized('prod', { region: 'eu-west-1' });
  expect(elsewhere.stacks.frontend.region).toBe('us-east-1');
  expect(elsewhere.stacks.services.region).toBe('eu-west-1');
  elsewhere.templates.network.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: 'eu-west-1c' });
});
