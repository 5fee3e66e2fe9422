import { type Logger, scrapeRead } from '@what-if/kit';
import { Gauge, type Registry } from 'prom-client';
import { type Backlog, fanOutBacklog, staleBoardsBacklog } from './store/backlogs';
import type { StoreContext } from './store/store-context';

/** Seconds since `since`, 0 when nothing waits. */
function ageSeconds(backlog: Backlog, now = Date.now()): number {
  return backlog.oldestSince ? Math.max(0, (now - backlog.oldestSince.getTime()) / 1000) : 0;
}

/**
 * Social's background backlogs on the service's registry, read from the table when Prometheus
 * scrapes (every replica reports the same table-wide figures; the alerts take the max): the
 * users whose leaderboard entries are marked stale and not yet refreshed, and the wide authors'
 * fan-outs still to finish, with the followers they have not reached. A scrape reads each
 * backlog once for its gauges, within the kit's `scrapeReadDeadlineMs` (a silent table cannot
 * hold the replica's whole scrape past Prometheus' timeout); a failed or abandoned read leaves NaN
 * for that scrape (the alert rules see no figure; `metric_read_failures_total` counts it, a warning
 * says why, and social's readiness says whether the table answers).
 */
export function registerBacklogMetrics(options: { registry: Registry; table: StoreContext; logger: Logger }) {
  const { registry, table, logger } = options;

  /** One bounded read per scrape, shared by the gauges of a backlog (each gauge collects on its own). */
  const perScrape = <Value>(name: string, read: () => Promise<Value>) =>
    scrapeRead({
      registry,
      name,
      read,
      onFailure: (error) => logger.warn({ err: error, backlog: name }, 'a backlog metric could not be read'),
    });
  const boards = perScrape('social stale leaderboards', () => staleBoardsBacklog(table));
  const fanOuts = perScrape('social fan-outs', () => fanOutBacklog(table));

  new Gauge({
    name: 'social_leaderboard_stale_users',
    help: 'Users whose leaderboard entries are behind their points: marked stale by an award and not yet refreshed',
    registers: [registry],
    async collect() {
      this.set((await boards())?.waiting ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'social_leaderboard_stale_oldest_age_seconds',
    help: "How long the longest-stale user's boards have been behind their points (0 when none are)",
    registers: [registry],
    async collect() {
      const backlog = await boards();
      this.set(backlog ? ageSeconds(backlog) : Number.NaN);
    },
  });
  new Gauge({
    name: 'social_fanout_jobs_waiting',
    help: "Wide authors' posts whose fan-out to their followers' timelines is still to finish",
    registers: [registry],
    async collect() {
      this.set((await fanOuts())?.waiting ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'social_fanout_oldest_age_seconds',
    help: 'How long ago the post of the oldest unfinished fan-out was published (0 when none waits)',
    registers: [registry],
    async collect() {
      const backlog = await fanOuts();
      this.set(backlog ? ageSeconds(backlog) : Number.NaN);
    },
  });
  new Gauge({
    name: 'social_fanout_followers_left',
    help: 'Followers whose timelines the unfinished fan-outs have still to write',
    registers: [registry],
    async collect() {
      this.set((await fanOuts())?.followersLeft ?? Number.NaN);
    },
  });
}
