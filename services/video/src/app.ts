import path from 'node:path';
import { type AppDependencies, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';

export function buildApp(deps: AppDependencies): Express {
  return createServiceApp({
    ...deps,
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    routes: () => undefined,
  });
}
