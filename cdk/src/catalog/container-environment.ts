import { deployedDefault, envFor, serviceUrlVariable, service, type ServiceEntry } from '@what-if/catalog';
import type { EnvironmentConfig } from '../config/environment-config';
import { dynamoTablePrefix, mailSender, siteUrl, videoBucketName } from '../config/naming';
import { workerMetrics } from '../observability/video-job-metric';

/** What the platform knows that the catalog's laptop defaults cannot. */
export interface PlatformValues {
  readonly region: string;
  readonly dynamoTablePrefix: string;
  readonly shutdownTimeoutMs: number;
  /** Where browsers load the web app and, through its /api path, reach the gateway. */
  readonly siteUrl: string;
  /** The base URL a caller uses for a callee (the Service Connect alias). */
  readonly serviceUrl: (callee: ServiceEntry) => string;
  /** How account mail leaves (MAILER) and who sends it (MAIL_FROM). */
  readonly mail: { readonly mailer: string; readonly sender: string };
  /** How scenarios are written: GENERATION_PROVIDERS and BEDROCK_MODEL_ID. */
  readonly scenarios: { readonly providers: string; readonly bedrockModelId: string };
  /** The bucket rendered videos are kept in (VIDEO_BUCKET, with the catalog's VIDEO_STORAGE=s3). */
  readonly videoBucket: string;
  /** The deployment's name: the Environment dimension of the metrics the video worker publishes. */
  readonly environmentName: string;
}

/**
 * What an environment's ECS services run with in the region: the values their task roles'
 * permissions are derived from, and so the EKS roles' too.
 */
export function awsPlatformValues(
  config: EnvironmentConfig,
  region: string,
  shutdownTimeoutMs: number,
): PlatformValues {
  return {
    region,
    dynamoTablePrefix: dynamoTablePrefix(config.name),
    shutdownTimeoutMs,
    siteUrl: siteUrl(config.domain),
    serviceUrl: (callee) => `http://${callee.name}:${callee.port}`,
    mail: { mailer: config.mail.mailer, sender: mailSender(config.domain.hostedZoneName) },
    scenarios: config.scenarios,
    videoBucket: videoBucketName(config.name),
    environmentName: config.name,
  };
}

export interface ContainerEnvironment {
  /** Plain configuration: never a credential. */
  readonly plain: Record<string, string>;
  /** The names of the catalog's `secret: true` variables; their values come from Secrets Manager. */
  readonly secretNames: readonly string[];
}

/**
 * The catalog's variables for one service as ECS sees them: secrets by name only, the rest
 * with the catalog's deployed default unless AWS needs another value. A required variable that the
 * platform cannot fill stops synthesis here rather than the task at start-up.
 */
export function containerEnvironment(entry: ServiceEntry, platform: PlatformValues): ContainerEnvironment {
  // The catalog's deployed defaults apply where these say nothing: NODE_ENV production,
  // DYNAMODB_ENDPOINT empty for the regional endpoint (the VPC's DynamoDB gateway endpoint
  // serves it), and TRUSTED_PROXY_COUNT 2, as CloudFront, then the ALB, each append to
  // X-Forwarded-For and the client is the entry before them.
  const overrides: Record<string, string> = {
    AWS_REGION: platform.region,
    DYNAMODB_TABLE_PREFIX: platform.dynamoTablePrefix,
    DYNAMODB_CREATE_TABLES: 'false',
    SHUTDOWN_TIMEOUT_MS: String(platform.shutdownTimeoutMs),
    // CloudFront serves the web app and forwards /api to the gateway: one origin for the browser.
    CORS_ALLOWED_ORIGINS: platform.siteUrl,
    PUBLIC_APP_URL: platform.siteUrl,
    PUBLIC_API_URL: platform.siteUrl,
    MAILER: platform.mail.mailer,
    MAIL_FROM: platform.mail.sender,
    // Bedrock in the stacks' own region writes the scenarios; the offline writer stays last.
    GENERATION_PROVIDERS: platform.scenarios.providers,
    BEDROCK_REGION: platform.region,
    BEDROCK_MODEL_ID: platform.scenarios.bedrockModelId,
    VIDEO_STORAGE: 's3',
    VIDEO_BUCKET: platform.videoBucket,
    VIDEO_METRICS_NAMESPACE: workerMetrics.namespace,
    VIDEO_METRICS_ENVIRONMENT: platform.environmentName,
    ...Object.fromEntries(
      entry.calls.map((callee) => [serviceUrlVariable(callee), platform.serviceUrl(service(callee))]),
    ),
  };
  const plain: Record<string, string> = {};
  const secretNames: string[] = [];
  for (const variable of envFor(entry.name)) {
    if (variable.secret) {
      secretNames.push(variable.name);
      continue;
    }
    const value = overrides[variable.name] ?? deployedDefault(variable, 'ecs');
    if (value === undefined) {
      throw new Error(
        `${entry.name}: the catalog gives ${variable.name} no default and AWS has no value for it; ` +
          'give it a default, mark it secret, or teach cdk/src/catalog/container-environment.ts its value',
      );
    }
    plain[variable.name] = value;
  }
  return { plain, secretNames };
}
