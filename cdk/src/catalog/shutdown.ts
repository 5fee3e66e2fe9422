import { envDefaults, type ServiceEntry, type WorkerEntry } from '@what-if/catalog';

/** Fargate sends SIGKILL at most this long after SIGTERM. */
export const fargateMaxStopTimeoutSeconds = 120;

/** Time between the end of the drain and SIGKILL, for closing stores and flushing logs. */
const closeMarginSeconds = 5;

export interface ShutdownTiming {
  /** SHUTDOWN_DELAY_MS: readiness fails first while requests are still served. */
  readonly delayMs: number;
  /** SHUTDOWN_TIMEOUT_MS: in-flight requests may finish within this. */
  readonly timeoutMs: number;
  /** ECS stopTimeout: always longer than delay plus timeout, never above Fargate's maximum. */
  readonly stopTimeoutSeconds: number;
}

/**
 * The catalog's shutdown times fitted into Fargate's two minutes. A service whose drain
 * time does not fit (more than 110 s with the 5 s readiness delay) drains for what is left after the readiness delay and
 * the margin, so SIGKILL never lands on a drain that is still running.
 */
export function shutdownTiming(entry: ServiceEntry): ShutdownTiming {
  const defaults = envDefaults(entry.name);
  return fitted(
    entry.name,
    Number(defaults.SHUTDOWN_DELAY_MS),
    Number(defaults.SHUTDOWN_TIMEOUT_MS ?? entry.drainSeconds * 1000),
  );
}

/** A worker's: its service's readiness delay, its own drain (the running job's time to finish). */
export function workerShutdownTiming(entry: ServiceEntry, worker: WorkerEntry): ShutdownTiming {
  return fitted(worker.name, Number(envDefaults(entry.name).SHUTDOWN_DELAY_MS), worker.drainSeconds * 1000);
}

function fitted(name: string, delayMs: number, wantedTimeoutMs: number): ShutdownTiming {
  if (!Number.isFinite(delayMs) || !Number.isFinite(wantedTimeoutMs)) {
    throw new Error(`The catalog gives ${name} no numeric SHUTDOWN_DELAY_MS/SHUTDOWN_TIMEOUT_MS defaults`);
  }
  const budgetMs = (fargateMaxStopTimeoutSeconds - closeMarginSeconds) * 1000 - delayMs;
  if (budgetMs <= 0) {
    throw new Error(`${name}: SHUTDOWN_DELAY_MS ${delayMs} leaves no time to drain within Fargate's limit`);
  }
  const timeoutMs = Math.min(wantedTimeoutMs, budgetMs);
  return {
    delayMs,
    timeoutMs,
    stopTimeoutSeconds: Math.ceil((delayMs + timeoutMs) / 1000) + closeMarginSeconds,
  };
}
