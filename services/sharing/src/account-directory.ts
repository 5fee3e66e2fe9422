import type { Logger, ServiceClient } from '@what-if/kit';
import { z } from 'zod';

/** What sharing needs of an account from the user service's public profiles: that it exists, and since when. */
const profileBatchSchema = z.object({
  items: z.array(z.object({ id: z.string(), joinedAt: z.iso.datetime() })),
});

/** An account as the user service last answered: live (existing and enabled, since `joinedAt`) or gone. */
export type AccountStatus = { live: true; joinedAt: string } | { live: false };

/**
 * Accounts as the user service holds them (`GET /internal/v1/profiles?ids=`, service-authenticated),
 * each answer kept for `cacheSeconds` (30 s at most: the read-time check of docs/cross-service.md §2
 * must see a deleted owner within the minute deletion promises).
 */
export interface AccountDirectory {
  /**
   * The account's status, or undefined when the user service cannot say right now (it is down
   * and this replica has never asked): callers decide what an unknown means for them.
   */
  status(userId: string): Promise<AccountStatus | undefined>;
}

interface Entry {
  value: AccountStatus;
  until: number;
}

export function createAccountDirectory(options: {
  user: ServiceClient;
  logger: Logger;
  cacheSeconds: number;
  maxEntries?: number;
  now?: () => number;
}): AccountDirectory {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<AccountStatus | undefined>>();
  const maxEntries = options.maxEntries ?? 20_000;
  const now = options.now ?? Date.now;

  async function ask(userId: string): Promise<AccountStatus | undefined> {
    try {
      const response = await options.user.request<unknown>({
        method: 'GET',
        path: '/internal/v1/profiles',
        query: { ids: userId },
      });
      const parsed = profileBatchSchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) {
        throw new Error(`the user service answered ${response.status} for an account`);
      }
      const found = parsed.data.items.find((item) => item.id === userId);
      const value: AccountStatus = found ? { live: true, joinedAt: found.joinedAt } : { live: false };
      entries.delete(userId);
      entries.set(userId, { value, until: now() + options.cacheSeconds * 1000 });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    } catch (error) {
      options.logger.warn({ err: error }, 'account status unavailable from the user service');
      // What this replica last knew, however old, rather than nothing.
      return entries.get(userId)?.value;
    }
  }

  return {
    async status(userId) {
      const cached = entries.get(userId);
      if (cached && cached.until > now()) return cached.value;
      const pending = inFlight.get(userId);
      if (pending) return pending;
      const call = ask(userId).finally(() => inFlight.delete(userId));
      inFlight.set(userId, call);
      return call;
    },
  };
}
