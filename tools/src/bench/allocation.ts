import { subscribe } from 'node:diagnostics_channel';
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** Where allocation-probe.ts, loaded into a service, appends its readings. */
export const allocationProbeFileVariable = 'ALLOCATION_PROBE_FILE';

/** What a process did between two readings. */
export interface AllocationFigures {
  /** HTTP requests it answered (their last byte handed to the socket). */
  requests: number;
  /** CPU time, user and system, in milliseconds. */
  cpuMs: number;
  /**
   * Bytes allocated on the JavaScript heap, whether still alive or collected since: the heap's
   * growth plus what every garbage collection in between freed. Buffers' memory outside the heap
   * is not counted.
   */
  allocatedBytes: number;
  /** Garbage collections and the time they took. */
  gc: { collections: number; totalMs: number };
}

/**
 * Watches this process's CPU, its heap allocation (v8.GCProfiler reports the heap before and
 * after each collection) and the HTTP requests it answers; `take()` returns the figures since
 * the last reading.
 */
export function watchAllocation(): { take(): AllocationFigures } {
  let requests = 0;
  subscribe('http.server.response.finish', () => {
    requests += 1;
  });
  let profiler = new GCProfiler();
  profiler.start();
  let heapUsed = getHeapStatistics().used_heap_size;
  let cpu = process.cpuUsage();
  return {
    take() {
      const used = process.cpuUsage(cpu);
      const heapNow = getHeapStatistics().used_heap_size;
      const { statistics } = profiler.stop();
      const freed = statistics.reduce(
        (sum, collection) =>
          sum +
          collection.beforeGC.heapStatistics.usedHeapSize -
          collection.afterGC.heapStatistics.usedHeapSize,
        0,
      );
      const figures: AllocationFigures = {
        requests,
        cpuMs: (used.user + used.system) / 1000,
        allocatedBytes: heapNow - heapUsed + freed,
        // GCProfiler's cost is in microseconds.
        gc: {
          collections: statistics.length,
          totalMs: statistics.reduce((sum, collection) => sum + collection.cost, 0) / 1000,
        },
      };
      profiler = new GCProfiler();
      profiler.start();
      heapUsed = getHeapStatistics().used_heap_size;
      requests = 0;
      cpu = process.cpuUsage();
      return figures;
    },
  };
}
