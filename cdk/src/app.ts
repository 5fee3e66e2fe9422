import { services as catalogServices } from '@what-if/catalog';
import type { App, Environment, Stack } from 'aws-cdk-lib';
import type { DeploymentSettings } from './config/context';
import {
  chartRepositoryName,
  clusterName,
  githubDeployRoleName,
  repositoryName,
  stackName,
} from './config/naming';
import { storeUsers, tagForCostAllocation } from './cost-allocation-tags';
import { DeliveryStack } from './delivery/delivery-stack';
import { SitePublisher } from './delivery/site-publisher';
import { DataStack } from './data/data-stack';
import { EdgeStack } from './edge/edge-stack';
import { EksPrerequisitesStack } from './eks/eks-prerequisites-stack';
import { FrontendStack, frontendRegion } from './frontend/frontend-stack';
import { NetworkStack } from './network/network-stack';
import { ObservabilityStack } from './observability/observability-stack';
import { RegistryStack } from './registry/registry-stack';
import { ServicesStack } from './services/services-stack';
import { acknowledgeAcceptedWildcards } from './nag/accepted-wildcards';

export interface WhatIfStacks {
  readonly network: NetworkStack;
  readonly data: DataStack;
  readonly registry: RegistryStack;
  readonly edge: EdgeStack;
  readonly services: ServicesStack;
  readonly frontend: FrontendStack;
  readonly observability: ObservabilityStack;
  readonly delivery: DeliveryStack;
}

/**
 * The whole deployment of one environment, a stack per concern. Stacks name a region but no
 * account: they deploy into the account of the credentials used, and synthesis never needs one.
 */
export function buildWhatIf(app: App, settings: DeploymentSettings): WhatIfStacks {
  const { config, imageTag, imageDigests } = settings;
  const env: Environment = { region: config.region };
  const common = { env, terminationProtection: config.retainData };

  const network = new NetworkStack(app, stackName(config.name, 'Network'), {
    ...common,
    description: 'What If: VPC, endpoints, flow logs, security groups',
    config,
  });
  const data = new DataStack(app, stackName(config.name, 'Data'), {
    ...common,
    description: 'What If: PostgreSQL, Redis, DynamoDB, the video bucket and their secrets',
    config,
    vpc: network.vpc,
    groups: network.groups,
  });
  const registry = new RegistryStack(app, stackName(config.name, 'Registry'), {
    ...common,
    description: 'What If: one ECR repository per service',
    config,
  });
  const edge = new EdgeStack(app, stackName(config.name, 'Edge'), {
    ...common,
    description: 'What If: the internet-facing ALB, WAF, DNS and the gateway target groups',
    config,
    vpc: network.vpc,
    loadBalancerSecurityGroup: network.groups.loadBalancer,
    testListenerSecurityGroup: network.groups.testListener,
  });
  const services = new ServicesStack(app, stackName(config.name, 'Services'), {
    ...common,
    description: 'What If: the ECS cluster and one Fargate service per catalog entry',
    config,
    imageTag,
    ...(imageDigests ? { imageDigests } : {}),
    vpc: network.vpc,
    groups: network.groups,
    data,
    repositories: registry.repositories,
    edge,
  });
  const frontend = new FrontendStack(app, stackName(config.name, 'Frontend'), {
    ...common,
    env: { region: frontendRegion },
    description: 'What If: the web app on S3 and CloudFront, with WAF',
    config,
  });
  const observability = new ObservabilityStack(app, stackName(config.name, 'Observability'), {
    ...common,
    description: 'What If: alarms, alert topic, unified-health canary, dashboard',
    config,
    edge,
  });
  // The alarms watch services by name; deploying them after the services avoids alarms on nothing.
  observability.addStackDependency(services);

  const delivery = new DeliveryStack(app, stackName(config.name, 'Delivery'), {
    ...common,
    description: "What If: GitHub's OIDC provider and the release workflow's deploy role",
    config,
    targets: {
      regions: [...new Set([config.region, frontendRegion])],
      repositories: [
        ...catalogServices.map((entry) => repositoryName(config.name, entry.name)),
        chartRepositoryName(config.name),
      ],
      generatedSecrets: data.applicationSecrets.records
        .filter((record) => ['ec-p256-private-key', 'service-public-keys'].includes(record.provisioning))
        .map((record) => record.secretName),
      blueGreen: Object.entries(services.rollbackAlarms).map(([service, alarms]) => ({
        cluster: clusterName(config.name),
        service,
        alarms: alarms ?? [],
      })),
    },
  });

  new SitePublisher(frontend, 'SitePublisher', {
    roleName: githubDeployRoleName(config.name),
    bucket: frontend.siteBucket,
    distribution: frontend.distribution,
  });
  // The publishing policy attaches to the deploy role, which must exist first.
  frontend.addStackDependency(delivery, 'the publishing policy attaches to the GitHub deploy role');

  const stacks: WhatIfStacks = { network, data, registry, edge, services, frontend, observability, delivery };
  tagForCostAllocation(config, {
    stacks: Object.values(stacks) as Stack[],
    ownedBy: (service) => [
      registry.repositories[service],
      services.deployments[service],
      ...data.tables.tablesOf(service),
      observability.serviceAlarms[service]!,
    ],
    stores: [
      { construct: data.postgres, users: storeUsers.postgres() },
      { construct: data.videoBucket, users: storeUsers.objectStorage() },
    ],
  });
  for (const stack of Object.values(stacks) as Stack[]) acknowledgeAcceptedWildcards(stack);
  return stacks;
}

/**
 * What an existing EKS cluster needs to run the release against the same data (built only with
 * -c eks=true, so make deploy-ecs never deploys it). It imports the network and data stacks'
 * named exports and is deployed after them.
 */
export function buildEksPrerequisites(
  app: App,
  settings: DeploymentSettings,
  stacks: Pick<WhatIfStacks, 'network' | 'data'>,
): EksPrerequisitesStack {
  const { config } = settings;
  const stack = new EksPrerequisitesStack(app, stackName(config.name, 'EksPrerequisites'), {
    env: { region: config.region },
    terminationProtection: config.retainData,
    description: `What If on EKS: Pod Identity roles, the secrets reader, store access, certificate, WAF and access logs for ${config.eks.clusterName}`,
    config,
  });
  stack.addStackDependency(stacks.network);
  stack.addStackDependency(stacks.data);
  tagForCostAllocation(config, { stacks: [stack], ownedBy: () => [], stores: [] });
  acknowledgeAcceptedWildcards(stack);
  return stack;
}
