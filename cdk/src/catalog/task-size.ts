import type { Resources } from '@what-if/catalog';

/** The CPU and memory pairs Fargate accepts (AWS docs, "Task CPU and memory"). */
const fargateSizes: ReadonlyArray<{ cpu: number; memoryMiB: readonly number[] }> = [
  { cpu: 256, memoryMiB: [512, 1024, 2048] },
  { cpu: 512, memoryMiB: steps(1024, 4096, 1024) },
  { cpu: 1024, memoryMiB: steps(2048, 8192, 1024) },
  { cpu: 2048, memoryMiB: steps(4096, 16384, 1024) },
  { cpu: 4096, memoryMiB: steps(8192, 30720, 1024) },
  { cpu: 8192, memoryMiB: steps(16384, 61440, 4096) },
  { cpu: 16384, memoryMiB: steps(32768, 122880, 8192) },
];

function steps(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

export interface TaskSize {
  /** Task-level hard limits, a valid Fargate pair. */
  readonly cpu: number;
  readonly memoryMiB: number;
  /** The service container's share: the catalog's request is reserved, its limit is the ceiling. */
  readonly container: { cpu: number; memoryReservationMiB: number; memoryLimitMiB: number };
}

function cpuUnits(millicores: number): number {
  return Math.ceil((millicores * 1024) / 1000);
}

/**
 * The smallest Fargate size that holds the service at its catalog limits plus the sidecars
 * that share the task (the Service Connect proxy, the optional collector).
 */
export function taskSizeFor(resources: Resources, sidecarMemoryMiB: number): TaskSize {
  const cpuLimit = cpuUnits(resources.cpu.limitMillicores);
  const memoryNeeded = resources.memory.limitMiB + sidecarMemoryMiB;
  for (const size of fargateSizes) {
    if (size.cpu < cpuLimit) continue;
    const memoryMiB = size.memoryMiB.find((candidate) => candidate >= memoryNeeded);
    if (memoryMiB === undefined) continue;
    return {
      cpu: size.cpu,
      memoryMiB,
      container: {
        cpu: cpuUnits(resources.cpu.requestMillicores),
        memoryReservationMiB: resources.memory.requestMiB,
        memoryLimitMiB: resources.memory.limitMiB,
      },
    };
  }
  throw new Error(
    `No Fargate size holds ${cpuLimit} CPU units and ${memoryNeeded} MiB; lower the catalog limits`,
  );
}
