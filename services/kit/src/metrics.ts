import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
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
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return { registry, httpDuration };
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

export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('close', () => {
      stop({ method: req.method, route: routeTemplate(req, res), status_code: String(res.statusCode) });
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
