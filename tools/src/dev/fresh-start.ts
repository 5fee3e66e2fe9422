import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { envDefaults } from '@what-if/catalog';
import type { Logger } from '@what-if/kit';
import { Redis } from 'ioredis';
import type { DevConfig } from './config';
import { dropDatabase } from './database';
import { devOutboxDirectory, devVideoDirectory } from './service-processes';
import { withoutPassword } from './summary';

/** The Redis key prefix each service of the stack writes under, as the launcher configures it. */
export function stackRedisPrefixes(config: DevConfig): string[] {
  return config.services.map((entry) =>
    config.redisKeyPrefix !== undefined
      ? `${config.redisKeyPrefix}${entry.name}:`
      : (envDefaults(entry.name)['REDIS_KEY_PREFIX'] ?? `whatif:${entry.name}:`),
  );
}

async function deleteKeysUnder(
  redisUrl: string,
  prefixes: readonly string[],
  timeoutMs: number,
): Promise<number> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
  });
  client.on('error', () => undefined);
  await client.connect();
  let deleted = 0;
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) deleted += await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    client.disconnect();
  }
  return deleted;
}

/**
 * `make dev FRESH=1`: everything the local stack keeps is removed before it starts, so it comes
 * up as on a new machine (the dev signing key stays, so open browser tabs fail cleanly with 401
 * rather than on a bad signature). Only this stack's own data goes: its database, its dynalite
 * directory, its mail outbox, its rendered videos and the keys under its services' prefixes, never anything else on
 * the servers.
 */
export async function startFromEmpty(config: DevConfig, logger: Logger): Promise<void> {
  if (await dropDatabase(config.databaseUrl, config.storeTimeoutMs)) {
    logger.info(`fresh start: dropped the database ${withoutPassword(config.databaseUrl)}`);
  }
  if (config.dynamodb.path) {
    await rm(config.dynamodb.path, { recursive: true, force: true });
    logger.info(`fresh start: removed the DynamoDB data in ${config.dynamodb.path}`);
  }
  const outbox = devOutboxDirectory(config.repoRoot);
  if (existsSync(outbox)) {
    await rm(outbox, { recursive: true, force: true });
    logger.info(`fresh start: emptied the mail outbox ${outbox}`);
  }
  const videos = devVideoDirectory(config.repoRoot);
  if (existsSync(videos)) {
    await rm(videos, { recursive: true, force: true });
    logger.info(`fresh start: removed the rendered videos in ${videos}`);
  }
  const deleted = await deleteKeysUnder(config.redisUrl, stackRedisPrefixes(config), config.storeTimeoutMs);
  logger.info(`fresh start: deleted ${deleted} Redis key${deleted === 1 ? '' : 's'} of the stack's services`);
}
