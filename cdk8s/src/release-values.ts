import { services, type ServiceName } from '@what-if/catalog';
import type { PolicyPeer } from './network-types';
import type { Profile } from './profile';

interface ServiceReleaseValues {
  image?: { repository?: string; digest?: string };
  env?: Record<string, string>;
  awsRoleArn?: string;
  workers?: Record<string, { awsRoleArn?: string }>;
}

/**
 * The chart values `make deploy-eks` renders for one environment (cdk/src/eks/eks-values.ts),
 * which `make k8s-synth PROFILE=eks RELEASE_VALUES=<file>` applies to the profile the same way
 * Helm lays them over values-eks-prod.yaml, so `kubectl apply` deploys what Helm would.
 */
export interface ReleaseValues {
  global?: { image?: { registry?: string; tag?: string } };
  rollouts?: { enabled?: boolean };
  keda?: { enabled?: boolean };
  networkPolicy?: { ingressControllerPeers?: PolicyPeer[] };
  stores?: { postgres?: { peers?: PolicyPeer[] }; redis?: { peers?: PolicyPeer[] } };
  externalSecrets?: { keyPrefix?: string; clusterSecretStore?: { create?: boolean; region?: string } };
  ingress?: {
    host?: string;
    alb?: {
      certificateArn?: string;
      wafv2AclArn?: string;
      accessLogs?: { bucket?: string; prefix?: string };
    };
  };
  services?: Partial<Record<ServiceName, ServiceReleaseValues>>;
}

const allowedKeys: Record<string, readonly string[]> = {
  '': ['global', 'rollouts', 'keda', 'networkPolicy', 'stores', 'externalSecrets', 'ingress', 'services'],
  global: ['image'],
  'global.image': ['registry', 'tag'],
  rollouts: ['enabled'],
  keda: ['enabled'],
  networkPolicy: ['ingressControllerPeers'],
  stores: ['postgres', 'redis'],
  'stores.postgres': ['peers'],
  'stores.redis': ['peers'],
  externalSecrets: ['keyPrefix', 'clusterSecretStore'],
  'externalSecrets.clusterSecretStore': ['create', 'region'],
  ingress: ['host', 'alb'],
  'ingress.alb': ['certificateArn', 'wafv2AclArn', 'accessLogs'],
  'ingress.alb.accessLogs': ['bucket', 'prefix'],
  services: services.map((entry) => entry.name),
  service: ['image', 'env', 'awsRoleArn', 'workers'],
  'service.image': ['repository', 'digest'],
  'service.workers': services.flatMap((entry) => (entry.workers ?? []).map((worker) => worker.name)),
  worker: ['awsRoleArn'],
};

/** Refuses a value cdk8s would silently ignore: the two paths must not drift apart quietly. */
function checkKeys(value: unknown, shape: string, where: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const allowed = allowedKeys[shape];
  if (!allowed) return;
  for (const [key, child] of Object.entries(value)) {
    const path = where ? `${where}.${key}` : key;
    if (!allowed.includes(key)) {
      throw new Error(
        `Release values: cdk8s does not apply ${path} (it applies ${allowed.join(', ')} there)`,
      );
    }
    const childShape =
      shape === 'services'
        ? 'service'
        : shape === 'service.workers'
          ? 'worker'
          : shape
            ? `${shape}.${key}`
            : key;
    checkKeys(child, childShape, path);
  }
}

/** The profile with an environment's release values laid over it, as Helm merges values files. */
export function withReleaseValues(profile: Profile, values: ReleaseValues): Profile {
  checkKeys(values, '', '');
  const alb = values.ingress?.alb;
  const managed = profile.stores.kind === 'managed' ? profile.stores.managed : undefined;
  const serviceValues = Object.entries(values.services ?? {}) as [ServiceName, ServiceReleaseValues][];
  const store = (kind: 'postgres' | 'redis') => ({
    ...managed![kind],
    peers: values.stores?.[kind]?.peers ?? managed![kind].peers,
  });
  return {
    ...profile,
    image: {
      registry: values.global?.image?.registry ?? profile.image.registry,
      tag: values.global?.image?.tag ?? profile.image.tag,
    },
    images: {
      ...profile.images,
      ...Object.fromEntries(
        serviceValues
          .filter(([, service]) => service.image)
          .map(([name, service]) => [name, { ...profile.images[name], ...service.image }]),
      ),
    },
    rollouts: { ...profile.rollouts, enabled: values.rollouts?.enabled ?? profile.rollouts.enabled },
    keda: { ...profile.keda, enabled: values.keda?.enabled ?? profile.keda.enabled },
    aws: {
      ...profile.aws,
      roleArns: {
        ...profile.aws.roleArns,
        ...Object.fromEntries(
          serviceValues
            .filter(([, service]) => service.awsRoleArn)
            .map(([name, service]) => [name, service.awsRoleArn]),
        ),
        ...Object.fromEntries(
          serviceValues.flatMap(([, service]) =>
            Object.entries(service.workers ?? {})
              .filter(([, worker]) => worker.awsRoleArn)
              .map(([name, worker]) => [name, worker.awsRoleArn]),
          ),
        ),
      },
    },
    ingressControllerPeers: values.networkPolicy?.ingressControllerPeers ?? profile.ingressControllerPeers,
    stores: managed
      ? { kind: 'managed', managed: { ...managed, postgres: store('postgres'), redis: store('redis') } }
      : profile.stores,
    externalSecrets: profile.externalSecrets && {
      ...profile.externalSecrets,
      keyPrefix: values.externalSecrets?.keyPrefix ?? profile.externalSecrets.keyPrefix,
      clusterSecretStore:
        values.externalSecrets?.clusterSecretStore?.create === false
          ? undefined
          : values.externalSecrets?.clusterSecretStore?.region
            ? { region: values.externalSecrets.clusterSecretStore.region }
            : profile.externalSecrets.clusterSecretStore,
    },
    ingress: {
      ...profile.ingress,
      host: values.ingress?.host ?? profile.ingress.host,
      alb: {
        ...profile.ingress.alb,
        certificateArn: alb?.certificateArn ?? profile.ingress.alb.certificateArn,
        wafv2AclArn: alb?.wafv2AclArn ?? profile.ingress.alb.wafv2AclArn,
        accessLogs: { ...profile.ingress.alb.accessLogs, ...alb?.accessLogs },
      },
    },
    env: {
      ...profile.env,
      ...Object.fromEntries(
        serviceValues
          .filter(([, service]) => service.env)
          .map(([name, service]) => [name, { ...profile.env[name], ...service.env }]),
      ),
    },
  };
}
