import { type DynamoTable, dynamoTableName } from '@what-if/catalog';
import type { Logger } from '../logging';
import { type DynamoStore, createDynamo } from './dynamodb';
import { ensureTables } from './dynamodb-tables';
import { type PostgresStore, createPostgres } from './postgres';
import { type RedisStore, createRedis } from './redis';

/** Store factories over the variables the catalog names, so services spell them one way. */
export function postgresFromConfig(
  config: {
    DATABASE_URL: string;
    PG_POOL_MAX: number;
    PG_CONNECT_TIMEOUT_MS: number;
    PG_STATEMENT_TIMEOUT_MS: number;
  },
  applicationName: string,
  logger: Logger,
): PostgresStore {
  return createPostgres(
    {
      connectionString: config.DATABASE_URL,
      maxConnections: config.PG_POOL_MAX,
      connectTimeoutMs: config.PG_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.PG_STATEMENT_TIMEOUT_MS,
      applicationName,
    },
    logger,
  );
}

export function redisFromConfig(
  config: { REDIS_URL: string; REDIS_KEY_PREFIX: string },
  logger: Logger,
): RedisStore {
  return createRedis({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX }, logger);
}

/** Opens DynamoDB for a service's catalog tables, creating them first where the config asks. */
export async function dynamoFromConfig(
  config: {
    DYNAMODB_ENDPOINT: string;
    AWS_REGION: string;
    DYNAMODB_TABLE_PREFIX: string;
    DYNAMODB_CREATE_TABLES: boolean;
  },
  tables: readonly DynamoTable[],
  logger: Logger,
): Promise<DynamoStore> {
  const store = createDynamo({
    endpoint: config.DYNAMODB_ENDPOINT,
    region: config.AWS_REGION,
    tables: tables.map((table) => dynamoTableName(config.DYNAMODB_TABLE_PREFIX, table.name)),
  });
  if (config.DYNAMODB_CREATE_TABLES) {
    const created = await ensureTables(store.client, config.DYNAMODB_TABLE_PREFIX, tables);
    if (created.length > 0) logger.info({ tables: created }, 'dynamodb: tables created');
  }
  return store;
}
