import {
  type ServiceEntry,
  type WorkerEntry,
  queueWaitList,
  storePorts,
  storeSecretKeys,
  workerScalingBehavior,
} from '@what-if/catalog';
import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  configChecksum,
  configData,
  secretVariables,
  sharedFilesClaim,
  workerGracePeriodSeconds,
} from '../environment';
import { imageTag, serviceImage } from '../images';
import { appUser, devFiles, disruptionBudget, probeTimings } from '../kubernetes-defaults';
import { componentName, metadata, selectorLabels } from '../naming';
import type { Profile } from '../profile';
import { containerSecurityContext, hardenPodTemplate, podSecurityContext } from '../pod-security';
import { isolatingNetworkPolicy } from './network-policy';
import { backingEgress, dnsEgress } from './service-network-policy';
import { scalingRules } from './service-resilience';

export interface WorkerWorkloadProps {
  profile: Profile;
  entry: ServiceEntry;
  worker: WorkerEntry;
}

const appRunAs = { user: appUser, group: appUser };

/** keda.sh/v1alpha1: the API group of KEDA's ScaledObject and TriggerAuthentication. */
export const kedaApiVersion = 'keda.sh/v1alpha1';

/** The Secret KEDA reads the queue's Redis address and password from, when the stores are managed. */
export function queueSecretName(profile: Profile, worker: WorkerEntry): string {
  return componentName(profile, `${worker.name}-queue`);
}

function httpProbe(
  path: string,
  port: number,
  timing: { periodSeconds: number; failureThreshold: number },
): kplus.Probe {
  return kplus.Probe.fromHttpGet(path, {
    port,
    periodSeconds: Duration.seconds(timing.periodSeconds),
    failureThreshold: timing.failureThreshold,
    timeoutSeconds: Duration.seconds(probeTimings.timeoutSeconds),
  });
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

    const roleArn = profile.aws.identity === 'irsa' ? profile.aws.roleArns[worker.name] : undefined;
    const serviceAccount = new kplus.ServiceAccount(this, 'identity', {
      metadata: {
        ...objectMetadata,
        ...(roleArn ? { annotations: { 'eks.amazonaws.com/role-arn': roleArn } } : {}),
      },
      automountToken: false,
    });
    const configMap = kplus.ConfigMap.fromConfigMapName(this, 'config', serviceObjects);
    const secret = kplus.Secret.fromSecretName(this, 'secret', serviceObjects);
    const tmp = kplus.Volume.fromEmptyDir(this, 'tmp', 'tmp', {
      sizeLimit: Size.mebibytes(worker.resources.scratchMiB),
    });
    // On a dev cluster (no S3) the service and its workers share the files of local storage.
    const filesClaim = sharedFilesClaim(profile, entry);
    const files = filesClaim
      ? kplus.Volume.fromPersistentVolumeClaim(
          this,
          'files',
          kplus.PersistentVolumeClaim.fromClaimName(this, 'files-claim', filesClaim),
          { name: 'files' },
        )
      : undefined;
    const scaled = profile.keda.enabled || profile.autoscaling;

    const deployment = new kplus.Deployment(this, 'deployment', {
      metadata: objectMetadata,
      select: false,
      spread: false,
      ...(scaled ? {} : { replicas: profile.replicas[worker.name] ?? worker.scaling.minReplicas }),
      strategy: kplus.DeploymentStrategy.rollingUpdate({
        maxSurge: kplus.PercentOrAbsolute.percent(25),
        maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
      }),
      podMetadata: {
        labels: objectMetadata.labels,
        // The service's configuration: the workers roll with the service when it changes.
        annotations: { 'checksum/config': configChecksum(config) },
      },
      serviceAccount,
      automountServiceAccountToken: false,
      terminationGracePeriod: Duration.seconds(workerGracePeriodSeconds(config, worker)),
      securityContext: podSecurityContext(appRunAs),
      volumes: [tmp, ...(files ? [files] : [])],
      containers: [
        {
          name: worker.name,
          image: serviceImage(profile, entry.name),
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          // The image's entrypoint (tini) stays; the worker replaces the service's command.
          args: [...worker.command],
          ports: [{ name: 'http', number: worker.port, protocol: kplus.Protocol.TCP }],
          envFrom: [kplus.Env.fromConfigMap(configMap)],
          envVariables: {
            PORT: kplus.EnvValue.fromValue(String(worker.port)),
            SHUTDOWN_TIMEOUT_MS: kplus.EnvValue.fromValue(String(worker.drainSeconds * 1000)),
            ...Object.fromEntries(
              secretVariables(profile, entry).map((variable) => [
                variable.name,
                kplus.EnvValue.fromSecretValue(
                  { secret, key: variable.name },
                  { optional: variable.optional },
                ),
              ]),
            ),
          },
          startup: httpProbe(worker.health.live, worker.port, probeTimings.startup),
          liveness: httpProbe(worker.health.live, worker.port, probeTimings.liveness),
          readiness: httpProbe(worker.health.ready, worker.port, probeTimings.readiness),
          resources: {
            cpu: {
              request: kplus.Cpu.millis(worker.resources.cpu.requestMillicores),
              limit: kplus.Cpu.millis(worker.resources.cpu.limitMillicores),
            },
            memory: {
              request: Size.mebibytes(worker.resources.memory.requestMiB),
              limit: Size.mebibytes(worker.resources.memory.limitMiB),
            },
          },
          securityContext: containerSecurityContext(appRunAs),
          volumeMounts: [
            { path: '/tmp', volume: tmp },
            ...(files ? [{ path: devFiles.mountPath, volume: files }] : []),
          ],
        },
      ],
    });
    deployment.select(kplus.LabelSelector.of({ labels: selectorLabels(profile, worker.name) }));
    hardenPodTemplate(deployment, '/spec/template/spec', 1);
    const deploymentObject = ApiObject.of(deployment);
    // KEDA's HPA owns the replica count (cdk8s-plus drops it only for an HPA of its own).
    if (profile.keda.enabled) deploymentObject.addJsonPatch(JsonPatch.remove('/spec/replicas'));
    deploymentObject.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    deploymentObject.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', 5));
    deploymentObject.addJsonPatch(
      JsonPatch.add('/spec/template/spec/topologySpreadConstraints', this.spread(profile, worker.name)),
    );

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

  /** As a service's: one spread over zones and one over nodes, per revision. */
  private spread(profile: Profile, name: string): unknown[] {
    const labelSelector = { matchLabels: selectorLabels(profile, name) };
    return [
      ['topology.kubernetes.io/zone', profile.topologySpread.zone],
      ['kubernetes.io/hostname', profile.topologySpread.node],
    ].map(([topologyKey, whenUnsatisfiable]) => ({
      labelSelector,
      matchLabelKeys: ['pod-template-hash'],
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable,
    }));
  }
}
