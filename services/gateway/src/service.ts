import type { ServiceDefinition } from '@what-if/kit';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';
import { upstreamsFromConfig } from './upstreams';

export const gatewayService: ServiceDefinition<typeof configSchema> = {
  name: 'gateway',
  schema: configSchema,
  async start({ config, logger, metrics }) {
    const redis = redisFromConfig(config, logger);
    const gateway = buildApp({
      logger,
      metrics,
      upstreams: upstreamsFromConfig(config),
      stores: [redis],
      connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
      idleTimeoutMs: config.UPSTREAM_IDLE_TIMEOUT_MS,
      healthCheckTimeoutMs: config.HEALTH_CHECK_TIMEOUT_MS,
    });
    return { app: gateway.app, stores: [redis], beforeStoresClose: async () => gateway.close() };
  },
};
