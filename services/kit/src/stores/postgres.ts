import { Pool, type PoolClient } from 'pg';
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
  // pg's words for a connection that dropped, never came within the pool's timeout, is already
  // gone when a query is sent on it, or fell silent (no answer past the statement timeout).
  return (
    typeof message === 'string' &&
    (/^Connection terminated|^timeout exceeded when trying to connect/.test(message) ||
      /^Client (has encountered a connection error|was closed) and is not queryable$/.test(message) ||
      message === 'Query read timeout')
  );
}

const isLostConnection = (error: unknown): boolean =>
  isConnectionFailure(error) || isServerUnavailable(error);

/** What went wrong with a checked-out client's connection during its current checkout. */
const connectionFaults = new WeakMap<PoolClient, unknown>();
const guarded = new WeakSet<PoolClient>();

/**
 * A client taken with pool.connect() (a transaction) whose connection drops: the server ended
 * its backend (57P01 on pg_terminate_backend or a restart) or the socket died. Three things
 * must hold then, and pg gives none of them by itself:
 * - the 'error' pg emits on the client is heard: the pool listens only while the client is
 *   idle, and an unheard 'error' event would take the whole process down;
 * - the query's error (and each later one on the dead client) is marked, so the request is
 *   answered 503 naming postgres;
 * - the client goes back to the pool with that error, so the pool discards it: given back
 *   as healthy before pg noticed the socket close, it could be handed to the next request.
 */
function guardCheckedOutClient(client: PoolClient): PoolClient {
  connectionFaults.delete(client);
  if (!guarded.has(client)) {
    guarded.add(client);
    client.on('error', (error: Error) => {
      if (!connectionFaults.has(client)) connectionFaults.set(client, markUnavailable(error, 'postgres'));
    });
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    Object.assign(client, {
      query(...args: unknown[]) {
        const sent = query(...args);
        // The callback and submittable forms (the pool's own query) report their errors elsewhere.
        if (!(sent instanceof Promise)) return sent;
        return sent.catch((error: unknown) => {
          if (connectionFaults.has(client) || isLostConnection(error)) {
            markUnavailable(error, 'postgres');
            if (!connectionFaults.has(client)) connectionFaults.set(client, error);
          }
          return Promise.reject(error);
        });
      },
    });
  }
  // pg-pool hands every checkout a new release function; wrap this one.
  const release = client.release.bind(client);
  client.release = (error?: Error | boolean) =>
    release(error ?? (connectionFaults.get(client) as Error | undefined));
  return client;
}

/**
 * Marks what the pool's promise API rejects with when PostgreSQL cannot be reached, so a request
 * that needed it answers 503 naming postgres. Taking a client fails only for want of the server;
 * a query fails for it too, or for the statement, which stays a plain error. Every client taken
 * is guarded for the time it is out (guardCheckedOutClient).
 */
function markUnavailableStore(pool: Pool): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const mark = (error: unknown, always: boolean) =>
    always || isLostConnection(error) ? markUnavailable(error, 'postgres') : error;
  // pool.query takes its client through pool.connect, with a callback: both forms are covered.
  Object.assign(pool, {
    connect(...args: unknown[]) {
      const callback = args[0];
      if (typeof callback === 'function') {
        return connect((error: unknown, client?: PoolClient) => {
          if (error || client === undefined) return callback(error ? mark(error, true) : error, client);
          const checkedOut = guardCheckedOutClient(client);
          return callback(undefined, checkedOut, checkedOut.release);
        });
      }
      return (connect() as Promise<PoolClient>).then(guardCheckedOutClient, (error: unknown) =>
        Promise.reject(mark(error, true)),
      );
    },
    query(...args: unknown[]) {
      if (typeof args.at(-1) === 'function') return query(...args);
      return (query(...args) as Promise<unknown>).catch((error: unknown) =>
        Promise.reject(mark(error, false)),
      );
    },
  });
}

/**
 * How much longer than the server's statement timeout a query waits for any answer. The server
 * ends a slow statement itself (a plain error); only a server or network gone silent, where the
 * socket stays open and nothing comes back, outlasts it, and would otherwise hold the request
 * and its connection until TCP gives up, many minutes later.
 */
const silentServerGraceMs = 2_000;

export function createPostgres(options: PostgresOptions, logger: Logger): PostgresStore {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    query_timeout: options.statementTimeoutMs + silentServerGraceMs,
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

/**
 * Runs `work` in one transaction on a client of its own: every write lands, or none does. When
 * the connection drops on the way (the server ends the backend, the socket dies), PostgreSQL
 * rolls the transaction back itself and the error is marked, so the request is answered 503
 * naming postgres and the pool opens a new connection for the next one.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let unusable: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // Without its connection the server rolls the transaction back itself, and a ROLLBACK sent
    // on a silent one would only wait out another timeout.
    if (!connectionFaults.has(client)) {
      // A client whose ROLLBACK failed is in no known state: the pool must not hand it out again.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
    }
    throw error;
  } finally {
    client.release(unusable);
  }
}
