import type { Redis } from 'ioredis';
import type { Role } from '@what-if/contracts';
import { HttpProblem } from '@what-if/kit';

export interface QuotaUsage {
  limit: number;
  remaining: number;
  /** Gives the unit back: the request turned out not to make a new video. */
  release(): Promise<void>;
}

export interface Quotas {
  /** Counts one new video for the user today; a 429 problem (with Retry-After) once the day's are used. */
  consume(userId: string, roles: readonly Role[]): Promise<QuotaUsage>;
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/**
 * Videos per user per UTC day: an atomic INCR with an expiry at the day's end in Redis, shared
 * by every replica. A user's highest role sets the limit. Redis away means no new videos anyway
 * (the queue lives there), so a failure here is the request's failure.
 */
export function createQuotas(options: {
  redis: Redis;
  perDayByRole: Record<Role, number>;
  now?: () => Date;
}): Quotas {
  const now = options.now ?? (() => new Date());
  return {
    async consume(userId, roles) {
      const today = now();
      const resetAt = nextUtcMidnight(today);
      const limit = Math.max(0, ...roles.map((role) => options.perDayByRole[role] ?? 0));
      const key = `quota:user:${userId}:${today.toISOString().slice(0, 10)}`;
      const results = await options.redis
        .multi()
        .incr(key)
        .expireat(key, Math.ceil(resetAt.getTime() / 1000) + 60)
        .exec();
      const [error, value] = results?.[0] ?? [new Error('Redis gave no answer'), undefined];
      if (error) throw error;
      const used = Number(value);
      const release = async () => {
        await options.redis.decr(key);
      };
      if (used > limit) {
        await release();
        throw new HttpProblem(
          429,
          `You have used your ${limit} videos for today; the quota resets at ${resetAt.toISOString()}.`,
          {
            type: 'quota-exceeded',
            title: 'Daily quota used up',
            extensions: { limit, resetAt: resetAt.toISOString() },
            headers: {
              'Retry-After': String(Math.max(1, Math.ceil((resetAt.getTime() - today.getTime()) / 1000))),
            },
          },
        );
      }
      return { limit, remaining: limit - used, release };
    },
  };
}
