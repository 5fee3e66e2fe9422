import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { queueKeyPrefix } from '@what-if/catalog';

/** What a queued job carries: only the id; the durable record in DynamoDB holds the rest. */
export interface VideoJobData {
  videoId: string;
}

export interface QueueSettings {
  redisUrl: string;
  /** BullMQ's key prefix: the service's REDIS_KEY_PREFIX plus `bull`, so services sharing a Redis never collide. */
  prefix: string;
  name: string;
  attempts: number;
  backoffSeconds: number;
}

/**
 * BullMQ's key prefix under a service's Redis prefix (`whatif:video:` → `whatif:video:bull`): the
 * catalog's, which KEDA's trigger on the wait list is rendered from.
 */
export function bullPrefix(redisKeyPrefix: string): string {
  return queueKeyPrefix(redisKeyPrefix);
}

/** The channel the API tells workers about cancellations on (pub/sub ignores key prefixes). */
export function cancelChannel(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}cancel`;
}

export type QueueState =
  'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'prioritized' | 'unknown' | string;

export interface VideoQueue {
  /** Adds the video's job; a video already queued is not added twice (its id is the job id). */
  enqueue(videoId: string): Promise<void>;
  state(videoId: string): Promise<QueueState>;
  /** Takes a job that is not running out of the queue (waiting, delayed, finished); false if it is running. */
  discard(videoId: string): Promise<boolean>;
  /** Jobs per state, for metrics and scaling. */
  counts(): Promise<{ waiting: number; active: number; delayed: number; failed: number }>;
  /** Asks every worker to stop rendering the video now. */
  requestCancel(videoId: string): Promise<void>;
  close(): Promise<void>;
}

export function jobOptions(
  settings: Pick<QueueSettings, 'attempts' | 'backoffSeconds'>,
  videoId: string,
): JobsOptions {
  return {
    jobId: videoId,
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffSeconds * 1000 },
    // The durable record keeps the outcome; the queue forgets finished jobs (failed ones after a day).
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600 },
  };
}

/**
 * The queue on `connection`, the kit's Redis client without a key prefix (BullMQ prefixes its own
 * keys): its commands fail fast while Redis is away, marked as Redis not answering, so a request
 * that needs the queue is answered 503 naming redis instead of hanging or failing with a 500.
 * The caller closes the connection after the queue.
 */
export function createVideoQueue(
  settings: Omit<QueueSettings, 'redisUrl'>,
  redisKeyPrefix: string,
  connection: Redis,
): VideoQueue {
  const queue = new Queue<VideoJobData>(settings.name, { connection, prefix: settings.prefix });
  queue.on('error', () => undefined);
  // BullMQ waits without limit for its connection's first 'ready' (a replica started while Redis
  // was away). Until the connection is up, ask Redis first: the kit's client refuses at once, marked.
  const connected = async () => {
    if (connection.status !== 'ready') await connection.ping();
  };
  return {
    async enqueue(videoId) {
      await connected();
      await queue.add('render', { videoId }, jobOptions(settings, videoId));
    },
    async state(videoId) {
      await connected();
      return queue.getJobState(videoId);
    },
    async discard(videoId) {
      await connected();
      const job = await queue.getJob(videoId);
      if (!job) return true;
      if (await job.isActive()) return false;
      try {
        await job.remove();
        return true;
      } catch {
        // It became active (locked) between the check and the removal.
        return false;
      }
    },
    async counts() {
      await connected();
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      return {
        waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0),
        active: counts['active'] ?? 0,
        delayed: counts['delayed'] ?? 0,
        failed: counts['failed'] ?? 0,
      };
    },
    async requestCancel(videoId) {
      await connection.publish(cancelChannel(redisKeyPrefix), videoId);
    },
    async close() {
      await queue.close();
    },
  };
}
