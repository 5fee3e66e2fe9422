import { storePorts } from '@what-if/catalog';
import type { AlbSettings, KedaSettings, ManagedStore, RolloutSettings } from './profile';

/**
 * Kubernetes settings of the cdk8s app that are not facts of a service (those are in the
 * catalog). The chart's values.yaml has the same defaults (tools/src/generate/helm-*.ts); the
 * equivalence test fails when the two disagree.
 */

/** The images run as the node user of the official Node image (see the Dockerfile). */
export const appUser = 1000;

export const privateNetworks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((cidr) => ({
  ipBlock: { cidr },
}));

export const managedStores: Record<'postgres' | 'redis' | 'dynamodb', ManagedStore> = {
  postgres: { port: storePorts.postgres, peers: privateNetworks },
  redis: { port: storePorts.redis, peers: privateNetworks },
  dynamodb: { port: 443, peers: [{ ipBlock: { cidr: '0.0.0.0/0' } }] },
};

export const defaultAlb: AlbSettings = {
  scheme: 'internet-facing',
  certificateArn: '',
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  groupName: '',
  wafv2AclArn: '',
  accessLogs: { bucket: '', prefix: '' },
  idleTimeoutSeconds: 60,
};

/** Anywhere: a remote AI provider or Amazon SES, for a service whose configuration calls one. */
export const outboundHttpsPeers = [{ ipBlock: { cidr: '0.0.0.0/0' } }];

/** Rollouts off, with the chart's defaults for when a profile turns them on. */
export const defaultRollouts: RolloutSettings = {
  enabled: false,
  scaleDownDelaySeconds: 600,
  controllerPeers: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'argo-rollouts' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argo-rollouts' } },
    },
  ],
  analysis: {
    interval: '10s',
    count: 3,
    consecutiveErrorLimit: 2,
    timeoutSeconds: 5,
    unifiedHealthPath: '/health',
  },
};

/** KEDA off, with the chart's defaults for when a profile turns it on. */
export const defaultKeda: KedaSettings = {
  enabled: false,
  pollingIntervalSeconds: 15,
  redisTls: false,
  operatorPeers: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'keda' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'keda-operator' } },
    },
  ],
};

/**
 * The dev stores' shared files: a PersistentVolumeClaim the video API and its worker both mount,
 * as docker-compose.yml's volume, where local storage (no S3 there) keeps the rendered videos.
 */
export const devFiles = { mountPath: '/var/lib/what-if/files', size: '1Gi' } as const;

/** Cluster DNS: CoreDNS in kube-system, as EKS, kind and kubeadm clusters label it. */
export const dnsPeers = [
  {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  },
];

/** The margin after the service's own shutdown (readiness delay plus drain) before SIGKILL. */
export const shutdownMarginSeconds = 5;

/** Probe timings: startup allows two minutes (migrations run at start). */
export const probeTimings = {
  startup: { periodSeconds: 2, failureThreshold: 60 },
  liveness: { periodSeconds: 10, failureThreshold: 3 },
  readiness: { periodSeconds: 5, failureThreshold: 2 },
  timeoutSeconds: 2,
} as const;

export const disruptionBudget = { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' } as const;
