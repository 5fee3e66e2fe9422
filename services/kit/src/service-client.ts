import CircuitBreaker from 'opossum';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { type ServiceName, serviceNames } from '@what-if/catalog';
import { REQUEST_ID_HEADER, currentRequestId } from './context';
import { INTERNAL_PATH_PREFIX } from './identity/internal-guard';
import type { ServiceIdentity } from './identity/service-tokens';
import type { Logger } from './logging';
import { HttpProblem } from './problems';

export interface ServiceClientOptions {
  /** The upstream's catalog name; it labels metrics, logs and errors. */
  upstream: string;
  baseUrl: string;
  registry: Registry;
  logger: Logger;
  /**
   * The calling service's identity: every /internal/ call carries a service token it signs
   * for the upstream (which must then be a catalog service name). Required for /internal/ paths.
   */
  identity?: ServiceIdentity;
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Further attempts after the first, for idempotent calls only. */
  retries?: number;
  /** Base of the exponential backoff; each wait is drawn at random up to it (full jitter). */
  retryBaseMs?: number;
  breaker?: {
    /** Failure percentage within the rolling window that opens the circuit. */
    errorThresholdPercentage?: number;
    /** Calls in the window before the percentage counts. */
    volumeThreshold?: number;
    /** How long the circuit stays open before one trial call (half-open). */
    resetTimeoutMs?: number;
    rollingWindowMs?: number;
  };
}

export interface ServiceRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Whether repeating the call is harmless. GET, HEAD, PUT and DELETE are by definition;
   * a POST is only when it carries an idempotency key the upstream honours.
   */
  idempotent?: boolean;
}

export interface ServiceResponse<Body = unknown> {
  status: number;
  headers: Headers;
  body: Body;
}

const circuitStates = { closed: 0, open: 1, halfOpen: 2 } as const;

interface UpstreamMetrics {
  duration: Histogram<'upstream' | 'method' | 'outcome'>;
  retries: Counter<'upstream'>;
  circuit: Gauge<'upstream'>;
}

const metricsByRegistry = new WeakMap<Registry, UpstreamMetrics>();

function upstreamMetrics(registry: Registry): UpstreamMetrics {
  let metrics = metricsByRegistry.get(registry);
  if (!metrics) {
    metrics = {
      duration: new Histogram({
        name: 'upstream_request_duration_seconds',
        help: 'Calls to other services, by upstream, method and outcome (status class, timeout, error, circuit_open)',
        labelNames: ['upstream', 'method', 'outcome'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
      retries: new Counter({
        name: 'upstream_retries_total',
        help: 'Attempts repeated after a transient upstream failure',
        labelNames: ['upstream'] as const,
        registers: [registry],
      }),
      circuit: new Gauge({
        name: 'upstream_circuit_state',
        help: 'Circuit breaker state per upstream: 0 closed, 1 open, 2 half-open',
        labelNames: ['upstream'] as const,
        registers: [registry],
      }),
    };
    metricsByRegistry.set(registry, metrics);
  }
  return metrics;
}

/** An upstream failed in a way the caller cannot fix: 502, 503 (circuit open) or 504. */
export class UpstreamError extends HttpProblem {
  constructor(
    readonly upstream: string,
    status: 502 | 503 | 504,
    detail: string,
    cause?: unknown,
  ) {
    super(status, detail, {
      type: `upstream-${status === 504 ? 'timeout' : status === 503 ? 'unavailable' : 'failed'}`,
      extensions: { upstream },
      cause,
    });
    this.name = 'UpstreamError';
  }
}

/** A response worth another attempt (and counted against the circuit). */
function isTransientStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

class TransientStatus extends Error {
  constructor(readonly response: ServiceResponse) {
    super(`status ${response.status}`);
  }
}

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (text && /[/+]json\b/.test(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export interface ServiceClient {
  readonly upstream: string;
  request<Body = unknown>(request: ServiceRequest): Promise<ServiceResponse<Body>>;
  /** The breaker, for health views and tests: `opened`, `halfOpen`, `closed`. */
  readonly breaker: CircuitBreaker<[ServiceRequest], ServiceResponse>;
  close(): void;
}

/**
 * The one way services call each other: per-attempt timeouts, bounded retries with full
 * jitter for idempotent calls, a circuit breaker per upstream, the correlation id on every
 * call, and metrics. A 4xx comes back to the caller as a response; transport failures,
 * timeouts, 5xx after retries and an open circuit throw an UpstreamError.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retries = options.retries ?? 2;
  const retryBaseMs = options.retryBaseMs ?? 100;
  const metrics = upstreamMetrics(options.registry);
  const { upstream, logger } = options;

  /** The service token for an internal call; a client that cannot sign one is a wiring mistake. */
  function internalToken(): string {
    if (!options.identity) {
      throw new Error(`the client for ${upstream} has no identity, so it cannot call /internal/ endpoints`);
    }
    if (!(serviceNames as readonly string[]).includes(upstream)) {
      throw new Error(`${upstream} is not a catalog service; internal calls go to catalog services only`);
    }
    return options.identity.tokenFor(upstream as ServiceName);
  }

  async function attempt(request: ServiceRequest): Promise<ServiceResponse> {
    const url = new URL(baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.path.startsWith(INTERNAL_PATH_PREFIX)) {
      headers['authorization'] = `Bearer ${internalToken()}`;
    }
    const requestId = currentRequestId();
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    const observe = (outcome: string) =>
      metrics.duration.observe(
        { upstream, method: request.method, outcome },
        (performance.now() - started) / 1000,
      );
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const result: ServiceResponse = {
        status: response.status,
        headers: response.headers,
        body: await readBody(response),
      };
      observe(`${Math.floor(response.status / 100)}xx`);
      if (isTransientStatus(response.status)) throw new TransientStatus(result);
      return result;
    } catch (error) {
      if (error instanceof TransientStatus) throw error;
      const timedOut = (error as Error).name === 'TimeoutError';
      observe(timedOut ? 'timeout' : 'error');
      throw error;
    }
  }

  const breaker = new CircuitBreaker<[ServiceRequest], ServiceResponse>(attempt, {
    name: upstream,
    timeout: false,
    errorThresholdPercentage: options.breaker?.errorThresholdPercentage ?? 50,
    volumeThreshold: options.breaker?.volumeThreshold ?? 10,
    resetTimeout: options.breaker?.resetTimeoutMs ?? 10_000,
    rollingCountTimeout: options.breaker?.rollingWindowMs ?? 10_000,
  });
  metrics.circuit.set({ upstream }, circuitStates.closed);
  breaker.on('open', () => {
    metrics.circuit.set({ upstream }, circuitStates.open);
    logger.warn({ upstream }, 'circuit opened: calls fail fast until a trial call succeeds');
  });
  breaker.on('halfOpen', () => metrics.circuit.set({ upstream }, circuitStates.halfOpen));
  breaker.on('close', () => {
    metrics.circuit.set({ upstream }, circuitStates.closed);
    logger.info({ upstream }, 'circuit closed');
  });

  function toUpstreamError(error: unknown, method: string): UpstreamError {
    if (breaker.opened && (error as { code?: string }).code === 'EOPENBREAKER') {
      metrics.duration.observe({ upstream, method, outcome: 'circuit_open' }, 0);
      return new UpstreamError(
        upstream,
        503,
        `The ${upstream} service is unavailable; try again shortly.`,
        error,
      );
    }
    if (error instanceof TransientStatus) {
      return new UpstreamError(
        upstream,
        502,
        `The ${upstream} service answered ${error.response.status}.`,
        error,
      );
    }
    if ((error as Error).name === 'TimeoutError') {
      return new UpstreamError(
        upstream,
        504,
        `The ${upstream} service did not answer within ${timeoutMs} ms.`,
        error,
      );
    }
    return new UpstreamError(upstream, 502, `The ${upstream} service could not be reached.`, error);
  }

  return {
    upstream,
    breaker,
    async request<Body>(request: ServiceRequest): Promise<ServiceResponse<Body>> {
      if (request.path.startsWith(INTERNAL_PATH_PREFIX)) {
        const ownAuthorization = Object.keys(request.headers ?? {}).some(
          (name) => name.toLowerCase() === 'authorization',
        );
        if (ownAuthorization) {
          throw new Error(
            `internal calls carry the service token in Authorization; name the user in the request instead (${request.path})`,
          );
        }
        internalToken(); // a wiring mistake fails here, not as an unreachable upstream
      }
      const repeatable = request.idempotent ?? idempotentMethods.has(request.method);
      const attempts = repeatable ? retries + 1 : 1;
      let lastError: unknown;
      for (let index = 0; index < attempts; index += 1) {
        if (index > 0) {
          metrics.retries.inc({ upstream });
          await sleep(Math.random() * retryBaseMs * 2 ** (index - 1));
        }
        try {
          return (await breaker.fire(request)) as ServiceResponse<Body>;
        } catch (error) {
          lastError = error;
          if ((error as { code?: string }).code === 'EOPENBREAKER') break;
        }
      }
      const failure = toUpstreamError(lastError, request.method);
      logger.warn(
        { upstream, method: request.method, path: request.path, status: failure.status },
        failure.message,
      );
      throw failure;
    },
    close() {
      breaker.shutdown();
    },
  };
}
