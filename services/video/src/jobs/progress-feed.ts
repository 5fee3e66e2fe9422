import { EventEmitter } from 'node:events';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { VideoProgress } from '../video';

export type FeedEvent = { kind: 'progress'; progress: VideoProgress } | { kind: 'settled' };

/** Progress of running jobs as workers report it, for the API's event streams. */
export interface ProgressFeed {
  /** Calls `listener` for each event of one video until the returned function is called. */
  follow(videoId: string, listener: (event: FeedEvent) => void): () => void;
  close(): Promise<void>;
}

/**
 * One BullMQ QueueEvents reader per API process, fanned out to the streams open here: workers
 * publish progress with job.updateProgress, and completed, failed and removed jobs settle.
 */
export function createProgressFeed(settings: {
  redisUrl: string;
  prefix: string;
  name: string;
}): ProgressFeed {
  const connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);
  const events = new QueueEvents(settings.name, { connection, prefix: settings.prefix });
  events.on('error', () => undefined);
  const listeners = new EventEmitter();
  listeners.setMaxListeners(0);
  events.on('progress', ({ jobId, data }) => {
    if (typeof data === 'object' && data !== null) {
      listeners.emit(jobId, {
        kind: 'progress',
        progress: data as unknown as VideoProgress,
      } satisfies FeedEvent);
    }
  });
  for (const settled of ['completed', 'failed', 'removed'] as const) {
    events.on(settled, ({ jobId }: { jobId: string }) =>
      listeners.emit(jobId, { kind: 'settled' } satisfies FeedEvent),
    );
  }
  return {
    follow(videoId, listener) {
      listeners.on(videoId, listener);
      return () => listeners.off(videoId, listener);
    },
    async close() {
      await events.close();
      connection.disconnect();
    },
  };
}
