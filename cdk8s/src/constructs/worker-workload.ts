import {
  type ServiceEntry,
  type WorkerEntry,
  queueWaitList,
  storePorts,
  storeSecretKeys,
  workerScalingBehavior,
} from '@what-if/catalog';
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { configData, secretVariables, workerGracePeriodSeconds } from '../environment';
import { imageTag, serviceImage } from '../images';
import { disruptionBudget } from '../kubernetes-defaults';
import { componentName, metadata, selectorLabels } from '../naming';
import type { Profile } from '../profile';
import { appDeployment, appServiceAccount } from './app-pod';
import { isolatingNetworkPolicy } from './network-policy';
import { backingEgress, dnsEgress } from './service-network-policy';
import { scalingRules } from './service-resilience';

export interface WorkerWorkloadProps {
  profile: Profile;
  entry: ServiceEntry;
  worker: WorkerEntry;
}

/** keda.sh/v1alpha1: the API group of KEDA's ScaledObject and TriggerAuthentication. */
export const kedaApiVersion = 'keda.sh/v1alpha1';

/** The Secret KEDA reads the queue's Redis address and password from, when the stores are managed. */
export function queueSecretName(profile: Profile, worker: WorkerEntry): string {
  return componentName(profile, `${worker.name}-queue`);
}

/**
 * A catalog worker (video's renderer): its service's image, ConfigMap and Secret with the
 * worker's command, port (health and metrics only: no Service, nobody calls it), resources and
 * drain; its own ServiceAccount (and AWS role), PodDisruptionBudget and NetworkPolicy (reached
 * only by metrics scrapers; reaching its service's stores, never another service). It scales on
 * the length of its BullMQ wait list and on CPU with a KEDA ScaledObject when the profile runs
 * KEDA, else on CPU with an HPA. The grace period outlasts the readiness delay and the drain,
 * in which the running render finishes or goes back to the queue.
 */
export class WorkerWorkload extends Construct {
  constructor(scope: Construct, id: string, { profile, entry, worker }: WorkerWorkloadProps) {
    super(scope, id);
    const objectMetadata = metadata(profile, worker.name, imageTag(profile));
    const config = configData(profile, entry);
    const serviceObjects = componentName(profile, entry.name);

    const serviceAccount = appServiceAccount(this, profile, worker.name, objectMetadata);
    const configMap = kplus.ConfigMap.fromConfigMapName(this, 'config', serviceObjects);
    const secret = kplus.Secret.fromSecretName(this, 'secret', serviceObjects);
    const scaled = profile.keda.enabled || profile.autoscaling;
    const deployment = appDeployment(this, {
      profile,
      entry,
      name: worker.name,
      image: serviceImage(profile, entry.name),
      metadata: objectMetadata,
      ...(scaled ? {} : { replicas: profile.replicas[worker.name] ?? worker.scaling.minReplicas }),
      // The service's configuration: the workers roll with the service when it changes.
      config,
      serviceAccount,
      terminationGraceSeconds: workerGracePeriodSeconds(config, worker),
      port: worker.port,
      health: worker.health,
      resources: worker.resources,
      envFrom: [kplus.Env.fromConfigMap(configMap)],
      envVariables: {
        PORT: kplus.EnvValue.fromValue(String(worker.port)),
        SHUTDOWN_TIMEOUT_MS: kplus.EnvValue.fromValue(String(worker.drainSeconds * 1000)),
        ...Object.fromEntries(
          secretVariables(profile, entry).map((variable) => [
            variable.name,
            kplus.EnvValue.fromSecretValue({ secret, key: variable.name }, { optional: variable.optional }),
          ]),
        ),
      },
      // The image's entrypoint (tini) stays; the worker replaces the service's command.
      args: [...worker.command],
      revisionLabel: 'pod-template-hash',
    });
    const deploymentObject = ApiObject.of(deployment);
    // KEDA's HPA owns the replica count (cdk8s-plus drops it only for an HPA of its own).
    if (profile.keda.enabled) deploymentObject.addJsonPatch(JsonPatch.remove('/spec/replicas'));

    if (profile.keda.enabled) this.queueScaling(profile, entry, worker, config);
    else if (profile.autoscaling) {
      new kplus.HorizontalPodAutoscaler(this, 'autoscaler', {
        metadata: objectMetadata,
        target: deployment,
        minReplicas: worker.scaling.minReplicas,
        maxReplicas: worker.scaling.maxReplicas,
        metrics: [
          kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(worker.scaling.targetCpuPercent)),
        ],
        scaleUp: scalingRules(workerScalingBehavior.scaleUp),
        scaleDown: scalingRules(workerScalingBehavior.scaleDown),
      });
    }

    new kplus.k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
      metadata: objectMetadata,
      spec: {
        maxUnavailable: kplus.k8s.IntOrString.fromNumber(disruptionBudget.maxUnavailable),
        unhealthyPodEvictionPolicy: disruptionBudget.unhealthyPodEvictionPolicy,
        selector: { matchLabels: selectorLabels(profile, worker.name) },
      },
    });

    isolatingNetworkPolicy(this, 'network', {
      metadata: objectMetadata,
      podSelector: { matchLabels: selectorLabels(profile, worker.name) },
      ingress:
        profile.metricsScrapers.length > 0
          ? [{ from: profile.metricsScrapers, ports: [{ port: worker.port, protocol: 'TCP' }] }]
          : [],
      egress: [dnsEgress, ...backingEgress(profile, entry, worker.name)],
    });
  }

  /**
   * A ScaledObject on the queue's wait list (jobsPerReplica waiting jobs per replica) and on CPU,
   * the larger winning, within the catalog's bounds. In a cluster with its own Redis, KEDA
   * reaches it by name; with managed stores, it reads the address and password from a Secret that
   * External Secrets fills from the service's REDIS_URL and the AUTH token (or you create).
   */
  private queueScaling(
    profile: Profile,
    entry: ServiceEntry,
    worker: WorkerEntry,
    config: Record<string, string>,
  ): void {
    const objectMetadata = metadata(profile, worker.name, imageTag(profile));
    const inCluster = profile.stores.kind === 'in-cluster';
    const queueSecret = queueSecretName(profile, worker);
    if (!inCluster) {
      if (profile.externalSecrets) {
        const settings = profile.externalSecrets;
        new ApiObject(this, 'queue-secret', {
          apiVersion: settings.apiVersion,
          kind: 'ExternalSecret',
          metadata: { ...objectMetadata, name: queueSecret },
          spec: {
            refreshInterval: settings.refreshInterval,
            secretStoreRef: settings.secretStoreRef,
            target: {
              name: queueSecret,
              creationPolicy: 'Owner',
              template: {
                engineVersion: 'v2',
                // KEDA wants host:port, not the URL the service connects with.
                data: { address: '{{ (urlParse .url).host }}', password: '{{ .authToken }}' },
              },
            },
            data: [
              { secretKey: 'url', remoteRef: { key: `${settings.keyPrefix}${storeSecretKeys.redisUrl}` } },
              {
                secretKey: 'authToken',
                remoteRef: { key: `${settings.keyPrefix}${storeSecretKeys.redisAuthToken}` },
              },
            ],
          },
        });
      }
      new ApiObject(this, 'trigger-authentication', {
        apiVersion: kedaApiVersion,
        kind: 'TriggerAuthentication',
        metadata: objectMetadata,
        spec: {
          secretTargetRef: ['address', 'password'].map((parameter) => ({
            parameter,
            name: queueSecret,
            key: parameter,
          })),
        },
      });
    }
    const redisKeyPrefix = config.REDIS_KEY_PREFIX;
    if (!redisKeyPrefix) throw new Error(`${entry.name} has no REDIS_KEY_PREFIX for ${worker.name}'s queue`);
    new ApiObject(this, 'scaled-object', {
      apiVersion: kedaApiVersion,
      kind: 'ScaledObject',
      metadata: objectMetadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: objectMetadata.name },
        minReplicaCount: worker.scaling.minReplicas,
        maxReplicaCount: worker.scaling.maxReplicas,
        pollingInterval: profile.keda.pollingIntervalSeconds,
        advanced: { horizontalPodAutoscalerConfig: { behavior: structuredClone(workerScalingBehavior) } },
        triggers: [
          {
            type: 'redis',
            metadata: {
              ...(inCluster ? { address: `${componentName(profile, 'redis')}:${storePorts.redis}` } : {}),
              listName: queueWaitList(redisKeyPrefix, worker.queue),
              listLength: String(worker.scaling.jobsPerReplica),
              enableTLS: String(profile.keda.redisTls),
            },
            ...(inCluster ? {} : { authenticationRef: { name: objectMetadata.name } }),
          },
          {
            type: 'cpu',
            metricType: 'Utilization',
            metadata: { value: String(worker.scaling.targetCpuPercent) },
          },
        ],
      },
    });
  }
}
