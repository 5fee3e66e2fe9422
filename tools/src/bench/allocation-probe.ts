/**
 * Loaded into a service process by `make bench-validation` (`node --require`), never by the
 * services themselves: with ALLOCATION_PROBE_FILE set, on SIGUSR2 it appends one JSON line with
 * what the process did since the last signal (`watchAllocation`).
 */
import { appendFileSync } from 'node:fs';
import { allocationProbeFileVariable, watchAllocation } from './allocation';

const file = process.env[allocationProbeFileVariable];
if (file) {
  const allocation = watchAllocation();
  process.on('SIGUSR2', () => {
    appendFileSync(file, `${JSON.stringify(allocation.take())}\n`);
  });
}
