import { service } from '@what-if/catalog';
import type { ServiceDefinition } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { buildApp } from './app';
import { configSchema } from './config';

export const socialService: ServiceDefinition<typeof configSchema> = {
  name: 'social',
  schema: configSchema,
  async start({ config, logger, metrics, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, service('social').dynamoTables, logger);
    return { app: buildApp({ logger, metrics, validateResponses }), stores: [dynamo] };
  },
};
