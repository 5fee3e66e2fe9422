import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTerminus } from '@godaddy/terminus';
import type { Logger } from './logging';
import type { Store } from './stores/readiness';

export interface ShutdownOptions {
  /** After SIGTERM: how long readiness fails while requests are still served. */
  delayMs: number;
  /** Then: how long in-flight requests may finish before their connections are cut. */
  timeoutMs: number;
}

export interface ServeOptions {
  name: string;
  app: RequestListener;
  host: string;
  port: number;
  logger: Logger;
  stores: readonly Store[];
  shutdown: ShutdownOptions;
  /** Install SIGTERM/SIGINT handling that exits the process (main.ts); tests call stop(). */
  handleSignals: boolean;
  /** Extra work after the server stopped and before the stores close. */
  beforeStoresClose?: () => Promise<void>;
}

export interface RunningService {
  server: Server;
  port: number;
  /** http://127.0.0.1:<port>, for tests and the local launcher. */
  url: string;
  /** The same sequence SIGTERM runs: readiness fails, requests drain, stores close. */
  stop(): Promise<void>;
}

export interface StoreCheck {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** Asks every store at once; readiness is ok only when all answer. */
export async function checkStores(stores: readonly Store[]): Promise<Record<string, StoreCheck>> {
  const results = await Promise.all(
    stores.map(async (store): Promise<[string, StoreCheck]> => {
      const started = performance.now();
      try {
        await store.check();
        return [store.name, { status: 'up', latencyMs: Math.round(performance.now() - started) }];
      } catch (error) {
        return [
          store.name,
          {
            status: 'down',
            latencyMs: Math.round(performance.now() - started),
            error: (error as Error).message,
          },
        ];
      }
    }),
  );
  return Object.fromEntries(results);
}

class NotReady extends Error {
  constructor(readonly causes: unknown) {
    super('not ready');
  }
}

/**
 * Serves an app with the kit's health endpoints and graceful shutdown (terminus):
 * /health/live answers while the process runs; /health/ready asks every store; on
 * SIGTERM readiness turns 503 first, in-flight requests finish, stores close, exit 0.
 */
export async function serve(options: ServeOptions): Promise<RunningService> {
  const { logger } = options;
  const server = createServer(options.app);
  // Longer than the load balancer's idle timeout (60 s on an ALB), so it never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let shuttingDown = false;
  let stopping: Promise<void> | undefined;

  const waitForTrafficToMove = async () => {
    shuttingDown = true;
    logger.info({ delayMs: options.shutdown.delayMs }, 'shutdown: readiness now fails; draining');
    await new Promise((resolve) => setTimeout(resolve, options.shutdown.delayMs));
  };
  const closeStores = async () => {
    await options.beforeStoresClose?.();
    await Promise.allSettled(options.stores.map((store) => store.close()));
    logger.info('shutdown: stores closed');
  };

  createTerminus(server, {
    healthChecks: {
      // Both checks answer the same keys: terminus merges each answer into one shared object.
      '/health/live': async () => ({ checks: {} }),
      '/health/ready': async () => {
        if (shuttingDown) throw new NotReady({ shutdown: 'in progress' });
        const checks = await checkStores(options.stores);
        if (Object.values(checks).some((check) => check.status === 'down')) throw new NotReady(checks);
        return { checks };
      },
      verbatim: true,
    },
    // Terminus would answer 503 on every health path once shutdown starts; liveness must stay 200
    // while the process drains, or an orchestrator probing it would count a clean drain as a hang.
    sendFailuresDuringShutdown: false,
    signals: options.handleSignals ? ['SIGTERM', 'SIGINT'] : [],
    useExit0: true,
    timeout: options.shutdown.timeoutMs,
    beforeShutdown: waitForTrafficToMove,
    onSignal: closeStores,
    onShutdown: async () => {
      logger.info('shutdown: complete');
    },
    logger: (message, error) => {
      if (message === 'healthcheck failed') return;
      logger.error({ err: error }, message);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: options.host }, `${options.name} listening`);

  const stoppable = server as Server & { stop(callback: (error?: Error) => void): void };
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    stop() {
      stopping ??= (async () => {
        await waitForTrafficToMove();
        await new Promise<void>((resolve, reject) =>
          stoppable.stop((error) => (error ? reject(error) : resolve())),
        );
        await closeStores();
      })();
      return stopping;
    },
  };
}
