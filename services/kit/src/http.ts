import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { REQUEST_ID_HEADER, requestIdFrom, runWithContext } from './context';
import { dependencyFaults } from './dependency-faults';
import { requireServiceCaller } from './identity/internal-guard';
import type { ServiceIdentity } from './identity/service-tokens';
import type { Logger } from './logging';
import { type ServiceMetrics, httpMetricsMiddleware, metricsHandler, routeTemplate } from './metrics';
import { loadOpenApiDocument, openApiValidation } from './openapi';
import { notFoundHandler, problemHandler } from './problems';

/**
 * Gives the request its correlation id (a valid inbound x-request-id, else a new one),
 * echoes it, and runs the rest of the request inside its context so logs and outgoing
 * calls carry it.
 */
export function requestContext() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runWithContext({ requestId }, next);
  };
}

/** One line per request when it ends, with its route template, duration and, when proxied, its upstream. */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('close', () => {
      const fields = {
        method: req.method,
        path: req.path,
        route: routeTemplate(req, res),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        aborted: !res.writableFinished,
        // The service a proxy handed it to (the gateway sets it): ECS judges each request's
        // duration against that service's latency objective (cdk/src/services/route-latency.ts).
        ...(typeof res.locals['upstream'] === 'string' ? { upstream: res.locals['upstream'] } : {}),
      };
      const dependency = res.locals['unavailableDependency'];
      // A store's outage is logged at error once per burst (dependency-faults.ts), not per request.
      if (typeof dependency === 'string') logger.warn({ ...fields, dependency }, 'request');
      else if (res.statusCode >= 500) logger.error(fields, 'request');
      else logger.info(fields, 'request');
    });
    next();
  };
}

/** What every service's buildApp receives from its start-up. */
export interface AppDependencies {
  logger: Logger;
  metrics: ServiceMetrics;
  /**
   * The service's identity: /internal/ admits only calls carrying a token one of the catalog's
   * callers signed for it. Without one, every /internal/ call is refused.
   */
  identity: ServiceIdentity | undefined;
  /** Check responses against the contract too (on in tests). */
  validateResponses?: boolean;
}

export interface ServiceAppOptions extends AppDependencies {
  /** The service's openapi.yaml; the kit's shared paths are merged in. */
  openapiPath: string;
  /** The largest JSON body accepted, in body-parser's notation. */
  bodyLimit?: string;
  /**
   * `validated` (the default): JSON bodies are parsed and every request is checked against
   * the contract before the routes see it. `forwarded`: bodies stay unread and requests
   * unchecked, for a proxy (the gateway) whose upstreams check them against their own contracts.
   */
  requests?: 'validated' | 'forwarded';
  /**
   * Whose X-Forwarded-For entries to believe (express's `trust proxy`). By default the
   * private network's: only the gateway reaches an internal service.
   */
  trustProxy?: number | string;
  /** Middleware for every request, the chassis' own endpoints included (the gateway's headers and CORS). */
  edge?: readonly RequestHandler[];
  /** Mounts the service's own routes, after validation and before the error handlers. */
  routes: (app: Express) => void;
}

/**
 * A service's express app on the chassis: correlation ids, request logs, metrics, the
 * contract served (and, unless forwarded, enforced), service tokens required on /internal/,
 * problem+json for every error.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const openapi = loadOpenApiDocument(options.openapiPath);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? 'loopback, linklocal, uniquelocal');
  app.use(requestContext());
  app.use(requestLogging(options.logger));
  app.use(httpMetricsMiddleware(options.metrics));
  for (const middleware of options.edge ?? []) app.use(middleware);
  app.get('/metrics', metricsHandler(options.metrics));
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  // Before bodies are read or checked: reaching the port teaches an unproven caller nothing.
  app.use('/internal', requireServiceCaller(options.identity, options.logger));
  if ((options.requests ?? 'validated') === 'validated') {
    app.use(express.json({ limit: options.bodyLimit ?? '100kb' }));
    app.use(openApiValidation(openapi, { validateResponses: options.validateResponses ?? false }));
  }
  options.routes(app);
  app.use(notFoundHandler);
  app.use(
    problemHandler(options.logger, dependencyFaults(options.logger, options.metrics.dependencyUnavailable)),
  );
  return app;
}
