import path from 'node:path';
import type { ServiceDefinition } from '@what-if/kit';
import { migrate, postgresFromConfig } from '@what-if/kit/postgres';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';

export const migrationsDirectory = path.join(__dirname, '..', 'migrations');

export const userService: ServiceDefinition<typeof configSchema> = {
  name: 'user',
  schema: configSchema,
  async start({ config, logger, metrics, validateResponses }) {
    const postgres = postgresFromConfig(config, 'what-if-user', logger);
    // The schema must be current before the first request; a replica that cannot migrate does not start.
    await migrate(postgres.pool, migrationsDirectory, logger);
    const redis = redisFromConfig(config, logger);
    return { app: buildApp({ logger, metrics, validateResponses }), stores: [postgres, redis] };
  },
};
