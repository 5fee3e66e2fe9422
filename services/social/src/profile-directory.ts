import type { Logger, ServiceClient } from '@what-if/kit';
import { UpstreamError } from '@what-if/kit';
import { z } from 'zod';

/** What the user service tells social about an account (its public fields only). */
const publicProfileSchema = z.object({
  id: z.string(),
  username: z.string().nullable(),
  displayName: z.string(),
  bio: z.string(),
  avatarUrl: z.string().nullable(),
  joinedAt: z.string(),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;

const profileBatchSchema = z.object({ items: z.array(publicProfileSchema) });

/** How long an answer is reused: a change of name, bio or avatar shows everywhere within it. */
export const profileCacheSeconds = 30;
/** Entries one replica keeps at most (a few hundred bytes each); the oldest go first. */
const maxCachedEntries = 20_000;
/** The user service answers at most this many ids per lookup. */
const batchSize = 100;

/**
 * Names, avatars and bios of accounts as the user service holds them (where accounts live),
 * read over its internal endpoints and kept in this replica's memory for `profileCacheSeconds`.
 */
export interface ProfileDirectory {
  /**
   * The profiles of the ids that belong to existing, enabled accounts. When the user service
   * cannot answer, what this replica still remembers (even past its time) and nothing more:
   * a feed shows posts without their authors' names rather than failing.
   */
  byIds(ids: readonly string[]): Promise<Map<string, PublicProfile>>;
  /** The account with this username (any case, a leading @ ignored); undefined when none. */
  byUsername(username: string): Promise<PublicProfile | undefined>;
}

interface Remembered<Value> {
  value: Value;
  expiresAt: number;
}

class ExpiringMap<Value> {
  private readonly entries = new Map<string, Remembered<Value>>();

  get(key: string): Remembered<Value> | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: Value, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: now + profileCacheSeconds * 1000 });
    // A Map iterates in insertion order: the first key is the one written longest ago.
    while (this.entries.size > maxCachedEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

export function createProfileDirectory(
  user: ServiceClient,
  logger: Logger,
  clock: () => number = Date.now,
): ProfileDirectory {
  /** By account id: the profile, or null for an account the user service does not show. */
  const profiles = new ExpiringMap<PublicProfile | null>();
  /** By username: the account id, or null for a name nobody has. */
  const usernames = new ExpiringMap<string | null>();

  function remember(profile: PublicProfile, now: number): void {
    profiles.set(profile.id, profile, now);
    if (profile.username) usernames.set(profile.username, profile.id, now);
  }

  async function fetchBatch(ids: readonly string[]): Promise<PublicProfile[]> {
    const response = await user.request<unknown>({
      method: 'GET',
      path: '/internal/v1/profiles',
      query: { ids: ids.join(',') },
    });
    const parsed = profileBatchSchema.safeParse(response.body);
    if (response.status !== 200 || !parsed.success) {
      throw new UpstreamError('user', 502, `The user service answered ${response.status} for profiles.`);
    }
    return parsed.data.items;
  }

  return {
    async byIds(ids) {
      const now = clock();
      const found = new Map<string, PublicProfile>();
      const wanted = [...new Set(ids)].filter((id) => {
        const known = profiles.get(id);
        if (!known || known.expiresAt <= now) return true;
        if (known.value) found.set(id, known.value);
        return false;
      });
      for (let start = 0; start < wanted.length; start += batchSize) {
        const batch = wanted.slice(start, start + batchSize);
        try {
          const answered = await fetchBatch(batch);
          for (const profile of answered) {
            remember(profile, now);
            found.set(profile.id, profile);
          }
          const answeredIds = new Set(answered.map((profile) => profile.id));
          for (const id of batch) if (!answeredIds.has(id)) profiles.set(id, null, now);
        } catch (error) {
          logger.warn(
            { err: error, accounts: batch.length },
            'profiles unavailable from the user service; showing what this replica remembers',
          );
          for (const id of batch) {
            const stale = profiles.get(id)?.value;
            if (stale) found.set(id, stale);
          }
        }
      }
      return found;
    },

    async byUsername(typed) {
      const username = typed.trim().replace(/^@/, '').toLowerCase();
      // Usernames are 3 to 30 of a-z, 0-9 and _ (the user service's rule): nothing else has an owner.
      if (!/^[a-z0-9_]{3,30}$/.test(username)) return undefined;
      const now = clock();
      const known = usernames.get(username);
      if (known && known.expiresAt > now) {
        if (known.value === null) return undefined;
        const profile = profiles.get(known.value);
        // The name still belongs to the account only if its profile (as fresh) still says so.
        if (profile && profile.expiresAt > now && profile.value?.username === username) return profile.value;
      }
      const response = await user.request<unknown>({
        method: 'GET',
        path: `/internal/v1/profiles/by-username/${encodeURIComponent(username)}`,
      });
      if (response.status === 404) {
        usernames.set(username, null, now);
        return undefined;
      }
      const parsed = publicProfileSchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) {
        throw new UpstreamError(
          'user',
          502,
          `The user service answered ${response.status} for the username ${username}.`,
        );
      }
      remember(parsed.data, now);
      return parsed.data;
    },
  };
}
