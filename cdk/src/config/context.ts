import type { Node } from 'constructs';
import {
  environmentNames,
  type DomainConfig,
  type EnvironmentConfig,
  type EnvironmentName,
} from './environment-config';
import { availabilityZonesOf, environments } from './environments';
import { isPlaceholder } from './placeholders';

/** Everything one synthesis needs: the environment's configuration and the image tag to run. */
export interface DeploymentSettings {
  readonly config: EnvironmentConfig;
  readonly imageTag: string;
}

/** Context keys an operator may pass with -c key=value; cdk/README.md documents each. */
export const contextKeys = {
  environment: 'env',
  imageTag: 'imageTag',
  strict: 'strict',
  region: 'region',
  availabilityZones: 'availabilityZones',
  siteDomain: 'siteDomain',
  apiDomain: 'apiDomain',
  hostedZoneId: 'hostedZoneId',
  hostedZoneName: 'hostedZoneName',
  certificateArn: 'certificateArn',
  cloudFrontCertificateArn: 'cloudFrontCertificateArn',
  alertEmail: 'alertEmail',
  tracing: 'tracing',
} as const;

const imageTagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

function flag(node: Node, key: string): boolean | undefined {
  const value = text(node, key);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') {
    throw new Error(`Context ${key} must be true or false, not "${value}"`);
  }
  return value === 'true';
}

function environmentName(node: Node): EnvironmentName {
  const name = text(node, contextKeys.environment);
  const known = environmentNames.find((candidate) => candidate === name);
  if (!known) {
    throw new Error(
      `Pass the environment with -c env=${environmentNames.join('|')} (got ${name ?? 'nothing'})`,
    );
  }
  return known;
}

function domainOverrides(node: Node, defaults: DomainConfig): DomainConfig {
  const siteDomain = text(node, contextKeys.siteDomain) ?? defaults.siteDomain;
  return {
    siteDomain,
    apiDomain:
      text(node, contextKeys.apiDomain) ??
      (siteDomain === defaults.siteDomain ? defaults.apiDomain : `api.${siteDomain}`),
    hostedZoneId: text(node, contextKeys.hostedZoneId) ?? defaults.hostedZoneId,
    hostedZoneName: text(node, contextKeys.hostedZoneName) ?? defaults.hostedZoneName,
    certificateArn: text(node, contextKeys.certificateArn) ?? defaults.certificateArn,
    cloudFrontCertificateArn:
      text(node, contextKeys.cloudFrontCertificateArn) ?? defaults.cloudFrontCertificateArn,
  };
}

function rejectPlaceholders(config: EnvironmentConfig): void {
  const left = Object.entries(config.domain)
    .filter(([, value]) => isPlaceholder(value))
    .map(([key]) => key);
  if (left.length > 0) {
    throw new Error(
      `${config.name}: ${left.join(', ')} still hold placeholders; pass real values with -c key=value ` +
        'or set them in cdk/src/config/environments.ts (see cdk/README.md, "Before the first deploy")',
    );
  }
}

/** The environment chosen with -c env=..., with the operator's -c overrides applied. */
export function settingsFromContext(node: Node): DeploymentSettings {
  const base = environments[environmentName(node)];
  const region = text(node, contextKeys.region) ?? base.region;
  const zoneList = text(node, contextKeys.availabilityZones);
  const availabilityZones = zoneList
    ? zoneList.split(',').map((zone) => zone.trim())
    : region === base.region
      ? base.network.availabilityZones
      : availabilityZonesOf(region, base.network.availabilityZones.length);
  const alertEmail = text(node, contextKeys.alertEmail) ?? base.observability.alertEmail;
  const config: EnvironmentConfig = {
    ...base,
    region,
    network: { ...base.network, availabilityZones },
    domain: domainOverrides(node, base.domain),
    compute: { ...base.compute, tracing: flag(node, contextKeys.tracing) ?? base.compute.tracing },
    observability: { ...base.observability, ...(alertEmail ? { alertEmail } : {}) },
  };
  if (flag(node, contextKeys.strict)) rejectPlaceholders(config);

  const imageTag = text(node, contextKeys.imageTag);
  if (!imageTag || !imageTagPattern.test(imageTag)) {
    throw new Error(
      `Pass the image tag to run with -c imageTag=<tag> (make sets the short git SHA); got ${imageTag ?? 'nothing'}`,
    );
  }
  return { config, imageTag };
}
