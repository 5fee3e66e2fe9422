import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type ScenarioContent, scenarioContentSchema } from '@what-if/contracts';
import { type Logger } from '@what-if/kit';
import type { GenerationMetrics } from './metrics';

/** What the cache keeps: the content and who wrote it; id and time are fresh on every hit. */
export interface CachedScenario {
  content: ScenarioContent;
  provider: string;
  model: string;
  promptVersion: string;
}

export interface ScenarioCache {
  get(key: string): Promise<CachedScenario | undefined>;
  set(key: string, value: CachedScenario): Promise<void>;
}

/** The parts of a request that decide its answer. */
export interface CacheKeyParts {
  normalizedQuestion: string;
  category: string;
  tone: string;
  length: string;
  language: string;
  provider: string;
  promptVersion: string;
  parent?: { id: string; timelineIndex: number };
}

/** A digest rather than the question itself: bounded length, and no user text in key names. */
export function cacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify([
    parts.normalizedQuestion,
    parts.category,
    parts.tone,
    parts.length,
    parts.language,
    parts.provider,
    parts.promptVersion,
    parts.parent?.id ?? '',
    parts.parent?.timelineIndex ?? -1,
  ]);
  return `cache:${createHash('sha256').update(canonical).digest('hex')}`;
}

/**
 * Scenarios by request in Redis. Every failure is a miss: a cache that is down makes
 * generation slower, never broken.
 */
export function createScenarioCache(options: {
  redis: Redis;
  ttlSeconds: number;
  metrics: GenerationMetrics;
  logger: Logger;
}): ScenarioCache {
  const { redis, ttlSeconds, metrics, logger } = options;
  return {
    async get(key) {
      if (ttlSeconds === 0) return undefined;
      try {
        const stored = await redis.get(key);
        if (!stored) {
          metrics.cacheRequests.inc({ result: 'miss' });
          return undefined;
        }
        const value = JSON.parse(stored) as CachedScenario;
        // An entry from an older schema is as good as none.
        const content = scenarioContentSchema.safeParse(value.content);
        if (!content.success) {
          metrics.cacheRequests.inc({ result: 'miss' });
          return undefined;
        }
        metrics.cacheRequests.inc({ result: 'hit' });
        return { ...value, content: content.data };
      } catch (error) {
        metrics.cacheRequests.inc({ result: 'error' });
        logger.warn({ err: error }, 'cache: lookup failed; generating instead');
        return undefined;
      }
    },
    async set(key, value) {
      if (ttlSeconds === 0) return;
      try {
        await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
      } catch (error) {
        logger.warn({ err: error }, 'cache: could not store the scenario');
      }
    },
  };
}
