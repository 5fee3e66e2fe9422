import { type ChainableCommander, Redis } from 'ioredis';
import type { Logger } from '../logging';
import { type Store, withTimeout } from './readiness';
import { dependencyUnavailable, isConnectionFailure, markUnavailable } from './unavailable';

export interface RedisOptions {
  url: string;
  keyPrefix: string;
  /** How long a readiness ping may take. */
  checkTimeoutMs?: number;
  /**
   * How long a command waits for its answer (2 s unless set). Redis answers in well under a
   * millisecond; only a server or network gone silent, the socket still open, reaches this, and
   * would otherwise hold every request that asks it, the gateway's rate limits among them.
   */
  commandTimeoutMs?: number;
}

export interface RedisStore extends Store {
  client: Redis;
  /**
   * Resolves once connected. Requests never wait (commands fail fast while Redis is away);
   * one-shot work such as an operator command waits here first.
   */
  waitUntilReady(timeoutMs: number): Promise<void>;
}

/**
 * Redis's replies that say it cannot serve now, not that the command was wrong: loading its data
 * after a restart, a replica (a primary demoted by a failover: ElastiCache moves its endpoint, a
 * connection made before still reaches the old node), no reachable primary, a cluster down or
 * resharding, a script running past its limit.
 */
const unavailableReply = /^(LOADING|READONLY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|BUSY) /;

/**
 * ioredis's words for a command it could not send (not connected, closed, out of retries) or
 * that got no answer within the command timeout, and Redis's own replies that it cannot serve now.
 */
function isRedisUnreachable(error: unknown): boolean {
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'MaxRetriesPerRequestError') return true;
  return (
    typeof message === 'string' &&
    (message.startsWith("Stream isn't writeable") ||
      message === 'Connection is closed.' ||
      message === 'Command timed out' ||
      unavailableReply.test(message))
  );
}

/**
 * Marks the errors of commands Redis never answered, so a request that needed Redis answers 503
 * naming it (a feature that degrades without Redis catches them as before). Every command,
 * pipelined ones included, goes through sendCommand.
 */
function markUnavailableStore(client: Redis): void {
  const sendCommand = client.sendCommand.bind(client);
  client.sendCommand = (...args: Parameters<Redis['sendCommand']>) => {
    const sent = sendCommand(...args);
    if (sent instanceof Promise) {
      sent.catch((error: unknown) => {
        if (isRedisUnreachable(error) || isConnectionFailure(error)) markUnavailable(error, 'redis');
      });
    }
    return sent;
  };
  // A transaction that a queued command's refusal aborted fails with EXECABORT; ioredis lists
  // the refusals, already marked above, as its previousErrors once the transaction has ended.
  const multi = client.multi.bind(client) as (...args: unknown[]) => unknown;
  client.multi = ((...args: unknown[]) => {
    const transaction = multi(...args) as ChainableCommander;
    if (typeof transaction?.exec !== 'function') return transaction;
    const exec = transaction.exec.bind(transaction);
    transaction.exec = ((...execArgs: Parameters<ChainableCommander['exec']>) => {
      if (typeof execArgs[0] === 'function') return exec(...execArgs);
      return exec().catch((error: unknown) => {
        const previous = (error as { previousErrors?: unknown }).previousErrors;
        if (Array.isArray(previous) && previous.some((cause) => dependencyUnavailable(cause) === 'redis')) {
          markUnavailable(error, 'redis');
        }
        return Promise.reject(error);
      });
    }) as ChainableCommander['exec'];
    return transaction;
  }) as Redis['multi'];
}

/**
 * A Redis client that fails fast while disconnected (no offline queue, one retry per
 * command) or silent (a command timeout) so a Redis outage degrades the features that use it
 * instead of stalling requests; it keeps reconnecting in the background with capped backoff.
 */
export function createRedis(options: RedisOptions, logger: Logger): RedisStore {
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    // After a failover the node this connection reached is a replica: connect again, which finds
    // the endpoint's new primary. The command itself fails (503), its retry reaches the primary.
    reconnectOnError: (error) => error.message.startsWith('READONLY '),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  markUnavailableStore(client);
  let lastError = '';
  client.on('error', (error: Error) => {
    // ioredis repeats the same error on every reconnect attempt; log each new one once.
    if (error.message !== lastError) logger.warn({ err: error }, 'redis: connection error');
    lastError = error.message;
  });
  client.on('ready', () => {
    if (lastError) logger.info('redis: connection restored');
    lastError = '';
  });
  let closed = false;
  return {
    name: 'redis',
    client,
    waitUntilReady(timeoutMs) {
      if (client.status === 'ready') return Promise.resolve();
      return withTimeout(
        new Promise<void>((resolve) => client.once('ready', () => resolve())),
        timeoutMs,
        `redis at ${options.url.replace(/\/\/[^@/]*@/, '//***@')}`,
      );
    },
    async check() {
      if (client.status !== 'ready') throw new Error(`redis is ${client.status}`);
      await withTimeout(client.ping(), options.checkTimeoutMs ?? 2_000, 'redis');
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
