import { type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { withTimeout } from '@what-if/kit';
import type { VideoStore } from '../store/video-store';
import { type RenderJobDependencies, renderJobProcessor, stopReasons } from './render-job';
import { type VideoJobData, cancelChannel } from './video-queue';

export interface WorkerSettings {
  redisUrl: string;
  redisKeyPrefix: string;
  prefix: string;
  name: string;
  concurrency: number;
  /** How long a job stays locked to a worker that stopped renewing it. */
  lockSeconds: number;
}

export interface VideoWorker {
  /** Resolves once the worker takes jobs. */
  ready(): Promise<void>;
  /** Readiness: the worker's Redis connection is up and answers; fails at once while it is not. */
  check(): Promise<void>;
  /**
   * Stops taking jobs; lets running ones finish for up to `timeoutMs`, then hands them back to
   * the queue (another worker resumes them from the start) and resolves once they are back.
   */
  drain(timeoutMs: number): Promise<void>;
}

/** How a job failure that the processor did not record (a worker lost mid-job too often) is recorded. */
async function recordLostJob(
  store: VideoStore,
  job: Job<VideoJobData>,
  error: Error,
  attempts: number,
): Promise<boolean> {
  const willRetry = error.name !== 'UnrecoverableError' && job.attemptsMade < attempts;
  if (willRetry) return false;
  const lost = /stalled/i.test(error.message);
  const finished = await store.finish(job.data.videoId, {
    status: 'failed',
    failure: lost
      ? {
          reason: 'worker-lost',
          message: 'The renderer stopped responding while making this video, too often to try again.',
        }
      : { reason: 'internal', message: `Rendering failed: ${error.message}` },
  });
  return finished !== undefined;
}

/**
 * The BullMQ worker: renders jobs `concurrency` at a time, keeps their locks alive while they
 * run (a crashed worker's jobs return to the queue once their lock lapses, and another worker
 * takes them: stalled-job recovery), and stops a job when the API says it was canceled.
 */
export function startVideoWorker(
  settings: WorkerSettings,
  deps: RenderJobDependencies & { attempts: number },
): VideoWorker {
  const connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);
  const subscriber = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', () => undefined);
  const lockMs = settings.lockSeconds * 1000;
  const worker = new Worker<VideoJobData>(settings.name, renderJobProcessor(deps), {
    connection,
    prefix: settings.prefix,
    concurrency: settings.concurrency,
    lockDuration: lockMs,
    // Checked as often as locks lapse, so a killed worker's job is back within two lock times.
    stalledInterval: lockMs,
    // Recovered twice; a job whose worker is lost a third time is failing, not unlucky.
    maxStalledCount: 2,
  });
  // BullMQ repeats a connection error at every reconnect attempt: each new one is logged once.
  let lastError = '';
  worker.on('error', (error) => {
    if (error.message !== lastError) deps.logger.warn({ err: error }, 'video worker: queue error');
    lastError = error.message;
  });
  connection.on('ready', () => {
    if (lastError) deps.logger.info('video worker: queue connection restored; taking jobs again');
    lastError = '';
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    void recordLostJob(deps.store, job, error, deps.attempts)
      .then((recorded) => {
        if (recorded) {
          deps.metrics.finished.inc({ status: 'failed', reason: 'worker-lost' });
          deps.onFinalFailure?.();
        }
      })
      .catch((recordError: unknown) =>
        deps.logger.error({ err: recordError }, 'video worker: could not record a failure'),
      );
  });
  const channel = cancelChannel(settings.redisKeyPrefix);
  void subscriber.subscribe(channel).catch((error: unknown) => {
    deps.logger.error(
      { err: error },
      'video worker: cannot hear cancellations; progress checks still stop canceled jobs',
    );
  });
  subscriber.on('message', (from: string, videoId: string) => {
    if (from === channel && worker.cancelJob(videoId, stopReasons.canceled)) {
      deps.logger.info({ videoId }, 'video worker: stopping a canceled render');
    }
  });

  return {
    ready: () => worker.waitUntilReady().then(() => undefined),
    async check() {
      // Its commands wait for Redis to come back (a blocking connection must): answer at once instead.
      if (connection.status !== 'ready') throw new Error(`redis is ${connection.status}`);
      await withTimeout(connection.ping(), 2_000, 'redis');
    },
    async drain(timeoutMs) {
      const closing = worker.close();
      const handBack = setTimeout(() => worker.cancelAllJobs(stopReasons.shutdown), timeoutMs);
      try {
        await closing;
      } finally {
        clearTimeout(handBack);
        subscriber.disconnect();
        connection.disconnect();
      }
    },
  };
}
