import { services, type ServiceName } from '@what-if/catalog';
import { Tags, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { usersOfStore } from './catalog/reachability';
import type { EnvironmentConfig } from './config/environment-config';
import { environmentTagKey } from './observability/cost-budget';

/** Cost allocation tag keys; activate them once in the Billing console (cdk/README.md, "What it costs"). */
export const costAllocationTagKeys = {
  application: 'Application',
  environment: environmentTagKey,
  service: 'Service',
};

/** The value of the Service tag on what no one catalog service owns (the network, the edge, shared stores). */
export const sharedService = 'shared';

export interface CostAllocationScopes {
  readonly stacks: readonly Stack[];
  /** For each catalog service, the constructs that exist only for it (repository, ECS service, tables, alarms). */
  readonly ownedBy: (service: ServiceName) => readonly IConstruct[];
  /** Stores (the database, the video bucket), each with the catalog services that use it. */
  readonly stores: ReadonlyArray<{ construct: IConstruct; users: readonly ServiceName[] }>;
}

/**
 * Every resource carries Application, Environment and Service tags, so Cost Explorer splits the bill
 * by environment and by catalog service. A resource used by one service only is that service's; the
 * rest is `shared`. Service tags below the stack win over the stack's (higher priority).
 */
export function tagForCostAllocation(config: EnvironmentConfig, scopes: CostAllocationScopes): void {
  for (const stack of scopes.stacks) {
    Tags.of(stack).add(costAllocationTagKeys.application, 'what-if');
    Tags.of(stack).add(costAllocationTagKeys.environment, config.name);
    Tags.of(stack).add(costAllocationTagKeys.service, sharedService, { priority: 50 });
  }
  const tagService = (construct: IConstruct, service: ServiceName) =>
    Tags.of(construct).add(costAllocationTagKeys.service, service, { priority: 100 });
  for (const entry of services) {
    for (const construct of scopes.ownedBy(entry.name)) tagService(construct, entry.name);
  }
  for (const { construct, users } of scopes.stores) {
    if (users.length === 1) tagService(construct, users[0]!);
  }
}

/** The catalog services that use PostgreSQL and the video bucket. */
export const storeUsers = {
  postgres: () => usersOfStore('postgres').map((entry) => entry.name),
  objectStorage: () => services.filter((entry) => entry.objectStorage).map((entry) => entry.name),
};
