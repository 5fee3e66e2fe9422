import type { Request, Response, NextFunction } from 'express';
import type { Redis } from 'ioredis';
import { HttpProblem, type Logger, logSecurityEvent } from '@what-if/kit';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  ipPerMinute: number;
  userPerMinute: number;
  /** Per client IP and per endpoint where a password or a mailed link is tried. */
  credentialAttemptsPerMinute: number;
  /** Per client IP at the refresh endpoint, which every open tab calls on its own. */
  refreshAttemptsPerMinute: number;
}

/**
 * The endpoints where a password, a refresh token or a mailed link is tried. Each has its own
 * per-IP bucket, so ten password resets do not lock anyone out of signing in; refresh, which
 * browsers call routinely, has a bucket of its own size.
 */
const credentialEndpoints: Readonly<Record<string, 'password' | 'refresh'>> = {
  '/api/v1/auth/login': 'password',
  '/api/v1/auth/register': 'password',
  '/api/v1/auth/refresh': 'refresh',
  '/api/v1/auth/password-reset': 'password',
  '/api/v1/auth/password-reset/complete': 'password',
  '/api/v1/users/me/password': 'password',
  '/api/v1/users/me/email': 'password',
};

/** The credential endpoint a request tries, if any: its path names its bucket. */
export function credentialEndpoint(method: string, path: string): string | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return method === 'POST' && normalized in credentialEndpoints ? normalized : undefined;
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
  /** One credential endpoint (`credentialEndpoint()`), keyed by client IP. */
  perCredentialAttempt(endpoint: string, ip: string): Promise<void>;
}

export function createRateLimits(redis: Redis, settings: RateLimitSettings, logger: Logger): RateLimits {
  const byIp = limiter(redis, 'rl:ip', settings.ipPerMinute);
  const byUser = limiter(redis, 'rl:user', settings.userPerMinute);
  const byCredentialAttempt = new Map(
    Object.entries(credentialEndpoints).map(([endpoint, kind]) => [
      endpoint,
      limiter(
        redis,
        `rl:credentials:${endpoint}`,
        kind === 'refresh' ? settings.refreshAttemptsPerMinute : settings.credentialAttemptsPerMinute,
      ),
    ]),
  );

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
    async perCredentialAttempt(endpoint, ip) {
      const bucket = byCredentialAttempt.get(endpoint);
      if (!bucket) throw new Error(`${endpoint} is not a credential endpoint`);
      await consume(bucket, ip, `at ${endpoint} from this address`, { ip, endpoint });
    },
  };
}
