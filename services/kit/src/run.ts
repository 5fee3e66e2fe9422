import type { RequestListener } from 'node:http';
import { type ServiceName, service } from '@what-if/catalog';
import type { z } from 'zod';
import { type BaseConfig, ConfigError, loadConfig } from './config';
import { type Logger, createLogger } from './logging';
import { type ServiceMetrics, createMetrics } from './metrics';
import { type RunningService, serve } from './server';
import type { Store } from './stores/readiness';

export interface StartContext<Config> {
  config: Config;
  logger: Logger;
  metrics: ServiceMetrics;
}

export interface Started {
  app: RequestListener;
  stores: readonly Store[];
  /** Work after the server stopped and before the stores close (breakers, queues). */
  beforeStoresClose?: () => Promise<void>;
}

export interface ServiceDefinition<Schema extends z.ZodType<BaseConfig>> {
  name: ServiceName;
  schema: Schema;
  /** Opens the stores, runs start-up work (migrations), builds the app. */
  start(context: StartContext<z.infer<Schema>>): Promise<Started>;
}

/**
 * What every main.ts does: read config (a bad one stops start-up naming each variable),
 * build logger and metrics, start the service, serve it with signal handling.
 */
export async function runService<Schema extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<Schema>,
): Promise<RunningService> {
  let config: z.infer<Schema>;
  try {
    config = loadConfig(definition.name, definition.schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG: configuration error
    }
    throw error;
  }
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  try {
    const metrics = createMetrics(definition.name);
    const started = await definition.start({ config, logger, metrics });
    return await serve({
      name: definition.name,
      app: started.app,
      host: config.HOST,
      port: config.PORT,
      logger,
      stores: started.stores,
      shutdown: { delayMs: config.SHUTDOWN_DELAY_MS, timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
      handleSignals: true,
      ...(started.beforeStoresClose ? { beforeStoresClose: started.beforeStoresClose } : {}),
    });
  } catch (error) {
    logger.fatal({ err: error, port: service(definition.name).port }, 'start-up failed');
    process.exit(1);
  }
}
