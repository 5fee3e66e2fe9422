import type { RequestListener } from 'node:http';
import type { ServiceName } from '@what-if/catalog';
import type { z } from 'zod';
import { type BaseConfig, ConfigError, loadConfig } from './config';
import { type ServiceIdentity, createServiceIdentity } from './identity/service-tokens';
import { readServiceKeys } from './identity/service-keys';
import { type Logger, createLogger } from './logging';
import { type ServiceMetrics, createMetrics } from './metrics';
import { type HealthHeaders, type RunningService, serve } from './server';
import type { Store } from './stores/readiness';

export interface StartContext<Config> {
  config: Config;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Who this service is to the others: signs its internal calls, checks its internal callers. */
  identity: ServiceIdentity;
  /** Responses are checked against the contract too: on under NODE_ENV=test. */
  validateResponses: boolean;
}

export interface Started {
  app: RequestListener;
  stores: readonly Store[];
  /** Work after the server stopped and before the stores close (breakers, pools, queues). */
  beforeStoresClose?: () => Promise<void>;
  /** Headers the app sets on every answer, for the health answers the kit gives in front of it. */
  healthHeaders?: HealthHeaders;
}

/** What a service is: its name, its config schema, and how it opens stores and builds its app. */
export interface ServiceDefinition<Schema extends z.ZodType<BaseConfig> = z.ZodType<BaseConfig>> {
  name: ServiceName;
  schema: Schema;
  /** Opens the stores, runs start-up work (migrations), builds the app. */
  start(context: StartContext<z.infer<Schema>>): Promise<Started>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** SIGTERM/SIGINT drain and exit the process: main.ts only. */
  handleSignals?: boolean;
}

export interface StartedService<Config> extends RunningService {
  config: Config;
  logger: Logger;
  metrics: ServiceMetrics;
}

/**
 * Starts a service in this process: config (throws ConfigError naming every bad
 * variable), logger, metrics, stores, app, server. Tests drive the real service this way.
 */
export async function startService<Schema extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<Schema>,
  options: StartOptions = {},
): Promise<StartedService<z.infer<Schema>>> {
  const config = loadConfig(definition.name, definition.schema, options.env ?? process.env);
  const keys = readServiceKeys(definition.name, config);
  if (!keys.keys) throw new ConfigError(definition.name, keys.problems);
  const logger = options.logger ?? createLogger({ service: definition.name, level: config.LOG_LEVEL });
  if (keys.ignoredCallers.length > 0) {
    logger.warn(
      { ignored: keys.ignoredCallers },
      'SERVICE_PUBLIC_KEYS holds keys of services the catalog does not let call this one; they are ignored',
    );
  }
  const metrics = createMetrics(definition.name);
  const started = await definition.start({
    config,
    logger,
    metrics,
    identity: createServiceIdentity(definition.name, keys.keys),
    validateResponses: config.NODE_ENV === 'test',
  });
  const running = await serve({
    name: definition.name,
    app: started.app,
    host: config.HOST,
    port: config.PORT,
    logger,
    stores: started.stores,
    shutdown: { delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
    handleSignals: options.handleSignals ?? false,
    onReadiness: metrics.recordReadiness,
    ...(started.beforeStoresClose ? { beforeStoresClose: started.beforeStoresClose } : {}),
    ...(started.healthHeaders ? { healthHeaders: started.healthHeaders } : {}),
  });
  return { ...running, config, logger, metrics };
}

/** What every main.ts does: start the service with signal handling, or exit saying why not. */
export async function runService<Schema extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<Schema>,
): Promise<void> {
  try {
    const running = await startService(definition, { handleSignals: true });
    process.on('unhandledRejection', (reason) =>
      running.logger.error({ err: reason }, 'unhandled rejection'),
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    const logger = createLogger({ service: definition.name, level: 'info' });
    logger.fatal({ err: error }, 'start-up failed');
    process.exit(1);
  }
}
