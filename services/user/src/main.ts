import path from 'node:path';
import { migrate, postgresFromConfig, redisFromConfig, runService } from '@what-if/kit';
import { buildApp } from './app';
import { configSchema } from './config';

export const migrationsDirectory = path.join(__dirname, '..', 'migrations');

void runService({
  name: 'user',
  schema: configSchema,
  async start({ config, logger, metrics }) {
    const postgres = postgresFromConfig(config, 'what-if-user', logger);
    // The schema must be current before the first request; a replica that cannot migrate does not start.
    await migrate(postgres.pool, migrationsDirectory, logger);
    const redis = redisFromConfig(config, logger);
    return { app: buildApp({ logger, metrics }), stores: [postgres, redis] };
  },
});
