/**
 * PostgreSQL for the services that use it; a separate entry point so services without
 * PostgreSQL never load its driver.
 */
import type { Logger } from './logging';
import { type PostgresStore, createPostgres } from './stores/postgres';

export { createPostgres, inTransaction, type PostgresOptions, type PostgresStore } from './stores/postgres';
export { migrate } from './stores/migrations';

/** A pool over the catalog's PostgreSQL variables. */
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
