import { dynamoTableName, service } from '@what-if/catalog';
import { jwksUrl } from '@what-if/contracts';
import { type ServiceDefinition, createServiceClient, jwksVerifier } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { buildApp } from './app';
import { configSchema } from './config';
import { createScenarioSource } from './scenario-source';
import { createSocialStore } from './store/social-store';

/** The catalog's one table for social. */
const socialTable = service('social').dynamoTables[0]!;

export const socialService: ServiceDefinition<typeof configSchema> = {
  name: 'social',
  schema: configSchema,
  async start({ config, logger, metrics, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, service('social').dynamoTables, logger);
    const historyClient = createServiceClient({
      upstream: 'history',
      baseUrl: config.HISTORY_SERVICE_URL,
      registry: metrics.registry,
      logger,
    });
    const verifier = jwksVerifier(
      { jwksUrl: jwksUrl(config.USER_SERVICE_URL), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      logger,
    );
    return {
      app: buildApp({
        logger,
        metrics,
        validateResponses,
        social: {
          store: createSocialStore(
            dynamo.documents,
            dynamoTableName(config.DYNAMODB_TABLE_PREFIX, socialTable.name),
          ),
          verifier,
          logger,
          scenarios: createScenarioSource(historyClient),
        },
      }),
      stores: [dynamo],
      beforeStoresClose: async () => {
        historyClient.close();
      },
    };
  },
};
