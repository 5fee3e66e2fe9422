import type { Counter } from 'prom-client';
import type { Logger } from './logging';

/** Seconds a client is told to wait: about two readiness probes, long enough for a store to come back. */
export const dependencyRetryAfterSeconds = 5;

/** A burst of failures ends after this long without one; the next failure starts a new burst. */
const burstQuietMs = 30_000;

export interface DependencyFaults {
  /** One request answered 503 because `dependency` did not answer. */
  record(dependency: string, error: unknown): void;
}

/**
 * Counts each request a dependency fault answered (`dependency_unavailable_total{dependency}`)
 * and logs at error once per burst: an outage of a
 * minute at 500 requests a second is one line naming the store, not thirty thousand.
 */
export function dependencyFaults(
  logger: Logger,
  counter: Counter<'dependency'> | undefined,
  now: () => number = Date.now,
): DependencyFaults {
  const lastFailure = new Map<string, number>();
  return {
    record(dependency, error) {
      counter?.inc({ dependency });
      const at = now();
      const previous = lastFailure.get(dependency);
      lastFailure.set(dependency, at);
      if (previous !== undefined && at - previous < burstQuietMs) return;
      logger.error(
        { err: error, dependency },
        `${dependency} does not answer: requests that need it are answered 503 until it does`,
      );
    },
  };
}
