import { redisFromConfig, runService } from '@what-if/kit';
import { buildApp } from './app';
import { configSchema } from './config';

void runService({
  name: 'video',
  schema: configSchema,
  async start({ config, logger, metrics }) {
    const redis = redisFromConfig(config, logger);
    return { app: buildApp({ logger, metrics }), stores: [redis] };
  },
});
