import { sessionStatusPath } from '@what-if/contracts';
import { type Logger, type ServiceClient, logSecurityEvent } from '@what-if/kit';

interface CachedAnswer {
  active: boolean;
  until: number;
}

export interface SessionChecks {
  /** Whether the session is still alive: not logged out, not revoked, its user not disabled. */
  isActive(sessionId: string): Promise<boolean>;
}

/**
 * Asks the user service whether a session lives, and remembers the answer briefly: the
 * bound on how late a logout or a disabled account takes effect (SESSION_CACHE_SECONDS),
 * traded against one call per session per interval. When the user service cannot answer,
 * a signed, unexpired token is let through (and logged): an identity outage degrades
 * revocation, it does not take every signed-in feature down.
 */
export function createSessionChecks(options: {
  user: ServiceClient;
  cacheSeconds: number;
  logger: Logger;
  /** The most sessions remembered at once; the oldest answers go first. */
  maxEntries?: number;
}): SessionChecks {
  const cache = new Map<string, CachedAnswer>();
  const maxEntries = options.maxEntries ?? 50_000;
  const pending = new Map<string, Promise<boolean>>();

  function remember(sessionId: string, active: boolean) {
    if (options.cacheSeconds === 0) return;
    cache.delete(sessionId);
    cache.set(sessionId, { active, until: Date.now() + options.cacheSeconds * 1000 });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  }

  async function ask(sessionId: string): Promise<boolean> {
    try {
      const response = await options.user.request({
        method: 'GET',
        path: sessionStatusPath(sessionId),
      });
      const active = response.status === 200;
      remember(sessionId, active);
      return active;
    } catch (error) {
      const stale = cache.get(sessionId);
      logSecurityEvent(options.logger, 'session-check', 'failed', {
        sessionId,
        fallback: stale ? 'last known answer' : 'signature only',
        reason: (error as Error).message,
      });
      return stale ? stale.active : true;
    }
  }

  return {
    async isActive(sessionId) {
      const cached = cache.get(sessionId);
      if (cached && cached.until > Date.now()) return cached.active;
      let answer = pending.get(sessionId);
      if (!answer) {
        answer = ask(sessionId).finally(() => pending.delete(sessionId));
        pending.set(sessionId, answer);
      }
      return answer;
    },
  };
}
