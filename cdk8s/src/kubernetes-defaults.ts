import { type ServiceName, storePorts, trustedProxyCount } from '@what-if/catalog';
import type { AlbSettings, ManagedStore } from './profile';

/**
 * The defaults the chart's values.yaml also has (tools/src/generate/helm-*.ts); the
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
  idleTimeoutSeconds: 60,
};

/** Cluster DNS: CoreDNS in kube-system, as EKS, kind and kubeadm clusters label it. */
export const dnsPeers = [
  {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  },
];

/**
 * Where Kubernetes env defaults differ from a laptop's: a production build, DynamoDB's regional
 * endpoint, and one proxy in front of the gateway (the ALB, or ingress-nginx, which appends or
 * sets one X-Forwarded-For entry just the same); put a CDN in front and add one.
 */
export const kubernetesEnvDefaults: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  DYNAMODB_ENDPOINT: '',
  TRUSTED_PROXY_COUNT: String(trustedProxyCount('eks-alb')),
};

/** /tmp is the only writable path; video renders there before uploading. */
export function tmpSizeMiB(name: ServiceName): number {
  return name === 'video' ? 1024 : 256;
}

/** The margin after the service's own shutdown (readiness delay plus drain) before SIGKILL. */
export const shutdownMarginSeconds = 5;

/** Probe timings: startup allows two minutes (migrations run at start). */
export const probeTimings = {
  startup: { periodSeconds: 2, failureThreshold: 60 },
  liveness: { periodSeconds: 10, failureThreshold: 3 },
  readiness: { periodSeconds: 5, failureThreshold: 2 },
  timeoutSeconds: 2,
} as const;

/** Scale up fast (doubling within 30 s), scale down slowly (half at most, a minute per step, after five calm minutes). */
export const scalingBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 30 },
      { type: 'Pods', value: 4, periodSeconds: 30 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }],
  },
} as const;

export const disruptionBudget = { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' } as const;
