import type { KubernetesObject } from './manifests';

/**
 * The fields that decide what runs and who may talk to whom, per kind, for comparing the
 * chart's objects with cdk8s's. Left out on purpose: labels each tool stamps with its own
 * name (app.kubernetes.io/managed-by, helm.sh/chart) and fields one of them spells out at
 * their API default (cdk8s-plus writes dnsPolicy, restartPolicy, minReadySeconds and the like).
 */

const toolLabels = ['app.kubernetes.io/managed-by', 'helm.sh/chart'];
/** Annotations only Helm reads: the chart keeps the namespace on uninstall. */
const toolAnnotations = ['helm.sh/resource-policy'];

function withoutToolLabels(labels: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(labels ?? {}).filter(([key]) => !toolLabels.includes(key)));
}

function pick(object: KubernetesObject | undefined, keys: readonly string[]): KubernetesObject {
  return Object.fromEntries(
    keys.filter((key) => object?.[key] !== undefined).map((key) => [key, object![key]]),
  );
}

const containerFields = [
  'name',
  'image',
  'imagePullPolicy',
  'args',
  'command',
  'ports',
  'env',
  'envFrom',
  'startupProbe',
  'livenessProbe',
  'readinessProbe',
  'resources',
  'securityContext',
  'volumeMounts',
];

const podFields = [
  'serviceAccountName',
  'automountServiceAccountToken',
  'enableServiceLinks',
  'terminationGracePeriodSeconds',
  'securityContext',
  'topologySpreadConstraints',
  'volumes',
];

function deployment(object: KubernetesObject): KubernetesObject {
  const pod = object.spec.template.spec;
  return {
    replicas: object.spec.replicas,
    revisionHistoryLimit: object.spec.revisionHistoryLimit,
    selector: object.spec.selector,
    strategy: object.spec.strategy,
    podLabels: withoutToolLabels(object.spec.template.metadata.labels),
    podAnnotations: object.spec.template.metadata.annotations,
    pod: pick(pod, podFields),
    containers: pod.containers.map((container: KubernetesObject) => pick(container, containerFields)),
  };
}

const projections: Record<string, (object: KubernetesObject) => unknown> = {
  Deployment: deployment,
  Rollout: deployment,
  AnalysisTemplate: (object) => object.spec,
  Namespace: () => ({}),
  ClusterSecretStore: (object) => object.spec,
  Service: (object) => pick(object.spec, ['type', 'selector', 'ports']),
  HorizontalPodAutoscaler: (object) => object.spec,
  PodDisruptionBudget: (object) => object.spec,
  NetworkPolicy: (object) => object.spec,
  ConfigMap: (object) => object.data,
  Secret: (object) => pick(object, ['type', 'data', 'stringData']),
  ServiceAccount: (object) => pick(object, ['automountServiceAccountToken']),
  Ingress: (object) => object.spec,
  ExternalSecret: (object) => object.spec,
  ScaledObject: (object) => object.spec,
  PersistentVolumeClaim: (object) => object.spec,
  TriggerAuthentication: (object) => object.spec,
  PodMonitor: (object) => object.spec,
  PrometheusRule: (object) => object.spec,
};

/** What must agree between the two paths for one object, with its metadata that matters. */
export function essentials(object: KubernetesObject): unknown {
  const projection = projections[object.kind];
  if (!projection) throw new Error(`No essentials defined for ${object.kind}`);
  return {
    apiVersion: object.apiVersion,
    namespace: object.metadata.namespace,
    labels: withoutToolLabels(object.metadata.labels),
    annotations: Object.fromEntries(
      Object.entries(object.metadata.annotations ?? {}).filter(([key]) => !toolAnnotations.includes(key)),
    ),
    spec: projection(object),
  };
}
