import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { VideoQueue } from './video-queue';

/** The video service's business metrics, on the process's own registry (API and worker alike). */
export interface VideoMetrics {
  requested: Counter<'outcome'>;
  finished: Counter<'status' | 'reason'>;
  renderSeconds: Histogram;
  requeued: Counter;
}

export function createVideoMetrics(registry: Registry, queue: VideoQueue): VideoMetrics {
  new Gauge({
    name: 'video_queue_jobs',
    help: 'Video jobs in the queue by state (waiting includes prioritized); what scaling watches',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      try {
        const counts = await queue.counts();
        for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
      } catch {
        // Redis away: the scrape goes on without the queue's figures rather than failing whole.
      }
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
