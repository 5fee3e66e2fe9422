import { scalingLoad, type ServiceEntry } from '@what-if/catalog';
import type { TaskSize } from './task-size';

/** Fargate counts CPU in units: 1024 to a vCPU, where Kubernetes counts 1000 millicores. */
const millicoresPerCpuUnit = 1000 / 1024;

export interface EcsUtilizationTargets {
  /** ECSServiceAverageCPUUtilization: percent of the task's CPU. */
  readonly cpuPercent: number;
  /** ECSServiceAverageMemoryUtilization: percent of the task's memory. */
  readonly memoryPercent: number;
}

function percentOf(part: number, whole: number): number {
  return Math.round((10_000 * part) / whole) / 100;
}

/**
 * ECS measures utilisation against the whole task (the Fargate size, which holds the limits
 * and the sidecars), Kubernetes against the container's request. The catalog's targets are
 * percentages of the request, so they are turned into the same absolute load here: a gateway
 * task scales out at the CPU and memory at which its pod would.
 */
export function ecsUtilizationTargets(entry: ServiceEntry, size: TaskSize): EcsUtilizationTargets {
  const load = scalingLoad(entry);
  return {
    cpuPercent: percentOf(load.cpuMillicores, size.cpu * millicoresPerCpuUnit),
    memoryPercent: percentOf(load.memoryMiB, size.memoryMiB),
  };
}
