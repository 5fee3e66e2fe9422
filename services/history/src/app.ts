import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';
import type { HistoryDependencies } from './dependencies';
import { bulkRoutes } from './routes/bulk-routes';
import { internalRoutes } from './routes/internal-routes';
import { scenarioRoutes } from './routes/scenario-routes';

export function buildApp(deps: AppDependencies & { history: HistoryDependencies }): Express {
  return createServiceApp({
    ...deps,
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    // A scenario is at most a few tens of kilobytes; bulk requests are a hundred ids.
    bodyLimit: '128kb',
    routes: (app) => {
      // Before /:id, so "bulk" is never taken for an id.
      app.use(bulkRoutes(deps.history));
      app.use(scenarioRoutes(deps.history));
      app.use(internalRoutes(deps.history));
    },
  });
}
