import { service } from '@what-if/catalog';
import { dynamoFromConfig, runService } from '@what-if/kit';
import { buildApp } from './app';
import { configSchema } from './config';

void runService({
  name: 'history',
  schema: configSchema,
  async start({ config, logger, metrics }) {
    const dynamo = await dynamoFromConfig(config, service('history').dynamoTables, logger);
    return { app: buildApp({ logger, metrics }), stores: [dynamo] };
  },
});
