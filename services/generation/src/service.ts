import type { ServiceDefinition } from '@what-if/kit';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';

export const generationService: ServiceDefinition<typeof configSchema> = {
  name: 'generation',
  schema: configSchema,
  async start({ config, logger, metrics, validateResponses }) {
    const redis = redisFromConfig(config, logger);
    return { app: buildApp({ logger, metrics, validateResponses }), stores: [redis] };
  },
};
