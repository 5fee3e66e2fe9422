/** Redis for the services that use it; a separate entry point so others never load ioredis. */
import type { Logger } from './logging';
import { type RedisStore, createRedis } from './stores/redis';

export { createRedis, type RedisOptions, type RedisStore } from './stores/redis';

/** A client over the catalog's Redis variables. */
export function redisFromConfig(
  config: { REDIS_URL: string; REDIS_KEY_PREFIX: string },
  logger: Logger,
): RedisStore {
  return createRedis({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX }, logger);
}
