import path from 'node:path';
import { routeTable } from '@what-if/catalog';
import {
  type Logger,
  type ServiceMetrics,
  type Store,
  httpMetricsMiddleware,
  loadOpenApiDocument,
  metricsHandler,
  notFoundHandler,
  problemHandler,
  requestContext,
  requestLogging,
} from '@what-if/kit';
import express, { type Express } from 'express';
import { createUnifiedHealth } from './health';
import { createProxy } from './proxy';
import type { Upstreams } from './upstreams';

export interface Dependencies {
  logger: Logger;
  metrics: ServiceMetrics;
  upstreams: Upstreams;
  /** The gateway's own stores (Redis), part of the unified health view. */
  stores: readonly Store[];
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  healthCheckTimeoutMs: number;
}

export const openapiPath = path.join(__dirname, '..', 'openapi.yaml');

export interface Gateway {
  app: Express;
  /** Releases pooled upstream connections. */
  close(): void;
}

/**
 * The public entry. Proxied requests are not parsed here: bodies stream to the owning
 * service, which validates them against its own contract.
 */
export function buildApp(deps: Dependencies): Gateway {
  const openapi = loadOpenApiDocument(openapiPath);
  const proxy = createProxy({
    routes: routeTable(),
    upstreams: deps.upstreams,
    connectTimeoutMs: deps.connectTimeoutMs,
    idleTimeoutMs: deps.idleTimeoutMs,
    logger: deps.logger,
  });
  const unifiedHealth = createUnifiedHealth({
    upstreams: deps.upstreams,
    ownStores: deps.stores,
    timeoutMs: deps.healthCheckTimeoutMs,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(requestContext());
  app.use(requestLogging(deps.logger));
  app.use(httpMetricsMiddleware(deps.metrics));
  app.get('/metrics', metricsHandler(deps.metrics));
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.get('/health', async (_req, res) => {
    const health = await unifiedHealth();
    res
      .status(health.status === 'ok' ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(health);
  });
  app.use(proxy.handler);
  app.use(notFoundHandler);
  app.use(problemHandler(deps.logger));
  return { app, close: proxy.close };
}
