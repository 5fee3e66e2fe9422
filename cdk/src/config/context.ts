import type { ServiceName } from '@what-if/catalog';
import type { Node } from 'constructs';
import {
  environmentNames,
  type DeliveryConfig,
  type DomainConfig,
  type EksConfig,
  type EnvironmentConfig,
  type EnvironmentName,
  type ScenarioConfig,
} from './environment-config';
import { availabilityZonesOf, environments } from './environments';
import { isPlaceholder } from './placeholders';
import { imageDigestsFrom } from './pushed-images';

/** Everything one synthesis needs: the environment's configuration and the image tag to run. */
export interface DeploymentSettings {
  readonly config: EnvironmentConfig;
  readonly imageTag: string;
  /**
   * Each service's image digest at imageTag, from make images' images.tsv (-c imageDigests=<file>,
   * which make deploy-ecs passes): the task definitions then pin them. Absent: the tag alone.
   */
  readonly imageDigests?: Readonly<Record<ServiceName, string>>;
  /** Whether to build the EKS prerequisites stack too (-c eks=true: make deploy-eks-prereqs). */
  readonly eks: boolean;
}

/** Context keys an operator may pass with -c key=value; cdk/README.md documents each. */
export const contextKeys = {
  environment: 'env',
  imageTag: 'imageTag',
  imageDigests: 'imageDigests',
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
  bedrockModelId: 'bedrockModelId',
  scenarioProviders: 'scenarioProviders',
  githubRepository: 'githubRepository',
  githubOidcProvider: 'githubOidcProvider',
  eks: 'eks',
  eksClusterName: 'eksClusterName',
  eksClusterSecurityGroupId: 'eksClusterSecurityGroupId',
  eksApiDomain: 'eksApiDomain',
  eksRollouts: 'eksRollouts',
  eksKeda: 'eksKeda',
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

/** The Bedrock inference-profile geography a region belongs to: us., eu., jp., au., ca. or apac. */
export function profileGeography(region: string): string {
  if (region.startsWith('us-')) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  if (region.startsWith('ca-')) return 'ca';
  if (region === 'ap-northeast-1' || region === 'ap-northeast-3') return 'jp';
  if (region === 'ap-southeast-2' || region === 'ap-southeast-4') return 'au';
  return 'apac';
}

const geographyPrefix = /^(us|eu|apac|jp|au|ca)\./;

/**
 * Bedrock's model for the scenarios, and whether to use it at all, from -c. A geography's
 * inference profile is offered only in that geography's regions: the default follows the
 * region (us. becomes eu. in eu-west-1); a model given with -c must already match.
 */
function scenarioOverrides(node: Node, base: EnvironmentConfig, region: string): ScenarioConfig {
  const providers = text(node, contextKeys.scenarioProviders) ?? base.scenarios.providers;
  if (providers !== 'bedrock,local' && providers !== 'local') {
    throw new Error(
      `Context ${contextKeys.scenarioProviders} must be bedrock,local or local, not "${providers}"`,
    );
  }
  const given = text(node, contextKeys.bedrockModelId);
  const wanted = profileGeography(region);
  if (!given) {
    const bedrockModelId = base.scenarios.bedrockModelId.replace(geographyPrefix, `${wanted}.`);
    return { providers, bedrockModelId };
  }
  const geography = geographyPrefix.exec(given)?.[1];
  const inGeography =
    !geography || geography === wanted || (geography === 'apac' && ['jp', 'au'].includes(wanted));
  if (providers === 'bedrock,local' && !inGeography) {
    throw new Error(
      `Bedrock model ${given} is a ${geography}. inference profile, not offered in ${region}: ` +
        `pass -c ${contextKeys.bedrockModelId}= with the model's ${wanted}. (or global.) profile`,
    );
  }
  return { providers, bedrockModelId: given };
}

function deliveryOverrides(node: Node, defaults: DeliveryConfig): DeliveryConfig {
  const githubRepository = text(node, contextKeys.githubRepository) ?? defaults.githubRepository;
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(githubRepository)) {
    throw new Error(`Context ${contextKeys.githubRepository} must be owner/name, not "${githubRepository}"`);
  }
  const githubOidcProvider = text(node, contextKeys.githubOidcProvider) ?? defaults.githubOidcProvider;
  if (githubOidcProvider !== 'create' && githubOidcProvider !== 'existing') {
    throw new Error(
      `Context ${contextKeys.githubOidcProvider} must be create or existing, not "${githubOidcProvider}"`,
    );
  }
  return { ...defaults, githubRepository, githubOidcProvider };
}

function eksOverrides(
  node: Node,
  base: EksConfig,
  domain: DomainConfig,
  baseDomain: DomainConfig,
): EksConfig {
  return {
    ...base,
    clusterName: text(node, contextKeys.eksClusterName) ?? base.clusterName,
    clusterSecurityGroupId: text(node, contextKeys.eksClusterSecurityGroupId) ?? base.clusterSecurityGroupId,
    // Follows the API's domain when only that is overridden, as apiDomain follows siteDomain.
    apiDomain:
      text(node, contextKeys.eksApiDomain) ??
      (domain.apiDomain === baseDomain.apiDomain ? base.apiDomain : `eks-${domain.apiDomain}`),
    rollouts: flag(node, contextKeys.eksRollouts) ?? base.rollouts,
    keda: flag(node, contextKeys.eksKeda) ?? base.keda,
  };
}

function rejectPlaceholders(config: EnvironmentConfig, eks: boolean): void {
  const eksValues = eks
    ? Object.entries({
        eksClusterSecurityGroupId: config.eks.clusterSecurityGroupId,
        eksApiDomain: config.eks.apiDomain,
      })
    : [];
  const left = [
    ...Object.entries({ ...config.domain, githubRepository: config.delivery.githubRepository }),
    ...eksValues,
  ]
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
  const domain = domainOverrides(node, base.domain);
  const config: EnvironmentConfig = {
    ...base,
    region,
    network: { ...base.network, availabilityZones },
    domain,
    eks: eksOverrides(node, base.eks, domain, base.domain),
    compute: { ...base.compute, tracing: flag(node, contextKeys.tracing) ?? base.compute.tracing },
    scenarios: scenarioOverrides(node, base, region),
    observability: { ...base.observability, ...(alertEmail ? { alertEmail } : {}) },
    delivery: deliveryOverrides(node, base.delivery),
  };
  const eks = flag(node, contextKeys.eks) ?? false;
  if (flag(node, contextKeys.strict)) rejectPlaceholders(config, eks);

  const imageTag = text(node, contextKeys.imageTag);
  if (!imageTag || !imageTagPattern.test(imageTag)) {
    throw new Error(
      `Pass the image tag to run with -c imageTag=<tag> (make sets the short git SHA); got ${imageTag ?? 'nothing'}`,
    );
  }
  const digestsFile = text(node, contextKeys.imageDigests);
  const imageDigests = digestsFile ? imageDigestsFrom(digestsFile, imageTag) : undefined;
  return { config, imageTag, eks, ...(imageDigests ? { imageDigests } : {}) };
}
