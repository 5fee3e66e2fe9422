import { Pool } from 'pg';
import type { Logger } from '../logging';
import { type Store, withTimeout } from './readiness';

export interface PostgresOptions {
  connectionString: string;
  maxConnections: number;
  /** How long a query waits for a connection from the pool before it fails (never forever). */
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName: string;
}

export interface PostgresStore extends Store {
  pool: Pool;
}

export function createPostgres(options: PostgresOptions, logger: Logger): PostgresStore {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    application_name: options.applicationName,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error }, 'postgres: idle connection failed'));
  let closed = false;
  return {
    name: 'postgres',
    pool,
    async check() {
      await withTimeout(pool.query('SELECT 1'), options.connectTimeoutMs, 'postgres');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
