import { service } from '@what-if/catalog';
import { type ServiceDefinition, dynamoFromConfig } from '@what-if/kit';
import { buildApp } from './app';
import { configSchema } from './config';

export const sharingService: ServiceDefinition<typeof configSchema> = {
  name: 'sharing',
  schema: configSchema,
  async start({ config, logger, metrics, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, service('sharing').dynamoTables, logger);
    return { app: buildApp({ logger, metrics, validateResponses }), stores: [dynamo] };
  },
};
