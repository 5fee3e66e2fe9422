import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { edgePaths, type EdgePath } from '@what-if/catalog';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import { LogBucket } from '../shared/log-bucket';
import { ManagedRulesWebAcl } from '../shared/managed-rules-web-acl';
import { notFoundStatusFunctionCode, pageRequestFunctionCode } from './page-functions';
import { securityHeadersPolicy } from './security-headers';

export interface FrontendStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** The public share pages' prefix: the one API path CloudFront caches. */
const sharePagesPath = '/s';

/** The catalog's edge paths as CloudFront path patterns (a prefix covers everything below it). */
export function cloudFrontPathPattern(edge: EdgePath): string {
  return edge.match === 'prefix' ? `${edge.path}/*` : edge.path;
}

/** CloudFront's web ACL and viewer certificate must live in us-east-1, so this stack does too. */
export const frontendRegion = 'us-east-1';

/**
 * The web app: a private S3 bucket behind CloudFront (origin access control), AWS WAF, security
 * headers, and the API's public surface (/api/*, /s/*, /health, /openapi.json) forwarded to the
 * API's domain (the ALB), so browsers and API clients talk to one origin. It names the API by
 * domain, not by reference, so it can live in another region.
 */
export class FrontendStack extends Stack {
  readonly distribution: Distribution;
  readonly siteBucket: Bucket;

  constructor(scope: Construct, id: string, props: FrontendStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prefix = resourcePrefix(config.name);
    const removalPolicy = dataRemovalPolicy(config);

    const logs = new LogBucket(this, 'Logs', {
      removalPolicy,
      expireAfterDays: config.observability.logRetention,
      acceptsCloudFrontLogs: true,
    });
    this.siteBucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs.bucket,
      serverAccessLogsPrefix: 'site-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy,
    });

    const waf = new ManagedRulesWebAcl(this, 'Waf', {
      scope: 'CLOUDFRONT',
      name: `${prefix}-site`,
      requestsPerIpPer5Minutes: config.edge.requestsPerIpPer5Minutes,
      logRetention: config.observability.logRetention,
      removalPolicy,
    });

    const site = S3BucketOrigin.withOriginAccessControl(this.siteBucket);
    const api = new HttpOrigin(config.domain.apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // Generation streams send heartbeats well inside this.
      readTimeout: Duration.seconds(60),
    });
    const securityHeaders = securityHeadersPolicy(this, `${prefix}-security-headers`);
    const staticSite = (
      cachePolicy: CachePolicy | typeof CachePolicy.CACHING_OPTIMIZED,
    ): BehaviorOptions => ({
      origin: site,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    });
    const forwardedToApi: Omit<BehaviorOptions, 'cachePolicy' | 'allowedMethods'> = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      // Everything the gateway needs (Authorization, cookies, query) except Host, which must
      // name the API's certificate.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };

    // The API's whole public surface (the catalog's edge paths) goes to the ALB, which admits
    // CloudFront alone: every client reaches the gateway through CloudFront and then the ALB.
    const sharePages = new CachePolicy(this, 'SharePages', {
      cachePolicyName: `${prefix}-share-pages`,
      defaultTtl: Duration.minutes(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // What the share pages need from the viewer, and the viewer's country for the owner's
    // figures (a CloudFront header, which only an explicit list forwards). Host stays out, as
    // for the rest of the API.
    const sharePageRequests = new OriginRequestPolicy(this, 'SharePageRequests', {
      originRequestPolicyName: `${prefix}-share-page-requests`,
      headerBehavior: OriginRequestHeaderBehavior.allowList(
        'Accept',
        'Accept-Language',
        'Content-Type',
        'If-None-Match',
        'Referer',
        'User-Agent',
        'X-Request-Id',
        'CloudFront-Viewer-Country',
      ),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    const apiBehaviors: Record<string, BehaviorOptions> = Object.fromEntries(
      edgePaths().map((edge) => [
        cloudFrontPathPattern(edge),
        edge.path === sharePagesPath
          ? // Preview images and QR codes are the same for every viewer: a minute at the edge
            // absorbs a viral link, and a revoked link's image stops showing within that minute.
            // The pages themselves say no-store (each view is counted, a revoke shows at once),
            // which this policy honours; their password and report forms post.
            {
              ...forwardedToApi,
              originRequestPolicy: sharePageRequests,
              allowedMethods: AllowedMethods.ALLOW_ALL,
              cachePolicy: sharePages,
            }
          : {
              ...forwardedToApi,
              allowedMethods: AllowedMethods.ALLOW_ALL,
              cachePolicy: CachePolicy.CACHING_DISABLED,
            },
      ]),
    );

    // Pages answer as the local web server answers them: a path is its .html file, an unknown
    // page is the 404 page with status 404 (page-functions.ts says why not custom error pages).
    const pageFunctions = [
      {
        eventType: FunctionEventType.VIEWER_REQUEST,
        function: new CloudFrontFunction(this, 'PageRequest', {
          functionName: `${prefix}-page-request`,
          comment: 'A page path to its exported .html file; an unknown page to /404.html',
          code: FunctionCode.fromInline(pageRequestFunctionCode()),
          runtime: FunctionRuntime.JS_2_0,
        }),
      },
      {
        eventType: FunctionEventType.VIEWER_RESPONSE,
        function: new CloudFrontFunction(this, 'NotFoundStatus', {
          functionName: `${prefix}-not-found-status`,
          comment: 'The 404 page is answered with status 404',
          code: FunctionCode.fromInline(notFoundStatusFunctionCode()),
          runtime: FunctionRuntime.JS_2_0,
        }),
      },
    ];

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `What If ${config.name}`,
      domainNames: [config.domain.siteDomain],
      certificate: Certificate.fromCertificateArn(
        this,
        'Certificate',
        config.domain.cloudFrontCertificateArn,
      ),
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultRootObject: 'index.html',
      webAclId: waf.webAcl.attrArn,
      enableLogging: true,
      logBucket: logs.bucket,
      logFilePrefix: 'cloudfront/',
      // Pages are uploaded with no-cache (cdk/scripts/upload-site.sh), so the edge revalidates
      // them; the five minutes apply only to objects that say nothing.
      defaultBehavior: {
        ...staticSite(
          new CachePolicy(this, 'Pages', {
            cachePolicyName: `${prefix}-pages`,
            defaultTtl: Duration.minutes(5),
            minTtl: Duration.seconds(0),
            maxTtl: Duration.days(1),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
        ),
        functionAssociations: pageFunctions,
      },
      additionalBehaviors: {
        // Content-hashed build output never changes under its name.
        '/_next/static/*': staticSite(CachePolicy.CACHING_OPTIMIZED),
        ...apiBehaviors,
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'What If serves a worldwide audience with no legal restriction by country; WAF rate-limits abuse instead',
    });

    const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: config.domain.hostedZoneId,
      zoneName: config.domain.hostedZoneName,
    });
    const target = RecordTarget.fromAlias(new CloudFrontTarget(this.distribution));
    new ARecord(this, 'SiteAlias', { zone, recordName: config.domain.siteDomain, target });
    new AaaaRecord(this, 'SiteAliasIpv6', { zone, recordName: config.domain.siteDomain, target });

    // Where the web app's static export is uploaded, and what to invalidate afterwards.
    new CfnOutput(this, 'SiteBucketName', { value: this.siteBucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
}
