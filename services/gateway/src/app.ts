import path from 'node:path';
import { routeTable } from '@what-if/catalog';
import {
  type HealthHeaders,
  type Logger,
  type ServiceIdentity,
  type ServiceMetrics,
  type Store,
  type TokenVerifier,
  createServiceApp,
  methodNotAllowedHandler,
} from '@what-if/kit';
import type { Express } from 'express';
import { createAccessControl } from './access';
import { corsPolicy, securityHeaders } from './edge';
import { createUnifiedHealth } from './health';
import { createProxy, routeRequests } from './proxy';
import { countingRejections } from './rate-limit-metrics';
import type { RateLimits } from './rate-limits';
import type { SessionChecks } from './sessions';
import type { Upstreams } from './upstreams';

export interface Dependencies {
  logger: Logger;
  metrics: ServiceMetrics;
  /** Signs the session checks sent to the user service; no service calls the gateway. */
  identity: ServiceIdentity;
  upstreams: Upstreams;
  /** The gateway's own stores (Redis), part of the unified health view. */
  stores: readonly Store[];
  verifier: TokenVerifier;
  sessions: SessionChecks;
  rateLimits: RateLimits;
  edge: {
    /** Proxies in front of the gateway whose X-Forwarded-For entries are believed. */
    trustedProxyCount: number;
    corsAllowedOrigins: readonly string[];
    bodyLimitBytes: number;
  };
  timeouts: { connectMs: number; idleMs: number; healthCheckMs: number };
}

export const openapiPath = path.join(__dirname, '..', 'openapi.yaml');

export interface Gateway {
  app: Express;
  /** The security headers of every answer, for the kit's /health/live and /health/ready too. */
  healthHeaders: HealthHeaders;
  /** Releases pooled upstream connections. */
  close(): void;
}

/**
 * The public entry. Proxied requests are not parsed here: bodies stream to the owning
 * service, which validates them against its own contract.
 */
export function buildApp(deps: Dependencies): Gateway {
  const rateLimits = countingRejections(deps.rateLimits, deps.metrics.registry);
  const proxy = createProxy({
    upstreams: deps.upstreams,
    maxBodyBytes: deps.edge.bodyLimitBytes,
    connectTimeoutMs: deps.timeouts.connectMs,
    idleTimeoutMs: deps.timeouts.idleMs,
    logger: deps.logger,
  });
  const unifiedHealth = createUnifiedHealth({
    upstreams: deps.upstreams,
    ownStores: deps.stores,
    timeoutMs: deps.timeouts.healthCheckMs,
  });

  const headers = securityHeaders();
  const app = createServiceApp({
    logger: deps.logger,
    metrics: deps.metrics,
    identity: deps.identity,
    openapiPath,
    requests: 'forwarded',
    // req.ip is the address just before the trusted proxies: a client cannot forge its way out of a limit.
    trustProxy: deps.edge.trustedProxyCount,
    edge: [headers, corsPolicy(deps.edge.corsAllowedOrigins)],
    routes: (gateway) => {
      gateway.get('/health', async (_req, res) => {
        const health = await unifiedHealth();
        res
          .status(health.status === 'ok' ? 200 : 503)
          .set('cache-control', 'no-store')
          .json(health);
      });
      // The gateway's own endpoints are read-only; any other method is a 405, not a request to route.
      gateway.all(['/metrics', '/openapi.json', '/health'], methodNotAllowedHandler(['GET', 'HEAD']));
      gateway.use(routeRequests(routeTable()));
      gateway.use(
        createAccessControl({
          verifier: deps.verifier,
          sessions: deps.sessions,
          rateLimits,
          logger: deps.logger,
        }),
      );
      gateway.use(proxy.handler);
    },
  });
  return { app, healthHeaders: headers, close: proxy.close };
}
