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
