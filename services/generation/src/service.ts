import { jwksUrl } from '@what-if/contracts';
import { type ServiceDefinition, createServiceClient, jwksVerifier } from '@what-if/kit';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { createScenarioCache } from './cache';
import { configSchema } from './config';
import { createHistory } from './history';
import { createGenerationMetrics } from './metrics';
import { createProviderChain } from './providers/chain';
import type { ScenarioProvider } from './providers/provider';
import { createLocalProvider } from './providers/local';
import { remoteProvidersFromConfig } from './providers/remote';
import { createQuotas } from './quota';
import { createScenarioWriter } from './scenario-writer';

/**
 * Providers to use instead of the configured ones: tests run the real service with
 * providers that fail, stall or count on cue. Production uses `generationService`.
 */
export interface ProviderOverrides {
  local?: ScenarioProvider;
  remote?: ScenarioProvider[];
}

export function defineGenerationService(
  overrides: ProviderOverrides = {},
): ServiceDefinition<typeof configSchema> {
  return {
    name: 'generation',
    schema: configSchema,
    async start({ config, logger, metrics, identity, validateResponses }) {
      const redis = redisFromConfig(config, logger);
      const generationMetrics = createGenerationMetrics(metrics.registry);
      const historyClient = createServiceClient({
        upstream: 'history',
        baseUrl: config.HISTORY_SERVICE_URL,
        registry: metrics.registry,
        logger,
        identity,
      });
      const chain = createProviderChain({
        remote: overrides.remote ?? remoteProvidersFromConfig(config),
        local: overrides.local ?? createLocalProvider(),
        breaker: {
          errorThresholdPercentage: config.PROVIDER_BREAKER_ERROR_PERCENT,
          volumeThreshold: config.PROVIDER_BREAKER_VOLUME,
          resetTimeoutMs: config.PROVIDER_BREAKER_RESET_MS,
        },
        metrics: generationMetrics,
        logger,
      });
      const app = buildApp({
        logger,
        metrics,
        identity,
        validateResponses,
        writer: createScenarioWriter({
          chain,
          cache: createScenarioCache({
            redis: redis.client,
            ttlSeconds: config.CACHE_TTL_SECONDS,
            metrics: generationMetrics,
            logger,
          }),
          metrics: generationMetrics,
        }),
        quotas: createQuotas({
          redis: redis.client,
          limits: {
            anonymousPerDay: config.QUOTA_ANONYMOUS_PER_DAY,
            perDayByRole: {
              user: config.QUOTA_USER_PER_DAY,
              moderator: config.QUOTA_MODERATOR_PER_DAY,
              admin: config.QUOTA_ADMIN_PER_DAY,
            },
          },
          metrics: generationMetrics,
          logger,
        }),
        history: createHistory(historyClient),
        verifier: jwksVerifier(
          {
            jwksUrl: jwksUrl(config.USER_SERVICE_URL),
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
          },
          logger,
        ),
        providers: chain.names,
        heartbeatMs: config.SSE_HEARTBEAT_MS,
      });
      return {
        app,
        // Quotas count in each replica's memory and the cache is skipped while Redis is away.
        stores: [{ ...redis, degradesWithout: true }],
        beforeStoresClose: async () => {
          chain.close();
          historyClient.close();
        },
      };
    },
  };
}

export const generationService = defineGenerationService();
