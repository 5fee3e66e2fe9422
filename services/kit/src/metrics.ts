import type { NextFunction, Request, Response } from 'express';
import { services } from '@what-if/catalog';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Called with each readiness answer: keeps `readiness_ready` and counts changes for flapping alerts. */
  recordReadiness(ready: boolean): void;
  /** Requests answered 503 because a store did not answer, by store. */
  dependencyUnavailable: Counter<'dependency'>;
}

const baseBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The request histogram's bounds: the usual ones plus every catalog latency objective, so the
 * share of requests slower than a service's objective is an exact bucket, not an interpolation
 * (the gateway judges each proxied request by the objective of the service that answered it).
 */
export const httpDurationBuckets: readonly number[] = [
  ...new Set([...baseBuckets, ...services.map((entry) => entry.latency.p99Ms / 1000)]),
].sort((a, b) => a - b);

/** Appended to the route label of a server-sent event stream: its duration is how long someone watched. */
export const eventStreamRouteSuffix = ' (event stream)';

/**
 * How long a gauge read from a store when Prometheus scrapes may wait for it. A scrape has 10 s
 * (Prometheus' default scrape timeout); a silent store (connection open, no answer) would hold a
 * read longer (DynamoDB up to 3 x 10 s, PostgreSQL 12 s) and so fail the replica's whole scrape,
 * every metric with it. Well under 10 s, so the rest of the scrape still arrives in time.
 */
export const scrapeReadDeadlineMs = 3_000;

const readFailureCounters = new WeakMap<Registry, Counter<'read' | 'reason'>>();

function readFailureCounter(registry: Registry): Counter<'read' | 'reason'> {
  let counter = readFailureCounters.get(registry);
  if (!counter) {
    counter = new Counter({
      name: 'metric_read_failures_total',
      help: 'Scrapes whose read of a store for a gauge failed (reason error) or was abandoned at the scrape deadline (reason timeout): that scrape showed the gauge NaN',
      labelNames: ['read', 'reason'] as const,
      registers: [registry],
    });
    readFailureCounters.set(registry, counter);
  }
  return counter;
}

type ReadOutcome<Value> = { ok: true; value: Value } | { ok: false; error: unknown };

/**
 * A store read for gauges, made when Prometheus scrapes: bounded by `deadlineMs` (then abandoned,
 * the scrape goes on without it), shared by the gauges of one scrape (the calls they make as
 * the scrape starts get the same read), and undefined when it failed or ran out of time, which the gauges
 * show as NaN. Each failure counts in `metric_read_failures_total{read, reason}` (seen from the
 * next scrape on: this one's counters are already read) and goes to `onFailure` (a log line).
 */
export function scrapeRead<Value>(options: {
  registry: Registry;
  /** The read's label in `metric_read_failures_total`, e.g. `outbox purges`. */
  name: string;
  read: () => Promise<Value>;
  deadlineMs?: number;
  onFailure?: (error: unknown) => void;
}): () => Promise<Value | undefined> {
  const failures = readFailureCounter(options.registry);
  const deadlineMs = options.deadlineMs ?? scrapeReadDeadlineMs;
  const failed = (reason: 'error' | 'timeout', error: unknown): undefined => {
    failures.inc({ read: options.name, reason });
    options.onFailure?.(error);
    return undefined;
  };
  async function bounded(): Promise<Value | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
      timer.unref();
    });
    const reading = options.read().then(
      (value): ReadOutcome<Value> => ({ ok: true, value }),
      (error: unknown): ReadOutcome<Value> => ({ ok: false, error }),
    );
    try {
      const outcome = await Promise.race([reading, deadline]);
      if (outcome === 'deadline') {
        return failed(
          'timeout',
          new Error(`${options.name}: no answer within ${deadlineMs} ms; the scrape went on without it`),
        );
      }
      return outcome.ok ? outcome.value : failed('error', outcome.error);
    } finally {
      clearTimeout(timer);
    }
  }
  let current: Promise<Value | undefined> | undefined;
  return () => {
    if (!current) {
      current = bounded();
      // The gauges of one scrape start collecting in one synchronous pass; any later call, even
      // a scrape that follows at once, reads again.
      queueMicrotask(() => {
        current = undefined;
      });
    }
    return current;
  };
}

/** One registry per service instance (never the global one), with process metrics. */
export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests served, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [...httpDurationBuckets],
    registers: [registry],
  });
  const ready = new Gauge({
    name: 'readiness_ready',
    help: 'The last readiness answer: 1 ready, 0 not ready (a store down, or shutting down)',
    registers: [registry],
  });
  const changes = new Counter({
    name: 'readiness_changes_total',
    help: 'Times the readiness answer changed between ready and not ready',
    registers: [registry],
  });
  const dependencyUnavailable = new Counter({
    name: 'dependency_unavailable_total',
    help: 'Requests answered 503 because a store they needed did not answer, by store',
    labelNames: ['dependency'] as const,
    registers: [registry],
  });
  let last: boolean | undefined;
  return {
    registry,
    httpDuration,
    dependencyUnavailable,
    recordReadiness(isReady) {
      ready.set(isReady ? 1 : 0);
      if (last !== undefined && last !== isReady) changes.inc();
      last = isReady;
    },
  };
}

/**
 * The route label is a template, never a raw URL: express's matched route, or a template a
 * handler set in `res.locals.routeTemplate` (the gateway names its route rule), else
 * "unmatched", so ids and probes cannot explode the label space.
 */
export function routeTemplate(req: Request, res: Response): string {
  const set = res.locals['routeTemplate'];
  if (typeof set === 'string') return set;
  const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof routePath === 'string') return `${req.baseUrl}${routePath}`;
  return 'unmatched';
}

function isEventStream(res: Response): boolean {
  return String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
}

export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('close', () => {
      // A stream lasts as long as its client watches, so latency objectives leave it out by this label.
      const route = routeTemplate(req, res) + (isEventStream(res) ? eventStreamRouteSuffix : '');
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}

export function metricsHandler(metrics: ServiceMetrics) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}
