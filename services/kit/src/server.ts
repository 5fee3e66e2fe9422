import { randomUUID } from 'node:crypto';
import {
  type IncomingMessage,
  STATUS_CODES,
  type RequestListener,
  type Server,
  type ServerResponse,
  createServer,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createTerminus } from '@godaddy/terminus';
import { REQUEST_ID_HEADER, requestIdFrom } from './context';
import type { Logger } from './logging';
import { PROBLEM_CONTENT_TYPE, problemType } from './problems';
import type { Store } from './stores/readiness';
import { stopTracing } from './tracing';

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
  /** Headers the app puts on every answer (the gateway's security headers), put on the health answers too. */
  healthHeaders?: HealthHeaders;
  /** Hears every readiness answer (the metrics that show a flapping replica). */
  onReadiness?: (ready: boolean) => void;
  /**
   * How long a replica waits, from its start, for a store it serves without (`degradesWithout`)
   * to answer once before it becomes ready without it (15 s unless set). A replica that has seen
   * the store stays ready while it is away; one that starts does not take traffic in the moment
   * before its first connection, with counters its peers do not share, unless the store is gone.
   */
  degradedStartGraceMs?: number;
}

/** A middleware that only sets headers (Helmet's, for one), as the health answers use it. */
export interface HealthHeaders {
  (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
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
  /** The service serves without this store, degraded: its being down does not make it unready. */
  degraded?: true;
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
            ...(store.degradesWithout ? { degraded: true as const } : {}),
          },
        ];
      }
    }),
  );
  return Object.fromEntries(results);
}

/** What the health endpoints answer to; the contract (openapi/common.yaml) documents GET. */
const healthMethods = ['GET', 'HEAD'];

function problemJson(
  status: number,
  slug: string,
  detail: string,
  instance: string,
  requestId: string,
): string {
  return JSON.stringify({
    type: problemType(slug),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance,
    requestId,
  });
}

type HealthAnswer = { ok: true; checks: Record<string, StoreCheck> } | { ok: false; causes: unknown };

/**
 * /health/live and /health/ready in front of the app, answered without express so they stay
 * cheap and work whatever the app does: `{status: ok, checks}` or 503 `{status: error, details}`.
 * Another method is a 405 with Allow, as on every other path of ours.
 */
function withHealthEndpoints(
  app: RequestListener,
  checks: Record<string, () => Promise<HealthAnswer>>,
  headers: HealthHeaders | undefined,
): RequestListener {
  return (req, res) => {
    const check = checks[req.url ?? ''];
    if (!check) {
      app(req, res);
      return;
    }
    // Like every other answer: the correlation id, and the app's own headers.
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (headers) headers(req, res, () => answerHealth(req, res, check, requestId));
    else answerHealth(req, res, check, requestId);
  };
}

function answerHealth(
  req: IncomingMessage,
  res: ServerResponse,
  check: () => Promise<HealthAnswer>,
  requestId: string,
): void {
  if (!healthMethods.includes(req.method ?? '')) {
    res.writeHead(405, {
      'content-type': PROBLEM_CONTENT_TYPE,
      allow: healthMethods.join(', '),
    });
    res.end(
      problemJson(
        405,
        'method-not-allowed',
        `${req.url} answers only GET and HEAD, not ${req.method}.`,
        req.url ?? '',
        requestId,
      ),
    );
    return;
  }
  void check()
    .catch((error: unknown): HealthAnswer => ({ ok: false, causes: { check: (error as Error).message } }))
    .then((answer) => {
      res.writeHead(answer.ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          answer.ok
            ? { status: 'ok', checks: answer.checks }
            : { status: 'error', error: answer.causes, details: answer.causes },
        ),
      );
    });
}

/**
 * A request Node cannot even parse (headers past its size limit, a malformed request line)
 * never reaches the app; Node's own answer has no body. Answer problem+json instead, as
 * every other 4xx of ours does, then close: the connection's framing can no longer be trusted.
 */
function answerUnparseableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, slug, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large', 'The request line and headers are larger than this server accepts.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request-timeout', 'The request did not arrive in time.']
          : [400, 'malformed-request', 'The request is not valid HTTP/1.1.'];
    const requestId = randomUUID();
    const body = problemJson(status, slug, detail, '', requestId);
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        `content-type: ${PROBLEM_CONTENT_TYPE}`,
        `content-length: ${Buffer.byteLength(body)}`,
        `${REQUEST_ID_HEADER}: ${requestId}`,
        'connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

/**
 * Serves an app with the kit's health endpoints and graceful shutdown (terminus):
 * /health/live answers while the process runs; /health/ready asks every store; on
 * SIGTERM readiness turns 503 first, in-flight requests finish, stores close, exit 0.
 */
export async function serve(options: ServeOptions): Promise<RunningService> {
  const { logger } = options;
  let shuttingDown = false;
  let stopping: Promise<void> | undefined;
  const startedAt = performance.now();
  const degradedStartGraceMs = options.degradedStartGraceMs ?? 15_000;
  const answeredOnce = new Set<string>();
  const readiness = async (): Promise<HealthAnswer> => {
    if (shuttingDown) return { ok: false, causes: { shutdown: 'in progress' } };
    const checks = await checkStores(options.stores);
    const graceOver = performance.now() - startedAt >= degradedStartGraceMs;
    const blocking = Object.entries(checks).some(([name, check]) => {
      if (check.status === 'up') {
        answeredOnce.add(name);
        return false;
      }
      return !check.degraded || (!answeredOnce.has(name) && !graceOver);
    });
    return blocking ? { ok: false, causes: checks } : { ok: true, checks };
  };
  const server = createServer(
    withHealthEndpoints(
      options.app,
      {
        '/health/live': async () => ({ ok: true, checks: {} }),
        '/health/ready': async () => {
          const answer = await readiness();
          options.onReadiness?.(answer.ok);
          return answer;
        },
      },
      options.healthHeaders,
    ),
  );
  // Longer than the load balancer's idle timeout (60 s on an ALB), so it never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const waitForTrafficToMove = async () => {
    shuttingDown = true;
    logger.info({ delayMs: options.shutdown.delayMs }, 'shutdown: readiness now fails; draining');
    await new Promise((resolve) => setTimeout(resolve, options.shutdown.delayMs));
  };
  const closeStores = async () => {
    await options.beforeStoresClose?.();
    await Promise.allSettled(options.stores.map((store) => store.close()));
    logger.info('shutdown: stores closed');
    // The last spans leave before the process does.
    await stopTracing().catch((error: unknown) => logger.warn({ err: error }, 'shutdown: spans not sent'));
  };

  // terminus drives the shutdown sequence; the health endpoints are ours (withHealthEndpoints), so
  // liveness stays 200 while the process drains and only readiness turns 503.
  createTerminus(server, {
    signals: options.handleSignals ? ['SIGTERM', 'SIGINT'] : [],
    useExit0: true,
    timeout: options.shutdown.timeoutMs,
    beforeShutdown: waitForTrafficToMove,
    onSignal: closeStores,
    onShutdown: async () => {
      logger.info('shutdown: complete');
    },
    logger: (message, error) => logger.error({ err: error }, message),
  });

  answerUnparseableRequests(server);

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
