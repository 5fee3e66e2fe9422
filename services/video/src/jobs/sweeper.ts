import type { Logger } from '@what-if/kit';
import type { VideoStore } from '../store/video-store';
import type { VideoQueue } from './video-queue';

/** States in which a queue entry will still lead to a render. */
const live = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Finds accepted jobs that the queue no longer knows (Redis lost them in a failover, or the
 * API crashed between recording a job and queueing it) and queues them again. The durable
 * record is the truth; the queue entry is only a pointer to it, so re-adding is always safe.
 */
export async function sweepOnce(options: {
  store: VideoStore;
  queue: VideoQueue;
  logger: Logger;
  /** A job this young may still be on its way into the queue. */
  graceMs: number;
  now?: () => number;
}): Promise<string[]> {
  const now = options.now ?? Date.now;
  const requeued: string[] = [];
  for (const videoId of await options.store.active()) {
    const record = await options.store.read(videoId);
    if (
      !record ||
      record.status === 'succeeded' ||
      record.status === 'failed' ||
      record.status === 'canceled'
    )
      continue;
    if (now() - Date.parse(record.updatedAt) < options.graceMs) continue;
    const state = await options.queue.state(videoId);
    if (live.has(state)) continue;
    // A finished entry of an unfinished record (completed or failed but never recorded) goes first.
    await options.queue.discard(videoId);
    await options.queue.enqueue(videoId);
    requeued.push(videoId);
    options.logger.warn(
      { videoId, queueState: state },
      'video sweeper: an accepted job had no queue entry; queued again',
    );
  }
  return requeued;
}

/** Runs the sweep now and then every `intervalMs` until stopped. */
export function startSweeper(
  options: Parameters<typeof sweepOnce>[0] & { intervalMs: number; onRequeued: (count: number) => void },
): {
  stop(): void;
} {
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    void sweepOnce(options)
      .then((requeued) => options.onRequeued(requeued.length))
      .catch((error: unknown) =>
        options.logger.warn({ err: error }, 'video sweeper: sweep failed; trying again later'),
      )
      .finally(() => {
        running = false;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
