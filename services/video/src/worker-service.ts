import { mkdir } from 'node:fs/promises';
import { dynamoTableName } from '@what-if/catalog';
import { type ServiceDefinition, createServiceApp } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { createRedis } from '@what-if/kit/redis';
import { openapiPath } from './app';
import { configSchema } from './config';
import { removeScratchLeftovers } from './jobs/scratch';
import { startCloudWatchPublisher } from './jobs/cloudwatch-publisher';
import { startSweeper } from './jobs/sweeper';
import { createVideoMetrics } from './jobs/video-metrics';
import { bullPrefix, createVideoQueue } from './jobs/video-queue';
import { startVideoWorker } from './jobs/video-worker';
import { queueName, videosTable } from './service';
import { service } from '@what-if/catalog';
import { speechFromConfig } from './speech/speech-from-config';
import { storageFromConfig } from './storage/storage-from-config';
import { createVideoStore } from './store/video-store';

/** CloudWatch's standard resolution: scaling reads one point a minute. */
const cloudWatchIntervalMs = 60_000;

/**
 * The video worker: the same image and configuration as the API, another command. It renders
 * jobs from the queue, sweeps lost ones back into it, and serves only health and metrics.
 * On SIGTERM it takes no new job, lets the running ones finish within the drain time and
 * hands back whatever is still running then.
 */
export const videoWorkerService: ServiceDefinition<typeof configSchema> = {
  name: 'video',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    const log = logger.child({ component: 'worker' });
    await mkdir(config.VIDEO_WORK_DIR, { recursive: true });
    const leftovers = await removeScratchLeftovers(config.VIDEO_WORK_DIR);
    if (leftovers > 0)
      log.info({ leftovers }, 'video worker: removed the scratch files of renders a crash cut short');
    const dynamo = await dynamoFromConfig(config, service('video').dynamoTables, log);
    const store = createVideoStore(
      dynamo.documents,
      dynamoTableName(config.DYNAMODB_TABLE_PREFIX, videosTable.name),
    );
    const { storage } = storageFromConfig(config);
    const queueSettings = {
      redisUrl: config.REDIS_URL,
      prefix: bullPrefix(config.REDIS_KEY_PREFIX),
      name: queueName,
      attempts: config.VIDEO_JOB_ATTEMPTS,
      backoffSeconds: config.VIDEO_RETRY_BACKOFF_SECONDS,
    };
    const queueRedis = createRedis({ url: config.REDIS_URL, keyPrefix: '' }, log);
    const queue = createVideoQueue(queueSettings, config.REDIS_KEY_PREFIX, queueRedis.client);
    const videoMetrics = createVideoMetrics(metrics.registry, queue);
    // On AWS: what ECS scales the workers on, and what the failed-jobs alarm watches.
    const cloudWatch = startCloudWatchPublisher({
      namespace: config.VIDEO_METRICS_NAMESPACE,
      environment: config.VIDEO_METRICS_ENVIRONMENT,
      region: config.AWS_REGION,
      queue,
      intervalMs: cloudWatchIntervalMs,
      logger: log,
    });
    const worker = startVideoWorker(
      {
        redisUrl: config.REDIS_URL,
        redisKeyPrefix: config.REDIS_KEY_PREFIX,
        prefix: queueSettings.prefix,
        name: queueName,
        concurrency: config.VIDEO_CONCURRENCY,
        lockSeconds: config.VIDEO_LOCK_SECONDS,
      },
      {
        store,
        storage,
        speech: speechFromConfig(config),
        metrics: videoMetrics,
        logger: log,
        attempts: config.VIDEO_JOB_ATTEMPTS,
        onFinalFailure: () => cloudWatch.jobFailed(),
        settings: {
          workDir: config.VIDEO_WORK_DIR,
          fontDir: config.VIDEO_FONT_DIR,
          appUrl: config.PUBLIC_APP_URL,
          attempts: config.VIDEO_JOB_ATTEMPTS,
          timeoutSeconds: config.VIDEO_JOB_TIMEOUT_SECONDS,
        },
      },
    );
    const sweeper = startSweeper({
      store,
      queue,
      logger: log,
      intervalMs: config.VIDEO_SWEEP_INTERVAL_SECONDS * 1000,
      // Two lock times: a job that young may still be on its way into the queue, or between workers.
      graceMs: config.VIDEO_LOCK_SECONDS * 2000,
      onRequeued: (count) => videoMetrics.requeued.inc(count),
    });
    return {
      app: createServiceApp({
        logger,
        metrics,
        identity,
        validateResponses,
        openapiPath,
        routes: () => undefined,
      }),
      // Redis is the queue: the sweeper's connection and the worker's own must both answer.
      stores: [
        dynamo,
        {
          name: 'redis',
          async check() {
            await queueRedis.check();
            await worker.check();
          },
          close: () => queueRedis.close(),
        },
      ],
      async beforeStoresClose() {
        sweeper.stop();
        await worker.drain(config.SHUTDOWN_TIMEOUT_MS);
        await cloudWatch.stop();
        await queue.close();
      },
    };
  },
};
