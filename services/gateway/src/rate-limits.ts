import type { Redis } from 'ioredis';
import { HttpProblem, type Logger, logSecurityEvent } from '@what-if/kit';
import { type WindowCounter, type WindowCounters, windowCountersWithFallback } from './window-counters';

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

/** Which limit refused a request: the label of gateway_rate_limit_rejections_total. */
export type LimitName = 'ip' | 'user' | 'credentials';

/** A 429 answer, naming the limit that refused. */
export class RateLimited extends HttpProblem {
  readonly limit: LimitName;

  constructor(limit: LimitName, scope: string, msLeft: number) {
    const retryAfter = Math.max(1, Math.ceil(msLeft / 1000));
    super(429, `Too many requests ${scope}; try again in ${retryAfter} s.`, {
      type: 'too-many-requests',
      headers: { 'Retry-After': String(retryAfter) },
      extensions: { retryAfterSeconds: retryAfter },
    });
    this.limit = limit;
  }
}

/** What one request is counted as. */
export interface Admission {
  /** The client's address (`req.ip`). */
  ip: string;
  path: string;
  /** The credential endpoint (`credentialEndpoint()`) the request tries, if any. */
  credentialEndpoint?: string | undefined;
  /** The signed-in caller, once its token and session checked out. */
  userId?: string | undefined;
}

export interface RateLimits {
  /**
   * Counts a request against every limit it falls under — per client IP, per credential
   * endpoint and IP, per user — in that order and in one Redis round trip; rejects with
   * `RateLimited` for the first one it is over, and then counts it on none after that one.
   */
  admit(request: Admission): Promise<void>;
}

interface Limit extends WindowCounter {
  name: LimitName;
  scope: string;
  details: Record<string, unknown>;
}

const windowMs = 60_000;

/**
 * Limits per minute, counted on Redis so every gateway replica counts together (in a fixed
 * window that opens with a key's first request), with this replica's own counters taking over
 * while Redis is unreachable. The keys are the ones rate-limiter-flexible used before, so
 * replicas of either kind count together during a rolling deploy.
 */
export function createRateLimits(
  redis: Redis,
  settings: RateLimitSettings,
  logger: Logger,
  counters: WindowCounters = windowCountersWithFallback(redis, windowMs),
): RateLimits {
  function limitsOf(request: Admission): Limit[] {
    const { ip, path, credentialEndpoint: endpoint, userId } = request;
    const limits: Limit[] = [
      {
        name: 'ip',
        key: `rl:ip:${ip}`,
        limit: settings.ipPerMinute,
        scope: 'from this address',
        details: { ip, path },
      },
    ];
    if (endpoint) {
      if (!(endpoint in credentialEndpoints)) throw new Error(`${endpoint} is not a credential endpoint`);
      limits.push({
        name: 'credentials',
        key: `rl:credentials:${endpoint}:${ip}`,
        limit:
          credentialEndpoints[endpoint] === 'refresh'
            ? settings.refreshAttemptsPerMinute
            : settings.credentialAttemptsPerMinute,
        scope: `at ${endpoint} from this address`,
        details: { ip, endpoint },
      });
    }
    if (userId !== undefined) {
      limits.push({
        name: 'user',
        key: `rl:user:${userId}`,
        limit: settings.userPerMinute,
        scope: 'for this account',
        details: { userId },
      });
    }
    return limits;
  }

  return {
    async admit(request) {
      const limits = limitsOf(request);
      const over = await counters.count(limits);
      if (!over) return;
      const refused = limits[over.index]!;
      logSecurityEvent(logger, 'rate-limit', 'denied', { scope: refused.scope, ...refused.details });
      throw new RateLimited(refused.name, refused.scope, over.msLeft);
    },
  };
}
