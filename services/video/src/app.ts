import path from 'node:path';
import { type Logger, type ServiceMetrics, createServiceApp, loadOpenApiDocument } from '@what-if/kit';
import type { Express } from 'express';

export interface Dependencies {
  logger: Logger;
  metrics: ServiceMetrics;
  /** Check responses against openapi.yaml (tests). */
  validateResponses?: boolean;
}

export const openapiPath = path.join(__dirname, '..', 'openapi.yaml');

export function buildApp(deps: Dependencies): Express {
  return createServiceApp({
    logger: deps.logger,
    metrics: deps.metrics,
    openapi: loadOpenApiDocument(openapiPath),
    validateResponses: deps.validateResponses ?? false,
    routes: () => undefined,
  });
}
