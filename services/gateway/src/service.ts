import { type ServiceDefinition, createServiceClient, verifierFromConfig } from '@what-if/kit';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';
import { createRateLimits } from './rate-limits';
import { createSessionChecks } from './sessions';
import { upstreamsFromConfig } from './upstreams';

export const gatewayService: ServiceDefinition<typeof configSchema> = {
  name: 'gateway',
  schema: configSchema,
  async start({ config, logger, metrics }) {
    const redis = redisFromConfig(config, logger);
    const upstreams = upstreamsFromConfig(config);
    const userUrl = upstreams.get('user');
    if (!userUrl) throw new Error('the gateway needs the user service address for tokens and sessions');
    const user = createServiceClient({
      upstream: 'user',
      baseUrl: userUrl,
      registry: metrics.registry,
      logger,
      timeoutMs: 2_000,
      retries: 1,
    });
    const gateway = buildApp({
      logger,
      metrics,
      upstreams,
      stores: [redis],
      verifier: verifierFromConfig({ ...config, USER_SERVICE_URL: userUrl }, logger),
      sessions: createSessionChecks({ user, cacheSeconds: config.SESSION_CACHE_SECONDS, logger }),
      rateLimits: createRateLimits(
        redis.client,
        {
          ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
          userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
          credentialAttemptsPerMinute: config.RATE_LIMIT_AUTH_PER_MINUTE,
        },
        logger,
      ),
      edge: {
        trustedProxyCount: config.TRUSTED_PROXY_COUNT,
        corsAllowedOrigins: config.CORS_ALLOWED_ORIGINS,
        bodyLimitBytes: config.BODY_LIMIT_BYTES,
      },
      timeouts: {
        connectMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
        idleMs: config.UPSTREAM_IDLE_TIMEOUT_MS,
        healthCheckMs: config.HEALTH_CHECK_TIMEOUT_MS,
      },
    });
    return {
      app: gateway.app,
      stores: [redis],
      beforeStoresClose: async () => {
        gateway.close();
        user.close();
      },
    };
  },
};
