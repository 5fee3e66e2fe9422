import { service } from '@what-if/catalog';
import { type ServiceDefinition, dynamoFromConfig } from '@what-if/kit';
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
