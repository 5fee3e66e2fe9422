import { dynamoTableName, service } from '@what-if/catalog';
import { jwksUrl } from '@what-if/contracts';
import { type ServiceDefinition, jwksVerifier } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
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
    const store = createScenarioStore(
      dynamo.documents,
      dynamoTableName(config.DYNAMODB_TABLE_PREFIX, scenariosTable.name),
    );
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
          metrics: createHistoryMetrics(metrics.registry),
        },
      }),
      stores: [dynamo],
    };
  },
};
