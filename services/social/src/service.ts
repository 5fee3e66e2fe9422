import { dynamoTableName, service } from '@what-if/catalog';
import { jwksUrl } from '@what-if/contracts';
import {
  type ServiceDefinition,
  createServiceClient,
  jwksVerifier,
  startOwnerPurgeRelay,
} from '@what-if/kit';
import { dynamoFromConfig, dynamoPurgeOutbox } from '@what-if/kit/dynamodb';
import { buildApp } from './app';
import { registerBacklogMetrics } from './backlog-metrics';
import { configSchema } from './config';
import { createEngagement } from './engagement/engagement';
import { startLeaderboardRefresh } from './engagement/leaderboard-refresh';
import { createModeration } from './moderation';
import { startModerationRelay } from './moderation-relay';
import { createProfileDirectory } from './profile-directory';
import { createNotifier } from './notifications/notifier';
import { createScenarioSource } from './scenario-source';
import { createEngagementStore } from './store/engagement-store';
import { createNotificationStore } from './store/notification-store';
import { createSocialStore } from './store/social-store';
import { startFanOutWorker } from './timeline-fan-out';
import { createTrending } from './trending';

/** The catalog's one table for social. */
const socialTable = service('social').dynamoTables[0]!;

/** How often each replica looks for moderation decisions to deliver. */
const relayIntervalMs = 1_000;

export const socialService: ServiceDefinition<typeof configSchema> = {
  name: 'social',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, service('social').dynamoTables, logger);
    const client = (upstream: 'history' | 'sharing' | 'user', baseUrl: string) =>
      createServiceClient({ upstream, baseUrl, registry: metrics.registry, logger, identity });
    const historyClient = client('history', config.HISTORY_SERVICE_URL);
    const sharingClient = client('sharing', config.SHARING_SERVICE_URL);
    const userClient = client('user', config.USER_SERVICE_URL);
    const verifier = jwksVerifier(
      { jwksUrl: jwksUrl(config.USER_SERVICE_URL), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      logger,
    );
    const tableName = dynamoTableName(config.DYNAMODB_TABLE_PREFIX, socialTable.name);
    const store = createSocialStore(dynamo.documents, tableName);
    const outbox = dynamoPurgeOutbox({ documents: dynamo.documents, tableName, origin: 'social' });
    // A deleted post's comments, likes, tags and cases: completed here until done.
    const purgeRelay = startOwnerPurgeRelay({
      owner: 'social',
      config,
      outbox,
      local: {
        name: 'social',
        apply: async (instruction) => {
          if (instruction.kind === 'post') await store.purgePost(instruction.subjectId, instruction.ownerId);
        },
      },
      logger,
      registry: metrics.registry,
      identity,
      pollMs: config.PURGE_RELAY_POLL_MS,
    });
    const engagementStore = createEngagementStore(dynamo.documents, tableName);
    const notificationStore = createNotificationStore(dynamo.documents, tableName);
    const notifier = createNotifier({
      store: notificationStore,
      blockedEitherWay: (oneId, otherId) => store.blockedEitherWay(oneId, otherId),
      logger,
    });
    const leaderboards = startLeaderboardRefresh({
      store: engagementStore,
      logger,
      pollMs: config.LEADERBOARD_POLL_MS,
    });
    const engagement = createEngagement({
      store: engagementStore,
      logger,
      onBoardsStale: (userId) => leaderboards.nudge(userId),
    });
    engagement.onUnlock((userId, achievement) =>
      notifier.notify({
        recipientId: userId,
        type: 'achievement',
        groupKey: `achievement#${achievement.id}`,
        subject: { achievementId: achievement.id },
      }),
    );
    registerBacklogMetrics({
      registry: metrics.registry,
      table: { documents: dynamo.documents, tableName },
      logger,
    });
    const fanOut = startFanOutWorker({
      table: { documents: dynamo.documents, tableName },
      logger,
      pollMs: config.FANOUT_POLL_MS,
      leaseMs: config.FANOUT_LEASE_MS,
    });
    const relay = startModerationRelay({
      store,
      clients: { history: historyClient, sharing: sharingClient },
      logger,
      registry: metrics.registry,
      intervalMs: relayIntervalMs,
    });
    return {
      app: buildApp({
        logger,
        metrics,
        identity,
        validateResponses,
        social: {
          store,
          verifier,
          logger,
          scenarios: createScenarioSource(historyClient),
          purges: { record: (...args) => outbox.record(...args), nudge: () => purgeRelay.relay.nudge() },
          profiles: createProfileDirectory(userClient, logger),
          trending: createTrending(store, config.TRENDING_REFRESH_SECONDS),
          moderation: createModeration({
            store,
            logger,
            onDecision: (decision) =>
              notifier.notify({
                recipientId: decision.ownerId,
                type: 'moderation',
                groupKey: `moderation#${decision.id}`,
                subject: {
                  ...decision.subject,
                  action: decision.action,
                },
              }),
          }),
          engagement,
          engagementStore,
          notifier,
          notificationStore,
        },
      }),
      stores: [dynamo],
      beforeStoresClose: async () => {
        await relay.stop();
        await leaderboards.stop();
        await fanOut.stop();
        await purgeRelay.close();
        historyClient.close();
        sharingClient.close();
        userClient.close();
      },
    };
  },
};
