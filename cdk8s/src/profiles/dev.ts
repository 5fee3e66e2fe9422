import { services } from '@what-if/catalog';
import { defaultAlb, defaultKeda, defaultRollouts, outboundHttpsPeers } from '../kubernetes-defaults';
import type { Profile } from '../profile';

/**
 * A development cluster (kind, minikube): the whole stack with in-cluster PostgreSQL, Redis and
 * DynamoDB Local, one replica per service, images from a local registry (localhost:5001), and an
 * ingress-nginx Ingress. charts/what-if/values-dev.yaml holds the same settings.
 */
export const devProfile: Profile = {
  name: 'dev',
  namespace: 'what-if',
  instance: 'what-if',
  image: { registry: 'localhost:5001', tag: '' },
  images: {},
  rollouts: defaultRollouts,
  keda: defaultKeda,
  monitoring: {},
  // One replica of each service fits a laptop; the HPAs would only add noise.
  autoscaling: false,
  replicas: Object.fromEntries(
    services
      .flatMap((entry) => [entry.name, ...(entry.workers ?? []).map((worker) => worker.name)])
      .map((name) => [name, 1]),
  ),
  topologySpread: { zone: 'ScheduleAnyway', node: 'ScheduleAnyway' },
  aws: { identity: 'none', roleArns: {} },
  ingressControllerPeers: [
    { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
  ],
  metricsScrapers: [],
  outboundHttpsPeers,
  stores: { kind: 'in-cluster' },
  ingress: { className: 'nginx', host: '', alb: defaultAlb },
  env: {
    // No signing key is committed anywhere; one replica signs with a key it makes at start.
    user: { JWT_ALLOW_EPHEMERAL_KEY: 'true' },
  },
  extraEgress: {},
};
