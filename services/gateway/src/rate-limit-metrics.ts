import { HttpProblem } from '@what-if/kit';
import { Counter, type Registry } from 'prom-client';
import type { RateLimits } from './rate-limits';

/** Which limit refused a request: the label of gateway_rate_limit_rejections_total. */
type LimitName = 'ip' | 'user' | 'credentials';

function isRejection(error: unknown): boolean {
  return error instanceof HttpProblem && error.status === 429;
}

/** The same limits, each 429 they answer counted by the limit that refused it, for the dashboards. */
export function countingRejections(limits: RateLimits, registry: Registry): RateLimits {
  const rejections = new Counter({
    name: 'gateway_rate_limit_rejections_total',
    help: 'Requests refused with 429 by a rate limit: per client IP, per user, or at a credential endpoint',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const counted =
    <Args extends unknown[]>(limit: LimitName, check: (...args: Args) => Promise<void>) =>
    async (...args: Args): Promise<void> => {
      try {
        await check(...args);
      } catch (error) {
        if (isRejection(error)) rejections.inc({ limit });
        throw error;
      }
    };
  return {
    perIp(req, res, next) {
      limits.perIp(req, res, (error?: unknown) => {
        if (isRejection(error)) rejections.inc({ limit: 'ip' });
        next(error);
      });
    },
    perUser: counted('user', (...args: Parameters<RateLimits['perUser']>) => limits.perUser(...args)),
    perCredentialAttempt: counted('credentials', (...args: Parameters<RateLimits['perCredentialAttempt']>) =>
      limits.perCredentialAttempt(...args),
    ),
  };
}
