import { scrapeRead } from '@what-if/kit';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { VideoQueue } from './video-queue';

/** The video service's business metrics, on the process's own registry (API and worker alike). */
export interface VideoMetrics {
  requested: Counter<'outcome'>;
  finished: Counter<'status' | 'reason'>;
  renderSeconds: Histogram;
  requeued: Counter;
}

const queueStates = ['waiting', 'active', 'delayed', 'failed'] as const;

export function createVideoMetrics(registry: Registry, queue: VideoQueue): VideoMetrics {
  // Bounded: a silent Redis must not hold the replica's whole scrape past Prometheus' timeout.
  const counts = scrapeRead({ registry, name: 'video queue', read: () => queue.counts() });
  new Gauge({
    name: 'video_queue_jobs',
    help: 'Video jobs in the queue by state (waiting includes prioritized); what scaling watches (NaN while the queue cannot be read)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      // Redis away or silent: the scrape goes on, the queue's figures NaN rather than the last ones.
      const read = await counts();
      for (const state of queueStates) this.set({ state }, read ? read[state] : Number.NaN);
    },
  });
  return {
    requested: new Counter({
      name: 'video_requests_total',
      help: 'Video requests by outcome: created, existing (an idempotent repeat), quota (refused)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    finished: new Counter({
      name: 'video_jobs_finished_total',
      help: 'Video jobs that ended, by status and, for failures, reason',
      labelNames: ['status', 'reason'] as const,
      registers: [registry],
    }),
    renderSeconds: new Histogram({
      name: 'video_render_seconds',
      help: 'Wall time of a successful render, upload included',
      buckets: [5, 10, 20, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    requeued: new Counter({
      name: 'video_jobs_requeued_total',
      help: 'Accepted jobs the sweeper found without a queue entry and queued again',
      registers: [registry],
    }),
  };
}
