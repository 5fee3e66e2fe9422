import type { Redis } from 'ioredis';
import { type Role } from '@what-if/contracts';
import { HttpProblem, type Logger } from '@what-if/kit';
import type { GenerationMetrics } from './metrics';

/** Who a quota counts for: an anonymous client by IP, a signed-in user by id and roles. */
export type QuotaSubject =
  { kind: 'anonymous'; ip: string } | { kind: 'user'; userId: string; roles: readonly Role[] };

export interface QuotaLimits {
  anonymousPerDay: number;
  perDayByRole: Record<Role, number>;
}

export interface QuotaUsage {
  limit: number;
  remaining: number;
  resetAt: Date;
  /** Gives the unit back: for a generation that failed on our side, which should cost the caller nothing. */
  release(): Promise<void>;
}

export interface Quotas {
  /** Counts one generation; throws a 429 problem (with Retry-After) once the day's quota is spent. */
  consume(subject: QuotaSubject): Promise<QuotaUsage>;
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

function limitFor(subject: QuotaSubject, limits: QuotaLimits): number {
  if (subject.kind === 'anonymous') return limits.anonymousPerDay;
  return Math.max(0, ...subject.roles.map((role) => limits.perDayByRole[role] ?? 0));
}

/**
 * Daily quotas per UTC day: an atomic INCR with an expiry at the day's end in Redis, shared
 * by every replica. While Redis does not answer, each replica counts in its own memory
 * instead, so generation keeps working and quotas still hold (per replica) until it is back.
 */
export function createQuotas(options: {
  redis: Redis;
  limits: QuotaLimits;
  metrics: GenerationMetrics;
  logger: Logger;
  now?: () => Date;
}): Quotas {
  const { redis, limits, metrics, logger } = options;
  const now = options.now ?? (() => new Date());
  const memory = new Map<string, { count: number; resetAt: number }>();

  function countInMemory(key: string, resetAt: Date): number {
    const current = Date.now();
    for (const [stored, entry] of memory) if (entry.resetAt <= current) memory.delete(stored);
    const entry = memory.get(key) ?? { count: 0, resetAt: resetAt.getTime() };
    entry.count += 1;
    memory.set(key, entry);
    return entry.count;
  }

  async function count(key: string, resetAt: Date): Promise<{ used: number; inMemory: boolean }> {
    try {
      const results = await redis
        .multi()
        .incr(key)
        .expireat(key, Math.ceil(resetAt.getTime() / 1000) + 60)
        .exec();
      const [incrError, value] = results?.[0] ?? [new Error('no reply'), undefined];
      if (incrError) throw incrError;
      return { used: Number(value), inMemory: false };
    } catch (error) {
      metrics.quotaDegraded.inc();
      logger.warn({ err: error }, 'quota: Redis did not answer; counting in the memory of this replica');
      return { used: countInMemory(key, resetAt), inMemory: true };
    }
  }

  async function uncount(key: string, inMemory: boolean): Promise<void> {
    const entry = memory.get(key);
    if (inMemory) {
      if (entry) entry.count = Math.max(0, entry.count - 1);
      return;
    }
    await redis.decr(key).catch((error: unknown) => {
      logger.warn({ err: error }, 'quota: could not give a unit back');
    });
  }

  return {
    async consume(subject) {
      const today = now();
      const resetAt = nextUtcMidnight(today);
      const limit = limitFor(subject, limits);
      const day = today.toISOString().slice(0, 10);
      const key =
        subject.kind === 'anonymous'
          ? `quota:ip:${subject.ip}:${day}`
          : `quota:user:${subject.userId}:${day}`;
      const { used, inMemory } = await count(key, resetAt);
      if (used > limit) {
        metrics.quotaRejections.inc({ subject: subject.kind });
        const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - today.getTime()) / 1000));
        throw new HttpProblem(
          429,
          subject.kind === 'anonymous'
            ? `You have used the ${limit} scenarios a day available without an account; sign in for more, or come back after ${resetAt.toISOString()}.`
            : `You have used your ${limit} scenarios for today; the quota resets at ${resetAt.toISOString()}.`,
          {
            type: 'quota-exceeded',
            title: 'Daily quota used up',
            extensions: { limit, resetAt: resetAt.toISOString() },
            headers: { 'Retry-After': String(retryAfterSeconds) },
          },
        );
      }
      return { limit, remaining: limit - used, resetAt, release: () => uncount(key, inMemory) };
    },
  };
}
