import { Pool } from 'pg';
import type { Logger } from '../logging';
import { type Store, withTimeout } from './readiness';
import { isConnectionFailure, markUnavailable } from './unavailable';

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

/** SQLSTATE classes and codes that say the server cannot serve now, not that the statement was wrong. */
function isServerUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))
  ) {
    return true;
  }
  // pg's words for a connection that dropped or never came within the pool's timeout.
  return (
    typeof message === 'string' &&
    /^Connection terminated|^timeout exceeded when trying to connect/.test(message)
  );
}

/**
 * Marks what the pool's promise API rejects with when PostgreSQL cannot be reached, so a request
 * that needed it answers 503 naming postgres. Taking a client fails only for want of the server;
 * a query fails for it too, or for the statement, which stays a plain error.
 */
function markUnavailableStore(pool: Pool): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const mark = (error: unknown, always: boolean) =>
    always || isConnectionFailure(error) || isServerUnavailable(error)
      ? markUnavailable(error, 'postgres')
      : error;
  // pool.query takes its client through pool.connect, with a callback: both forms are covered.
  Object.assign(pool, {
    connect(...args: unknown[]) {
      const callback = args[0];
      if (typeof callback === 'function') {
        return connect((error: unknown, ...rest: unknown[]) =>
          callback(error ? mark(error, true) : error, ...rest),
        );
      }
      return (connect() as Promise<unknown>).catch((error: unknown) => Promise.reject(mark(error, true)));
    },
    query(...args: unknown[]) {
      if (typeof args.at(-1) === 'function') return query(...args);
      return (query(...args) as Promise<unknown>).catch((error: unknown) =>
        Promise.reject(mark(error, false)),
      );
    },
  });
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
  markUnavailableStore(pool);
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
