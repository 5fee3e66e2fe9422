import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { DomainConfig, EksConfig, EnvironmentConfig, EnvironmentName } from './environment-config';
import {
  placeholderCertificateArn,
  placeholderDomain,
  placeholderGithubRepository,
  placeholderHostedZoneId,
  placeholderSecurityGroupId,
} from './placeholders';

const defaultRegion = 'us-east-1';

/**
 * Claude Haiku 4.5 through the US cross-region inference profile: a current model, fast and
 * inexpensive enough for a scenario per request. Amazon's own is one -c away:
 * -c bedrockModelId=us.amazon.nova-2-lite-v1:0.
 */
export const defaultBedrockModelId = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';

/** Bedrock writes the scenarios; the offline writer answers whenever Bedrock cannot. */
const bedrockScenarios = { providers: 'bedrock,local', bedrockModelId: defaultBedrockModelId } as const;

/** The first `count` zones of a region by letter; override with -c availabilityZones=... where letters differ. */
export function availabilityZonesOf(region: string, count: number): string[] {
  return ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, count).map((letter) => `${region}${letter}`);
}

function placeholderDomains(subdomain: string | undefined, region: string): DomainConfig {
  const siteDomain = subdomain ? `${subdomain}.${placeholderDomain}` : placeholderDomain;
  return {
    siteDomain,
    apiDomain: `api.${siteDomain}`,
    hostedZoneId: placeholderHostedZoneId,
    hostedZoneName: placeholderDomain,
    certificateArn: placeholderCertificateArn(region),
    cloudFrontCertificateArn: placeholderCertificateArn('us-east-1'),
  };
}

/**
 * The EKS cluster of an environment, by convention whatif-<env>-eks in the environment's VPC;
 * its security group is the account's to name (-c eksClusterSecurityGroupId=sg-...).
 */
function eksCluster(environment: EnvironmentName, domain: DomainConfig): EksConfig {
  return {
    clusterName: `whatif-${environment}-eks`,
    clusterSecurityGroupId: placeholderSecurityGroupId,
    apiDomain: `eks-${domain.apiDomain}`,
    namespace: 'what-if',
    externalSecrets: { namespace: 'external-secrets', serviceAccount: 'external-secrets' },
    rollouts: true,
    keda: true,
  };
}

const dev: EnvironmentConfig = {
  name: 'dev',
  region: defaultRegion,
  network: { cidr: '10.10.0.0/16', availabilityZones: availabilityZonesOf(defaultRegion, 2), natGateways: 1 },
  database: {
    instanceType: 't4g.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 50,
    multiAz: false,
    backupRetentionDays: 1,
    deletionProtection: false,
    readReplica: false,
    credentialRotationDays: 30,
  },
  redis: { nodeType: 'cache.t4g.micro', replicas: 0, multiAz: false, snapshotRetentionDays: 1 },
  dynamo: { capacity: { mode: 'on-demand' }, deletionProtection: false },
  compute: {
    capacity: { onDemandBase: 0, onDemandWeight: 0, spotWeight: 1 },
    execCommand: true,
    tracing: false,
  },
  edge: {
    requestsPerIpPer5Minutes: 1000,
    blueGreenBakeMinutes: 5,
    testListenerCidrs: [],
    loadBalancerDeletionProtection: false,
  },
  domain: placeholderDomains('dev', defaultRegion),
  mail: { mailer: 'log' },
  scenarios: bedrockScenarios,
  observability: {
    logRetention: RetentionDays.ONE_WEEK,
    alarms: { cpuPercent: 85, memoryPercent: 85, errorBudgetBurnRate: 14.4 },
    healthCanaryEveryMinutes: 5,
  },
  delivery: {
    githubRepository: placeholderGithubRepository,
    githubEnvironment: 'dev',
    githubOidcProvider: 'create',
  },
  cost: { monthlyBudgetUsd: 400 },
  eks: eksCluster('dev', placeholderDomains('dev', defaultRegion)),
  retainData: false,
};

const staging: EnvironmentConfig = {
  name: 'staging',
  region: defaultRegion,
  network: { cidr: '10.20.0.0/16', availabilityZones: availabilityZonesOf(defaultRegion, 2), natGateways: 1 },
  database: {
    instanceType: 't4g.small',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    multiAz: false,
    backupRetentionDays: 7,
    deletionProtection: false,
    readReplica: false,
    credentialRotationDays: 30,
  },
  // One replica with failover, so staging rehearses what a Redis failover does to the services.
  redis: { nodeType: 'cache.t4g.small', replicas: 1, multiAz: true, snapshotRetentionDays: 3 },
  dynamo: { capacity: { mode: 'on-demand' }, deletionProtection: false },
  compute: {
    capacity: { onDemandBase: 1, onDemandWeight: 1, spotWeight: 1 },
    execCommand: true,
    tracing: false,
  },
  edge: {
    requestsPerIpPer5Minutes: 1000,
    blueGreenBakeMinutes: 10,
    testListenerCidrs: [],
    loadBalancerDeletionProtection: false,
  },
  domain: placeholderDomains('staging', defaultRegion),
  // Mail stays in the logs until staging has its own verified sender and SES production access.
  mail: { mailer: 'log' },
  scenarios: bedrockScenarios,
  observability: {
    logRetention: RetentionDays.ONE_MONTH,
    alarms: { cpuPercent: 85, memoryPercent: 85, errorBudgetBurnRate: 14.4 },
    healthCanaryEveryMinutes: 5,
  },
  delivery: {
    githubRepository: placeholderGithubRepository,
    githubEnvironment: 'staging',
    githubOidcProvider: 'create',
  },
  cost: { monthlyBudgetUsd: 700 },
  eks: eksCluster('staging', placeholderDomains('staging', defaultRegion)),
  retainData: true,
};

const prod: EnvironmentConfig = {
  name: 'prod',
  region: defaultRegion,
  network: { cidr: '10.30.0.0/16', availabilityZones: availabilityZonesOf(defaultRegion, 3), natGateways: 3 },
  database: {
    instanceType: 'm7g.large',
    allocatedStorageGiB: 100,
    maxAllocatedStorageGiB: 500,
    multiAz: true,
    backupRetentionDays: 30,
    deletionProtection: true,
    readReplica: false,
    credentialRotationDays: 30,
  },
  redis: { nodeType: 'cache.m7g.large', replicas: 2, multiAz: true, snapshotRetentionDays: 7 },
  // Provisioned with autoscaling: a predictable bill for the steady base load; on-demand
  // (as in dev and staging) is one line away if traffic turns spiky.
  dynamo: {
    capacity: {
      mode: 'provisioned',
      read: { min: 5, max: 1000 },
      write: { min: 5, max: 500 },
      targetUtilizationPercent: 70,
    },
    deletionProtection: true,
  },
  // A Spot interruption takes a task with two minutes' notice: the base and three in four
  // tasks above it stay on regular Fargate.
  compute: {
    capacity: { onDemandBase: 2, onDemandWeight: 3, spotWeight: 1 },
    execCommand: false,
    tracing: false,
  },
  edge: {
    requestsPerIpPer5Minutes: 2000,
    blueGreenBakeMinutes: 15,
    testListenerCidrs: [],
    loadBalancerDeletionProtection: true,
  },
  domain: placeholderDomains(undefined, defaultRegion),
  mail: { mailer: 'ses' },
  scenarios: bedrockScenarios,
  observability: {
    logRetention: RetentionDays.THREE_MONTHS,
    alarms: { cpuPercent: 80, memoryPercent: 80, errorBudgetBurnRate: 14.4 },
    healthCanaryEveryMinutes: 1,
  },
  delivery: {
    githubRepository: placeholderGithubRepository,
    githubEnvironment: 'production',
    githubOidcProvider: 'create',
  },
  cost: { monthlyBudgetUsd: 2000 },
  eks: eksCluster('prod', placeholderDomains(undefined, defaultRegion)),
  retainData: true,
};

export const environments: Readonly<Record<EnvironmentName, EnvironmentConfig>> = { dev, staging, prod };
