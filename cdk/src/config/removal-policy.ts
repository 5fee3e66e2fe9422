import { RemovalPolicy } from 'aws-cdk-lib';
import type { EnvironmentConfig } from './environment-config';

/** What happens to stateful resources when their stack or resource is deleted. */
export function dataRemovalPolicy(config: EnvironmentConfig): RemovalPolicy {
  return config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

/** Databases keep a final snapshot rather than all of themselves. */
export function databaseRemovalPolicy(config: EnvironmentConfig): RemovalPolicy {
  return config.retainData ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY;
}
