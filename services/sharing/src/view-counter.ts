import type { Logger } from '@what-if/kit';
import type { SharingMetrics } from './sharing-metrics';
import type { View } from './store/record-view';

export interface ViewCounter {
  /** Counts a view after the page has gone out: the reader never waits for it. */
  count(view: () => Promise<View>): void;
  /** Resolves once every view taken so far has been written (shutdown, tests). */
  drain(): Promise<void>;
}

/**
 * Views are written after the response, off the request's path. At most `maxPending` writes wait
 * at once; beyond that a view is dropped and counted as such rather than piling up memory
 * under a flood. A view is analytics, not an instruction: losing one in a crash is acceptable.
 */
export function createViewCounter(options: {
  record: (view: View) => Promise<'counted' | 'repeat' | 'gone'>;
  metrics: SharingMetrics;
  logger: Logger;
  maxPending?: number;
}): ViewCounter {
  const maxPending = options.maxPending ?? 1_000;
  const pending = new Set<Promise<void>>();
  return {
    count(view) {
      if (pending.size >= maxPending) {
        options.metrics.views.inc({ outcome: 'dropped' });
        return;
      }
      const write = view()
        .then((resolved) => options.record(resolved))
        .then((outcome) => options.metrics.views.inc({ outcome }))
        .catch((error: unknown) => {
          options.metrics.views.inc({ outcome: 'failed' });
          options.logger.warn({ err: error }, 'a share view could not be counted');
        })
        .finally(() => pending.delete(write));
      pending.add(write);
    },
    async drain() {
      await Promise.all([...pending]);
    },
  };
}
