import { validationProblem } from '@what-if/kit';
import type { SocialStore } from './store/social-store';
import type { TrendingRanking } from './store/trending-rankings';
import type { TrendingWindow } from './trending-score';

export interface TrendingPage {
  postIds: string[];
  /** `<computedAt>#<offset>`: the ranking the page came from and where the next page starts. */
  after?: string;
}

/**
 * Trending pages are read from a ranking kept in the table (trending-rankings.ts): a reader who
 * finds the newest one older than `refreshSeconds` (TRENDING_REFRESH_SECONDS) computes and saves the next one, and
 * a cursor names the ranking it came from, so paging goes on in the very order it started in
 * however scores move meanwhile.
 */
export interface Trending {
  page(request: { window: TrendingWindow; limit: number; after?: string }): Promise<TrendingPage>;
}

export function createTrending(
  store: SocialStore,
  refreshSeconds: number,
  clock: () => Date = () => new Date(),
): Trending {
  const remembered = new Map<TrendingWindow, TrendingRanking>();
  const computing = new Map<TrendingWindow, Promise<TrendingRanking>>();

  const fresh = (ranking: TrendingRanking | undefined, now: Date): ranking is TrendingRanking =>
    ranking !== undefined && now.getTime() - Date.parse(ranking.computedAt) < refreshSeconds * 1000;

  async function current(window: TrendingWindow): Promise<TrendingRanking> {
    const now = clock();
    const known = remembered.get(window);
    if (fresh(known, now)) return known;
    // One computation per window at a time in this replica; others wait for it.
    let pending = computing.get(window);
    if (!pending) {
      pending = (async () => {
        const stored = await store.latestRanking(window);
        if (fresh(stored, now)) return stored;
        const ranking = await store.computeRanking(window, now);
        await store.saveRanking(ranking);
        return ranking;
      })().finally(() => computing.delete(window));
      computing.set(window, pending);
    }
    const ranking = await pending;
    remembered.set(window, ranking);
    return ranking;
  }

  return {
    async page({ window, limit, after }) {
      let ranking: TrendingRanking | undefined;
      let offset = 0;
      if (after) {
        const cut = after.lastIndexOf('#');
        offset = Number(after.slice(cut + 1));
        if (!Number.isSafeInteger(offset) || offset < 0) {
          throw validationProblem([
            {
              path: '/query/cursor',
              message: 'is not a cursor this API handed out; start again from the first page',
            },
          ]);
        }
        ranking = await store.rankingAt(window, after.slice(0, cut));
      }
      // A cursor into a ranking no longer kept (over an hour old) goes on at the same rank in the current one.
      ranking ??= await current(window);
      const end = offset + limit;
      return {
        postIds: ranking.postIds.slice(offset, end),
        ...(end < ranking.postIds.length ? { after: `${ranking.computedAt}#${end}` } : {}),
      };
    },
  };
}
