import type { Request, Response, NextFunction } from 'express';
import type { Redis } from 'ioredis';
import { HttpProblem, type Logger, logSecurityEvent } from '@what-if/kit';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  ipPerMinute: number;
  userPerMinute: number;
  credentialAttemptsPerMinute: number;
}

/**
 * The endpoints where a password or a refresh token is tried: a tight per-IP limit there
 * stops credential stuffing long before the general limit would.
 */
const credentialEndpoints = /^\/api\/v1\/auth\/(login|register|refresh|password-reset)(\/|$)/;

export function isCredentialEndpoint(method: string, path: string): boolean {
  return method === 'POST' && credentialEndpoints.test(path);
}

type Limiter = RateLimiterRedis;

/**
 * A limiter on Redis, so every gateway replica counts together, with an in-memory
 * insurance limiter that takes over (per replica) while Redis is unreachable.
 */
function limiter(redis: Redis, keyPrefix: string, points: number): Limiter {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: 60,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${keyPrefix}:memory`, points, duration: 60 }),
  });
}

function tooManyRequests(result: RateLimiterRes, scope: string): HttpProblem {
  const retryAfter = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return new HttpProblem(429, `Too many requests ${scope}; try again in ${retryAfter} s.`, {
    type: 'too-many-requests',
    headers: { 'Retry-After': String(retryAfter) },
    extensions: { retryAfterSeconds: retryAfter },
  });
}

export interface RateLimits {
  /** Every request, keyed by client IP. */
  perIp(req: Request, res: Response, next: NextFunction): void;
  /** A signed-in caller, keyed by user, across IPs and replicas. */
  perUser(userId: string): Promise<void>;
  /** Credential endpoints, keyed by client IP. */
  perCredentialAttempt(ip: string): Promise<void>;
}

export function createRateLimits(redis: Redis, settings: RateLimitSettings, logger: Logger): RateLimits {
  const byIp = limiter(redis, 'rl:ip', settings.ipPerMinute);
  const byUser = limiter(redis, 'rl:user', settings.userPerMinute);
  const byCredentialAttempt = limiter(redis, 'rl:credentials', settings.credentialAttemptsPerMinute);

  async function consume(target: Limiter, key: string, scope: string, details: Record<string, unknown>) {
    try {
      await target.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      logSecurityEvent(logger, 'rate-limit', 'denied', { scope, ...details });
      throw tooManyRequests(rejection, scope);
    }
  }

  return {
    perIp(req, _res, next) {
      consume(byIp, req.ip ?? 'unknown', 'from this address', { ip: req.ip, path: req.path }).then(
        () => next(),
        next,
      );
    },
    perUser: (userId) => consume(byUser, userId, 'for this account', { userId }),
    perCredentialAttempt: (ip) => consume(byCredentialAttempt, ip, 'at sign-in from this address', { ip }),
  };
}
