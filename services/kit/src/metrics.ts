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
