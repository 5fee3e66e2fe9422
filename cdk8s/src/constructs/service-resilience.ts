import { type ServiceEntry, scalingBehavior } from '@what-if/catalog';
import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { disruptionBudget } from '../kubernetes-defaults';
import { imageTag } from '../images';
import { componentName, metadata, selectorLabels } from '../naming';
import { rolloutsApiVersion } from './service-rollout';
import type { Profile } from '../profile';

export interface ServiceResilienceProps {
  profile: Profile;
  entry: ServiceEntry;
  deployment: kplus.Deployment;
}

interface ScalingRules {
  stabilizationWindowSeconds: number;
  policies: readonly { type: string; value: number; periodSeconds: number }[];
}

export function scalingRules(settings: ScalingRules): kplus.ScalingRules {
  return {
    stabilizationWindow: Duration.seconds(settings.stabilizationWindowSeconds),
    strategy: kplus.ScalingStrategy.MAX_CHANGE,
    policies: settings.policies.map((policy) => ({
      replicas:
        policy.type === 'Percent'
          ? kplus.Replicas.percent(policy.value)
          : kplus.Replicas.absolute(policy.value),
      duration: Duration.seconds(policy.periodSeconds),
    })),
  };
}

/**
 * The service's HorizontalPodAutoscaler (CPU and memory, within the catalog's bounds) when the
 * profile autoscales, and its PodDisruptionBudget (cdk8s-plus-27 has none, so the API object).
 */
export class ServiceResilience extends Construct {
  constructor(scope: Construct, id: string, { profile, entry, deployment }: ServiceResilienceProps) {
    super(scope, id);
    const objectMetadata = metadata(profile, entry.name, imageTag(profile));
    if (profile.autoscaling) {
      const autoscaler = new kplus.HorizontalPodAutoscaler(this, 'autoscaler', {
        metadata: objectMetadata,
        target: deployment,
        minReplicas: entry.scaling.minReplicas,
        maxReplicas: entry.scaling.maxReplicas,
        metrics: [
          kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(entry.scaling.targetCpuPercent)),
          kplus.Metric.resourceMemory(
            kplus.MetricTarget.averageUtilization(entry.scaling.targetMemoryPercent),
          ),
        ],
        scaleUp: scalingRules(scalingBehavior.scaleUp),
        scaleDown: scalingRules(scalingBehavior.scaleDown),
      });
      if (profile.rollouts.enabled) {
        ApiObject.of(autoscaler).addJsonPatch(
          JsonPatch.replace('/spec/scaleTargetRef', {
            apiVersion: rolloutsApiVersion,
            kind: 'Rollout',
            name: componentName(profile, entry.name),
          }),
        );
      }
    }
    new kplus.k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
      metadata: objectMetadata,
      spec: {
        maxUnavailable: kplus.k8s.IntOrString.fromNumber(disruptionBudget.maxUnavailable),
        unhealthyPodEvictionPolicy: disruptionBudget.unhealthyPodEvictionPolicy,
        selector: { matchLabels: selectorLabels(profile, entry.name) },
      },
    });
  }
}
