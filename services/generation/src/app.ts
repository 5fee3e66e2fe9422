import path from 'node:path';
import { type AppDependencies, type Logger, type TokenVerifier, createServiceApp } from '@what-if/kit';
import type { Express } from 'express';
import type { History } from './history';
import type { Quotas } from './quota';
import { scenarioRoutes } from './routes/scenarios';
import { suggestionRoutes } from './routes/suggestions';
import type { ScenarioWriter } from './scenario-writer';

export interface GenerationDependencies extends AppDependencies {
  writer: ScenarioWriter;
  quotas: Quotas;
  history: History;
  verifier: TokenVerifier;
  /** The enabled providers in order; requests may ask for one of these. */
  providers: readonly string[];
  heartbeatMs: number;
}

export function buildApp(deps: GenerationDependencies): Express {
  const logger: Logger = deps.logger;
  return createServiceApp({
    logger,
    metrics: deps.metrics,
    identity: deps.identity,
    ...(deps.validateResponses === undefined ? {} : { validateResponses: deps.validateResponses }),
    openapiPath: path.join(__dirname, '..', 'openapi.yaml'),
    routes: (app) => {
      app.use(suggestionRoutes());
      app.use(
        scenarioRoutes({
          writer: deps.writer,
          quotas: deps.quotas,
          history: deps.history,
          verifier: deps.verifier,
          providers: deps.providers,
          heartbeatMs: deps.heartbeatMs,
          logger,
        }),
      );
    },
  });
}
