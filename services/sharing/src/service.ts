import { service } from '@what-if/catalog';
import type { ServiceDefinition } from '@what-if/kit';
import { dynamoFromConfig } from '@what-if/kit/dynamodb';
import { buildApp } from './app';
import { configSchema } from './config';

export const sharingService: ServiceDefinition<typeof configSchema> = {
  name: 'sharing',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    const dynamo = await dynamoFromConfig(config, service('sharing').dynamoTables, logger);
    return { app: buildApp({ logger, metrics, identity, validateResponses }), stores: [dynamo] };
  },
};
