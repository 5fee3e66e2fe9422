import { dynamoTableName, service } from '@what-if/catalog';
import { jwksUrl } from '@what-if/contracts';
import {
  type ServiceDefinition,
  createActivityReporter,
  createServiceClient,
  jwksVerifier,
  startOwnerPurgeRelay,
} from '@what-if/kit';
import { dynamoFromConfig, dynamoPurgeOutbox } from '@what-if/kit/dynamodb';
import { buildApp } from './app';
import { configSchema } from './config';
import { createHistoryMetrics } from './history-metrics';
import { createScenarioStore } from './store/scenario-store';

/** The catalog's one table for history. */
const scenariosTable = service('history').dynamoTables[0]!;

export const historyService: ServiceDefinition<typeof configSchema> = {
  name: 'history',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, service('history').dynamoTables, logger);
    const tableName = dynamoTableName(config.DYNAMODB_TABLE_PREFIX, scenariosTable.name);
    const store = createScenarioStore(dynamo.documents, tableName);
    const outbox = dynamoPurgeOutbox({ documents: dynamo.documents, tableName, origin: 'history' });
    // A deleted scenario reaches sharing, social and video, now or once each is back.
    const purgeRelay = startOwnerPurgeRelay({
      owner: 'history',
      config,
      outbox,
      // The delete itself, repeated in case a crash came between the intent and the delete.
      local: {
        name: 'history',
        apply: async (instruction) => {
          if (instruction.kind === 'scenario') await store.delete(instruction.ownerId, instruction.subjectId);
        },
      },
      logger,
      registry: metrics.registry,
      identity,
      pollMs: config.PURGE_RELAY_POLL_MS,
    });
    const configuredKey = config.HISTORY_CURSOR_SECRET
      ? Buffer.from(config.HISTORY_CURSOR_SECRET, 'utf8')
      : undefined;
    // Read lazily and kept once read: DynamoDB may still be coming up when the service starts.
    let deploymentKey: Promise<Buffer> | undefined;
    const cursorKey = (): Promise<Buffer> => {
      if (configuredKey) return Promise.resolve(configuredKey);
      deploymentKey ??= store.deploymentCursorKey().catch((error: unknown) => {
        deploymentKey = undefined;
        throw error;
      });
      return deploymentKey;
    };
    const verifier = jwksVerifier(
      { jwksUrl: jwksUrl(config.USER_SERVICE_URL), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      logger,
    );
    const socialClient = createServiceClient({
      upstream: 'social',
      baseUrl: config.SOCIAL_SERVICE_URL,
      registry: metrics.registry,
      logger,
      identity,
    });
    const activity = createActivityReporter(socialClient, logger);
    return {
      app: buildApp({
        logger,
        metrics,
        identity,
        validateResponses,
        history: {
          store,
          verifier,
          logger,
          cursorKey,
          purges: { record: (...args) => outbox.record(...args), nudge: () => purgeRelay.relay.nudge() },
          metrics: createHistoryMetrics(metrics.registry),
          activity,
        },
      }),
      stores: [dynamo],
      beforeStoresClose: async () => {
        await purgeRelay.close();
        await activity.drain();
        socialClient.close();
      },
    };
  },
};
