import { Counter, type Registry } from 'prom-client';
import { RateLimited, type RateLimits } from './rate-limits';

/** The same limits, each 429 they answer counted by the limit that refused it, for the dashboards. */
export function countingRejections(limits: RateLimits, registry: Registry): RateLimits {
  const rejections = new Counter({
    name: 'gateway_rate_limit_rejections_total',
    help: 'Requests refused with 429 by a rate limit: per client IP, per user, or at a credential endpoint',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  return {
    async admit(request) {
      try {
        await limits.admit(request);
      } catch (error) {
        if (error instanceof RateLimited) rejections.inc({ limit: error.limit });
        throw error;
      }
    },
  };
}
