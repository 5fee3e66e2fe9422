import { jwksUrl } from '@what-if/contracts';
import {
  type Logger,
  type ServiceDefinition,
  type ServiceIdentity,
  type ServiceMetrics,
  createServiceClient,
  jwksVerifier,
} from '@what-if/kit';
import { type RedisStore, redisFromConfig } from '@what-if/kit/redis';
import { type Dependencies, buildApp } from './app';
import { type Config, configSchema } from './config';
import { createRateLimits } from './rate-limits';
import { createSessionChecks } from './sessions';
import { upstreamsFromConfig } from './upstreams';
import { rememberingVerifier } from './verified-tokens';

interface GatewayWiring {
  dependencies: Dependencies;
  /** Releases what the wiring opened besides the stores (the user service client's breaker). */
  close(): void;
}

/** Everything the gateway's app needs, from its config. */
function wireGateway(
  context: { config: Config; logger: Logger; metrics: ServiceMetrics; identity: ServiceIdentity },
  redis: RedisStore,
): GatewayWiring {
  const { config, logger, metrics, identity } = context;
  const upstreams = upstreamsFromConfig(config);
  const userUrl = upstreams.get('user');
  if (!userUrl) throw new Error('the gateway needs the user service address for tokens and sessions');
  const user = createServiceClient({
    upstream: 'user',
    baseUrl: userUrl,
    registry: metrics.registry,
    logger,
    identity,
    timeoutMs: 2_000,
    retries: 1,
  });
  return {
    dependencies: {
      logger,
      metrics,
      identity,
      upstreams,
      stores: [redis],
      verifier: rememberingVerifier(
        jwksVerifier(
          { jwksUrl: jwksUrl(userUrl), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
          logger,
        ),
        { trustSeconds: config.SESSION_CACHE_SECONDS },
      ),
      sessions: createSessionChecks({ user, cacheSeconds: config.SESSION_CACHE_SECONDS, logger }),
      rateLimits: createRateLimits(
        redis.client,
        {
          ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
          userPerMinute: config.RATE_LIMIT_USER_PER_MINUTE,
          credentialAttemptsPerMinute: config.RATE_LIMIT_AUTH_PER_MINUTE,
          refreshAttemptsPerMinute: config.RATE_LIMIT_REFRESH_PER_MINUTE,
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
    },
    close: () => user.close(),
  };
}

export const gatewayService: ServiceDefinition<typeof configSchema> = {
  name: 'gateway',
  schema: configSchema,
  async start(context) {
    const redis = redisFromConfig(context.config, context.logger);
    const wiring = wireGateway(context, redis);
    const gateway = buildApp(wiring.dependencies);
    return {
      app: gateway.app,
      // Rate limits count in each replica's memory while Redis is away: no reason to take traffic off.
      stores: [{ ...redis, degradesWithout: true }],
      healthHeaders: gateway.healthHeaders,
      beforeStoresClose: async () => {
        gateway.close();
        wiring.close();
      },
    };
  },
};
