import { defaultAlb, managedStores } from '../kubernetes-defaults';
import type { EgressRule } from '../network-types';
import type { Profile } from '../profile';

/** The VPC of the example account; the ALB's nodes and the managed stores live in it. */
const vpc = [{ ipBlock: { cidr: '10.0.0.0/16' } }];
const account = '123456789012';
const region = 'us-east-1';
const httpsAnywhere: EgressRule[] = [
  { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443, protocol: 'TCP' }] },
];

function role(name: string): string {
  return `arn:aws:iam::${account}:role/what-if-prod-${name}`;
}

/**
 * Production on EKS: images from ECR, RDS and ElastiCache in the VPC, DynamoDB through IRSA,
 * secrets from Secrets Manager through the External Secrets Operator, an internet-facing ALB
 * with TLS. The account, region, domain and certificate are placeholders: set yours here
 * (or IMAGE_REGISTRY and IMAGE_TAG in the environment). charts/what-if/values-eks-prod.yaml
 * holds the same settings.
 */
export const eksProfile: Profile = {
  name: 'eks',
  namespace: 'what-if',
  instance: 'what-if',
  image: { registry: `${account}.dkr.ecr.${region}.amazonaws.com`, tag: '' },
  autoscaling: true,
  replicas: {},
  // Pods of a service must land in different zones; a zone without room blocks a new pod
  // rather than stacking two of them in one zone.
  topologySpread: { zone: 'DoNotSchedule', node: 'ScheduleAnyway' },
  aws: {
    identity: 'irsa',
    roleArns: {
      user: role('user'),
      history: role('history'),
      sharing: role('sharing'),
      social: role('social'),
    },
  },
  ingressControllerPeers: vpc,
  metricsScrapers: [],
  stores: {
    kind: 'managed',
    managed: {
      postgres: { ...managedStores.postgres, peers: vpc },
      redis: { ...managedStores.redis, peers: vpc },
      dynamodb: managedStores.dynamodb,
    },
  },
  externalSecrets: {
    apiVersion: 'external-secrets.io/v1',
    refreshInterval: '1h',
    secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
    keyPrefix: 'what-if/prod/',
  },
  ingress: {
    className: 'alb',
    host: 'api.whatif.example.com',
    alb: {
      ...defaultAlb,
      certificateArn: `arn:aws:acm:${region}:${account}:certificate/00000000-0000-0000-0000-000000000000`,
    },
  },
  env: {
    gateway: { CORS_ALLOWED_ORIGINS: 'https://whatif.example.com' },
    user: {
      PUBLIC_APP_URL: 'https://whatif.example.com',
      PUBLIC_API_URL: 'https://api.whatif.example.com',
      MAILER: 'ses',
      MAIL_FROM: 'What If <no-reply@whatif.example.com>',
    },
    history: { DYNAMODB_TABLE_PREFIX: 'whatif-prod-' },
    sharing: { DYNAMODB_TABLE_PREFIX: 'whatif-prod-' },
    social: { DYNAMODB_TABLE_PREFIX: 'whatif-prod-' },
  },
  // Amazon SES (and STS for IRSA) over HTTPS.
  extraEgress: { user: httpsAnywhere },
};
