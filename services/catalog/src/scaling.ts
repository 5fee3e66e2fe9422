import type { ServiceEntry } from './types';

/** The load one replica carries when autoscaling adds another: the same on every deployment path. */
export interface ScalingLoad {
  cpuMillicores: number;
  memoryMiB: number;
}

/**
 * The catalog's utilisation targets are percentages of the requests (what a Kubernetes HPA
 * measures). As absolute load they mean the same on every platform; a platform that measures
 * against another base (ECS: the whole task) converts from here.
 */
export function scalingLoad(entry: ServiceEntry): ScalingLoad {
  return {
    cpuMillicores: (entry.scaling.targetCpuPercent * entry.resources.cpu.requestMillicores) / 100,
    memoryMiB: (entry.scaling.targetMemoryPercent * entry.resources.memory.requestMiB) / 100,
  };
}

/**
 * How fast every service scales where the platform lets us say it (the HorizontalPodAutoscaler's
 * `behavior`, for the cdk8s app and the chart alike): up fast, doubling within 30 s or four pods
 * at a time; down slowly, at most half the replicas a minute, after five calm minutes.
 */
export const scalingBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Percent', value: 100, periodSeconds: 30 },
      { type: 'Pods', value: 4, periodSeconds: 30 },
    ],
  },
  scaleDown: {
    stabilizationWindowSeconds: 300,
    selectPolicy: 'Max',
    policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }],
  },
} as const;

/**
 * A worker's: up as fast as a service, down one pod a minute after ten calm minutes, since a
 * render runs for minutes and a worker scaled in hands its running job back to the queue.
 */
export const workerScalingBehavior = {
  scaleUp: scalingBehavior.scaleUp,
  scaleDown: {
    stabilizationWindowSeconds: 600,
    selectPolicy: 'Max',
    policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
  },
} as const;
