import type { ServiceName, StoreKind } from '@what-if/catalog';
import type { EgressRule, PolicyPeer } from './network-types';

export type ProfileName = 'eks' | 'dev';

export type WhenUnsatisfiable = 'DoNotSchedule' | 'ScheduleAnyway';

/** Where a managed store answers, for its egress rule. */
export interface ManagedStore {
  port: number;
  peers: PolicyPeer[];
}

export interface AlbSettings {
  scheme: 'internet-facing' | 'internal';
  /** ACM certificate; empty serves HTTP only. */
  certificateArn: string;
  sslPolicy: string;
  groupName: string;
  wafv2AclArn: string;
  /** S3 access logs; an empty bucket logs nothing. */
  accessLogs: { bucket: string; prefix: string };
  idleTimeoutSeconds: number;
}

export interface ExternalSecretsSettings {
  apiVersion: 'external-secrets.io/v1' | 'external-secrets.io/v1beta1';
  refreshInterval: string;
  secretStoreRef: { kind: 'SecretStore' | 'ClusterSecretStore'; name: string };
  /** Each variable comes from <keyPrefix><key> of the catalog's secret layout (whatif/<env>/, as ECS). */
  keyPrefix: string;
  /** The ClusterSecretStore itself, for AWS Secrets Manager in this region; undefined when it exists already. */
  clusterSecretStore?: { region: string };
}

/** rollouts.*: blue-green with Argo Rollouts instead of Deployments. */
export interface RolloutSettings {
  enabled: boolean;
  scaleDownDelaySeconds: number;
  /** Where the Argo Rollouts controller runs; it measures the analyses. */
  controllerPeers: PolicyPeer[];
  analysis: {
    interval: string;
    count: number;
    consecutiveErrorLimit: number;
    timeoutSeconds: number;
    unifiedHealthPath: string;
  };
}

/** keda.*: the workers scale on their queue with KEDA instead of a CPU HPA. */
export interface KedaSettings {
  enabled: boolean;
  /** How often KEDA reads the queue. */
  pollingIntervalSeconds: number;
  /** Connect to Redis over TLS (ElastiCache encrypts in transit). */
  redisTls: boolean;
  /** Where the KEDA operator runs: it reads the queue, so an in-cluster Redis admits it. */
  operatorPeers: PolicyPeer[];
}

/** monitoring.*: the Prometheus Operator objects; undefined leaves one out (its enabled: false). */
export interface MonitoringSettings {
  podMonitor?: { interval: string; labels: Record<string, string> };
  prometheusRule?: { labels: Record<string, string> };
}

/**
 * One environment's settings: everything the manifests take that the catalog does not say.
 * The chart's values files for the same environment hold the same settings (a test checks
 * that both paths render the same objects), under the names in the comments.
 */
export interface Profile {
  name: ProfileName;
  /** The namespace the manifests create and fill (helm's --namespace). */
  namespace: string;
  /** app.kubernetes.io/instance and the prefix of every name (helm's release name). */
  instance: string;
  /** global.image */
  image: { registry: string; tag: string };
  /** services.<name>.image.{repository,digest}: where one service's image differs from <registry>/what-if/<service> */
  images: Partial<Record<ServiceName, { repository?: string; digest?: string }>>;
  /** rollouts */
  rollouts: RolloutSettings;
  /** keda */
  keda: KedaSettings;
  /** monitoring */
  monitoring: MonitoringSettings;
  /**
   * autoscaling.enabled; when off each service (and worker, unless KEDA scales it) runs
   * `replicas` (default: the catalog minimum). Keyed by service or worker name.
   */
  autoscaling: boolean;
  replicas: Partial<Record<string, number>>;
  /** topologySpread.{zone,node}WhenUnsatisfiable */
  topologySpread: { zone: WhenUnsatisfiable; node: WhenUnsatisfiable };
  /** aws.identity and services.<name>.awsRoleArn (services.<name>.workers.<worker>.awsRoleArn for a worker) */
  aws: { identity: 'none' | 'irsa' | 'pod-identity'; roleArns: Partial<Record<string, string>> };
  /** networkPolicy.ingressControllerPeers and metricsScrapers */
  ingressControllerPeers: PolicyPeer[];
  metricsScrapers: PolicyPeer[];
  /** networkPolicy.outboundHttpsPeers */
  outboundHttpsPeers: PolicyPeer[];
  /** stores (managed) or devStores.enabled (in the cluster) */
  stores: { kind: 'managed'; managed: Record<StoreKind, ManagedStore> } | { kind: 'in-cluster' };
  /** externalSecrets; undefined when the Secrets come from elsewhere */
  externalSecrets?: ExternalSecretsSettings;
  /** ingress.className, ingress.host and ingress.alb (used when the class is alb) */
  ingress: { className: string; host: string; alb: AlbSettings };
  /** services.<name>.env: overrides of the Kubernetes defaults */
  env: Partial<Record<ServiceName, Record<string, string>>>;
  /** services.<name>.extraEgress */
  extraEgress: Partial<Record<ServiceName, EgressRule[]>>;
}
