import type { EnvironmentName } from '../config/environment-config';
import { resourcePrefix } from '../config/naming';

/**
 * What the EKS prerequisites take from the ECS stacks, by export name rather than by CDK
 * reference: the network and data stacks export these always, so a `make deploy-ecs` (which
 * builds no EKS stack) never removes an export the EKS stack still imports.
 */
export const eksImports = {
  postgresSecurityGroup: (environment: EnvironmentName) =>
    `${resourcePrefix(environment)}-postgres-security-group`,
  redisSecurityGroup: (environment: EnvironmentName) => `${resourcePrefix(environment)}-redis-security-group`,
  dataKeyArn: (environment: EnvironmentName) => `${resourcePrefix(environment)}-data-key-arn`,
  vpcId: (environment: EnvironmentName) => `${resourcePrefix(environment)}-vpc-id`,
} as const;
