import { dynamoTableName, service } from '@what-if/catalog';
import { jwksUrl } from '@what-if/contracts';
import { type ServiceDefinition, createServiceClient, jwksVerifier } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { createRedis, redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';
import { createProgressFeed } from './jobs/progress-feed';
import { createVideoMetrics } from './jobs/video-metrics';
import { bullPrefix, createVideoQueue } from './jobs/video-queue';
import { createQuotas } from './quota';
import { createScenarioSource } from './scenario-source';
import { createShareAvailability } from './share-availability';
import { storageFromConfig } from './storage/storage-from-config';
import { createVideoStore } from './store/video-store';

const catalogEntry = service('video');
/** The catalog's one table for video jobs, and the queue its worker serves. */
export const videosTable = catalogEntry.dynamoTables[0]!;
export const queueName = catalogEntry.workers![0]!.queue;

/** The video API: requests, progress, lists, cancellation, deletion and (locally) the files. */
export const videoService: ServiceDefinition<typeof configSchema> = {
  name: 'video',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, catalogEntry.dynamoTables, logger);
    const redis = redisFromConfig(config, logger);
    const store = createVideoStore(
      dynamo.documents,
      dynamoTableName(config.DYNAMODB_TABLE_PREFIX, videosTable.name),
    );
    const queueSettings = {
      redisUrl: config.REDIS_URL,
      prefix: bullPrefix(config.REDIS_KEY_PREFIX),
      name: queueName,
      attempts: config.VIDEO_JOB_ATTEMPTS,
      backoffSeconds: config.VIDEO_RETRY_BACKOFF_SECONDS,
    };
    const queueRedis = createRedis({ url: config.REDIS_URL, keyPrefix: '' }, logger);
    const queue = createVideoQueue(queueSettings, config.REDIS_KEY_PREFIX, queueRedis.client);
    const feed = createProgressFeed(queueSettings);
    const { storage, local } = storageFromConfig(config);
    const history = createServiceClient({
      upstream: 'history',
      baseUrl: config.HISTORY_SERVICE_URL,
      registry: metrics.registry,
      logger,
      identity,
    });
    const sharing = createServiceClient({
      upstream: 'sharing',
      baseUrl: config.SHARING_SERVICE_URL,
      registry: metrics.registry,
      logger,
      identity,
    });
    const verifier = jwksVerifier(
      { jwksUrl: jwksUrl(config.USER_SERVICE_URL), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      logger,
    );
    return {
      app: buildApp({
        logger,
        metrics,
        identity,
        validateResponses,
        video: {
          store,
          queue,
          feed,
          storage,
          localStorage: local,
          scenarios: createScenarioSource(history, sharing),
          shares: createShareAvailability(sharing, config.SHARE_CHECK_CACHE_SECONDS * 1000),
          quotas: createQuotas({
            redis: redis.client,
            perDayByRole: {
              user: config.VIDEO_QUOTA_USER_PER_DAY,
              moderator: config.VIDEO_QUOTA_MODERATOR_PER_DAY,
              admin: config.VIDEO_QUOTA_ADMIN_PER_DAY,
            },
          }),
          verifier,
          metrics: createVideoMetrics(metrics.registry, queue),
          logger,
          heartbeatMs: config.SSE_HEARTBEAT_MS,
        },
      }),
      stores: [redis, dynamo],
      async beforeStoresClose() {
        await feed.close();
        await queue.close();
        await queueRedis.close();
      },
    };
  },
};
