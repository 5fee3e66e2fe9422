import type { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const environmentNames = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof environmentNames)[number];

export interface NetworkConfig {
  /** Distinct per environment, so environments can be peered later without renumbering. */
  readonly cidr: string;
  /** Named, not looked up: synthesis never needs an AWS account. */
  readonly availabilityZones: readonly string[];
  /** One per AZ survives the loss of an AZ; one in total is the cheap choice for dev. */
  readonly natGateways: number;
}

export interface DatabaseConfig {
  /** An RDS instance type without the "db." prefix, e.g. t4g.micro. */
  readonly instanceType: string;
  readonly allocatedStorageGiB: number;
  /** Storage autoscaling ceiling. */
  readonly maxAllocatedStorageGiB: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  /** A read replica in another AZ, for reporting and as a promotable copy. */
  readonly readReplica: boolean;
  readonly credentialRotationDays: number;
}

export interface RedisConfig {
  /** An ElastiCache node type, e.g. cache.t4g.micro. */
  readonly nodeType: string;
  /** Replicas of the one shard; at least one is needed for Multi-AZ automatic failover. */
  readonly replicas: number;
  readonly multiAz: boolean;
  readonly snapshotRetentionDays: number;
}

export interface AutoscaledCapacity {
  readonly min: number;
  readonly max: number;
}

export type DynamoCapacity =
  | { readonly mode: 'on-demand' }
  | {
      readonly mode: 'provisioned';
      readonly read: AutoscaledCapacity;
      readonly write: AutoscaledCapacity;
      readonly targetUtilizationPercent: number;
    };

export interface DynamoConfig {
  readonly capacity: DynamoCapacity;
  readonly deletionProtection: boolean;
}

/**
 * How each service's tasks are spread over Fargate and Fargate Spot: `onDemandBase` tasks
 * always run on Fargate, the rest are split by weight.
 */
export interface CapacitySplit {
  readonly onDemandBase: number;
  readonly onDemandWeight: number;
  readonly spotWeight: number;
}

export interface ComputeConfig {
  readonly capacity: CapacitySplit;
  /** ECS Exec (a shell in a running task) for debugging; off in production. */
  readonly execCommand: boolean;
  /** An AWS Distro for OpenTelemetry collector beside each service, exporting traces to X-Ray. */
  readonly tracing: boolean;
}

export interface EdgeConfig {
  /** AWS WAF rate rule: requests one client IP may send in any 5-minute window. */
  readonly requestsPerIpPer5Minutes: number;
  /** How long the old (blue) gateway tasks stay ready for an instant rollback after traffic moved. */
  readonly blueGreenBakeMinutes: number;
  /** Who may reach the blue-green test listener besides the VPC (whose traffic leaves through the NAT gateways). */
  readonly testListenerCidrs: readonly string[];
  readonly loadBalancerDeletionProtection: boolean;
}

export interface DomainConfig {
  /** Where users load the web app (CloudFront). */
  readonly siteDomain: string;
  /** Where the API answers (the ALB); also CloudFront's origin for /api/* and /s/*. */
  readonly apiDomain: string;
  readonly hostedZoneId: string;
  readonly hostedZoneName: string;
  /** ACM certificate in the stacks' region covering apiDomain, for the ALB. */
  readonly certificateArn: string;
  /** ACM certificate in us-east-1 covering siteDomain, for CloudFront. */
  readonly cloudFrontCertificateArn: string;
}

export interface MailConfig {
  /**
   * MAILER for the user service: `ses` sends account mail (verification, password reset) through
   * Amazon SES as the hosted zone's domain, whose identity the edge stack creates; `log` only logs it.
   */
  readonly mailer: 'ses' | 'log';
}

/** How the generation service writes scenarios in this environment. */
export interface ScenarioConfig {
  /**
   * GENERATION_PROVIDERS: `bedrock,local` writes with Amazon Bedrock and falls back to the
   * embedded offline writer; `local` writes offline only (and grants no Bedrock permission).
   */
  readonly providers: 'bedrock,local' | 'local';
  /**
   * BEDROCK_MODEL_ID: a current Anthropic or Amazon model, or a cross-region inference profile
   * of the stacks' geography (`us.` in us-* regions, `eu.` in eu-*); its access must be enabled
   * in the account (cdk/README.md). The task role may invoke exactly this model.
   */
  readonly bedrockModelId: string;
}

export interface AlarmThresholds {
  readonly cpuPercent: number;
  readonly memoryPercent: number;
  /**
   * How many times faster than the 30-day objective allows the error budget may burn
   * before the 5xx alarm fires (14.4 spends 2 % of the budget in an hour).
   */
  readonly errorBudgetBurnRate: number;
}

export interface ObservabilityConfig {
  readonly logRetention: RetentionDays;
  /** Subscribed to the alert topic when set. */
  readonly alertEmail?: string;
  readonly alarms: AlarmThresholds;
  /** How often the synthetic check calls the gateway's unified /health. */
  readonly healthCanaryEveryMinutes: number;
}

/** Who may deploy this environment from GitHub Actions (cdk/README.md, "Delivery"). */
export interface DeliveryConfig {
  /** owner/name of the GitHub repository whose release workflow deploys this environment. */
  readonly githubRepository: string;
  /** The GitHub environment whose jobs alone may assume this environment's deploy role. */
  readonly githubEnvironment: string;
  /**
   * An account has one GitHub OIDC provider: `create` makes it in this environment's delivery
   * stack; `existing` uses the one another environment's stack made in the same account.
   */
  readonly githubOidcProvider: 'create' | 'existing';
}

/** What this environment may cost before someone is told (cdk/README.md, "What it costs"). */
export interface CostConfig {
  /** AWS Budgets: monthly cost of the resources tagged with this environment, in USD. */
  readonly monthlyBudgetUsd: number;
}

/**
 * An existing EKS cluster that runs the release beside or instead of ECS, against the same data
 * (make deploy-eks-prereqs, make deploy-eks; runbooks/eks-deploy-and-rollback.md).
 */
export interface EksConfig {
  /** The cluster's name. It runs in this environment's VPC, so its pods reach RDS and ElastiCache. */
  readonly clusterName: string;
  /** The cluster security group EKS puts on every node and pod: RDS and ElastiCache admit it. */
  readonly clusterSecurityGroupId: string;
  /** Where the EKS Ingress answers, in the hosted zone; its certificate is made for it. */
  readonly apiDomain: string;
  /** The release's namespace: the Pod Identity associations name its ServiceAccounts there. */
  readonly namespace: string;
  /** The External Secrets Operator's controller ServiceAccount, which reads the secrets. */
  readonly externalSecrets: { readonly namespace: string; readonly serviceAccount: string };
  /** Blue-green with Argo Rollouts (the chart's rollouts.enabled); off, rolling updates. */
  readonly rollouts: boolean;
  /** KEDA scales the video worker on its queue (the chart's keda.enabled); off, on CPU alone. */
  readonly keda: boolean;
}

export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  /** Region of every stack except the frontend's, which CloudFront pins to us-east-1. */
  readonly region: string;
  readonly network: NetworkConfig;
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  readonly dynamo: DynamoConfig;
  readonly compute: ComputeConfig;
  readonly edge: EdgeConfig;
  readonly domain: DomainConfig;
  readonly mail: MailConfig;
  readonly scenarios: ScenarioConfig;
  readonly observability: ObservabilityConfig;
  readonly delivery: DeliveryConfig;
  readonly cost: CostConfig;
  readonly eks: EksConfig;
  /** Keep tables, snapshots, buckets, log groups and repositories when a stack is deleted. */
  readonly retainData: boolean;
}
