import type { ServiceDefinition } from '@what-if/kit';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';

export const videoService: ServiceDefinition<typeof configSchema> = {
  name: 'video',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    const redis = redisFromConfig(config, logger);
    return { app: buildApp({ logger, metrics, identity, validateResponses }), stores: [redis] };
  },
};
