import { services } from '@what-if/catalog';
import {
  defaultAlb,
  defaultKeda,
  defaultRollouts,
  managedStores,
  outboundHttpsPeers,
} from '../kubernetes-defaults';
import type { Profile } from '../profile';

/** The placeholders of cdk/'s prod environment: account, region, domain; set yours. */
const account = '123456789012';
const region = 'us-east-1';
const site = 'whatif.example.com';
const apiHost = `eks-api.${site}`;
/** The prod VPC (cdk/'s network stack): the ALB's nodes and the managed stores live in it. */
const vpc = [{ ipBlock: { cidr: '10.30.0.0/16' } }];
const dynamo = { AWS_REGION: region, DYNAMODB_TABLE_PREFIX: 'whatif-prod-' };
/** The services and workers with an IAM role: those that call AWS APIs in prod (DynamoDB, SES, Bedrock, S3). */
const withRoles: readonly string[] = [
  'user',
  'generation',
  'history',
  'sharing',
  'video',
  'video-worker',
  'social',
];

/**
 * Production on EKS, sharing the ECS stacks' AWS resources: images from their ECR
 * repositories, RDS, ElastiCache and DynamoDB from the data stack, secrets in their layout
 * through the External Secrets Operator, EKS Pod Identity roles, an internet-facing ALB with
 * TLS, WAF and access logs. charts/what-if/values-eks-prod.yaml holds the same settings.
 */
export const eksProfile: Profile = {
  name: 'eks',
  namespace: 'what-if',
  instance: 'what-if',
  image: { registry: `${account}.dkr.ecr.${region}.amazonaws.com`, tag: '' },
  images: Object.fromEntries(
    services.map((entry) => [entry.name, { repository: `whatif-prod/${entry.name}` }]),
  ),
  rollouts: defaultRollouts,
  // ElastiCache encrypts in transit; KEDA itself stays off until the cluster runs it (keda.enabled).
  keda: { ...defaultKeda, redisTls: true },
  // kube-prometheus-stack installed as release kube-prometheus-stack in namespace monitoring.
  monitoring: {
    podMonitor: { interval: '30s', labels: { release: 'kube-prometheus-stack' } },
    prometheusRule: { labels: { release: 'kube-prometheus-stack' } },
  },
  autoscaling: true,
  replicas: {},
  // Pods of a service must land in different zones; a zone without room blocks a new pod
  // rather than stacking two of them in one zone.
  topologySpread: { zone: 'DoNotSchedule', node: 'ScheduleAnyway' },
  aws: {
    identity: 'pod-identity',
    roleArns: Object.fromEntries(
      withRoles.map((name) => [name, `arn:aws:iam::${account}:role/whatif-prod-eks-${name}`]),
    ),
  },
  ingressControllerPeers: vpc,
  metricsScrapers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
  outboundHttpsPeers,
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
    keyPrefix: 'whatif/prod/',
    clusterSecretStore: { region },
  },
  ingress: {
    className: 'alb',
    host: apiHost,
    alb: {
      ...defaultAlb,
      certificateArn: `arn:aws:acm:${region}:${account}:certificate/00000000-0000-0000-0000-000000000000`,
      wafv2AclArn: `arn:aws:wafv2:${region}:${account}:regional/webacl/whatif-prod-eks/00000000-0000-0000-0000-000000000000`,
      accessLogs: { bucket: `whatif-prod-eks-access-logs-${account}-${region}`, prefix: 'eks-alb' },
    },
  },
  env: {
    gateway: { CORS_ALLOWED_ORIGINS: `https://${site}` },
    user: {
      AWS_REGION: region,
      PUBLIC_APP_URL: `https://${site}`,
      PUBLIC_API_URL: `https://${apiHost}`,
      MAILER: 'ses',
      MAIL_FROM: `What If <no-reply@${site}>`,
    },
    generation: {
      GENERATION_PROVIDERS: 'bedrock,local',
      BEDROCK_REGION: region,
      BEDROCK_MODEL_ID: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
    },
    history: dynamo,
    // Share links open where the ingress serves /s; their pages link into the web app.
    sharing: { ...dynamo, PUBLIC_API_URL: `https://${apiHost}`, PUBLIC_APP_URL: `https://${site}` },
    // The data stack's video bucket (cdk/'s naming: whatif-<env>-videos-<account>-<region>).
    video: {
      ...dynamo,
      VIDEO_STORAGE: 's3',
      VIDEO_BUCKET: `whatif-prod-videos-${account}-${region}`,
      PUBLIC_APP_URL: `https://${site}`,
    },
    social: dynamo,
  },
  extraEgress: {},
};
