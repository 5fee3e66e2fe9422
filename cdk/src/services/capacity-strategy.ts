import type { CapacityProviderStrategy } from 'aws-cdk-lib/aws-ecs';
import type { CapacitySplit } from '../config/environment-config';

/** The environment's Fargate / Fargate Spot split as an ECS capacity provider strategy. */
export function capacityStrategy(split: CapacitySplit): CapacityProviderStrategy[] {
  const strategy: CapacityProviderStrategy[] = [];
  if (split.onDemandBase > 0 || split.onDemandWeight > 0) {
    strategy.push({ capacityProvider: 'FARGATE', base: split.onDemandBase, weight: split.onDemandWeight });
  }
  if (split.spotWeight > 0) strategy.push({ capacityProvider: 'FARGATE_SPOT', weight: split.spotWeight });
  if (strategy.length === 0) throw new Error('The capacity split gives every provider zero weight');
  return strategy;
}
