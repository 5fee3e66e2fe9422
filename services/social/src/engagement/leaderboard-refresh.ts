import type { Logger } from '@what-if/kit';
import type { EngagementStore } from '../store/engagement-store';
import { addDays, utcDay, windowDays } from './days';

/** A user's rolling sums on the boards of one day. */
export interface WindowEntry {
  day: string;
  sums: { '7d': number; '30d': number };
}

/** The sum of the day totals in the `days` days ending on `board` (that day included). */
export function windowSum(dayTotals: ReadonlyMap<string, number>, board: string, days: number): number {
  let sum = 0;
  const after = addDays(board, -days);
  for (const [day, points] of dayTotals) if (day <= board && day > after) sum += points;
  return sum;
}

/**
 * The board entries a user should have from `today` on: each day's rolling sums, for every day
 * whose 30-day window holds some of the user's points (so on any day each board holds exactly
 * the users with points in its window, and nothing needs recomputing when a day passes).
 */
export function windowEntries(dayTotals: ReadonlyMap<string, number>, today: string): WindowEntry[] {
  const days = [...dayTotals].filter(([, points]) => points > 0).map(([day]) => day);
  if (days.length === 0) return [];
  const lastBoard = addDays(
    days.reduce((latest, day) => (day > latest ? day : latest)),
    windowDays['30d'] - 1,
  );
  const entries: WindowEntry[] = [];
  for (let board = today; board <= lastBoard; board = addDays(board, 1)) {
    const month = windowSum(dayTotals, board, windowDays['30d']);
    if (month > 0)
      entries.push({
        day: board,
        sums: { '7d': windowSum(dayTotals, board, windowDays['7d']), '30d': month },
      });
  }
  return entries;
}

/** The day totals any board from `today` on sums: the 30 days up to today, and any later. */
export const dayTotalsFrom = (today: string): string => addDays(today, 1 - windowDays['30d']);

/**
 * Rewrites a user's leaderboard entries from their points: the all-time entry from the stats,
 * the rolling entries from the day totals. Idempotent, and safe beside awards still arriving:
 * the caller keeps the user marked stale until a refresh started after the last award.
 */
export async function refreshBoards(store: EngagementStore, userId: string, now: Date): Promise<void> {
  const today = utcDay(now);
  const [stats, dayTotals] = await Promise.all([
    store.stats(userId),
    store.dayPoints(userId, dayTotalsFrom(today), addDays(today, windowDays['30d'])),
  ]);
  if (stats.points > 0) await store.raiseAllTimeEntry(userId, stats.points);
  const entries = windowEntries(dayTotals, today);
  if (entries.length > 0) await store.writeWindowEntries(userId, entries);
  // An account purge that went through meanwhile must not leave the entries just written.
  if (stats.points > 0 && (await store.stats(userId)).points === 0) await store.forgetExperience(userId);
}

export interface LeaderboardRefresh {
  /** Asks for the user's boards to be refreshed soon: called after their points moved here. */
  nudge(userId: string): void;
  /**
   * One pass: refreshes the users nudged on this replica and, when `everyStale`, those the
   * table lists as stale (marked by a replica that did not get to them). Answers how many.
   */
  refreshDue(everyStale: boolean): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Keeps the leaderboards up to date off the request path. An award marks its user stale (one
 * write) and nudges this replica, which refreshes the user at once unless a pass is running;
 * awards arriving during a pass are folded into the next one, so a burst of 200 likes for one
 * author costs a handful of refreshes instead of 200 rewrites of the same 30 items. Every
 * `pollMs` a pass also takes the marks any replica left (one that died before refreshing): a
 * crash loses no refresh, it delays it by a poll, or by the lease (60 s) when the crashed
 * replica held it.
 */
export function startLeaderboardRefresh(options: {
  store: EngagementStore;
  logger: Logger;
  pollMs: number;
}): LeaderboardRefresh {
  const { store, logger } = options;
  const nudged = new Set<string>();
  let running: Promise<void> | undefined;
  let pendingIndexPass = false;
  let stopped = false;

  /** Refreshes one user under a lease; answers whether points arrived meanwhile (still stale). */
  async function refreshUser(userId: string): Promise<boolean> {
    const now = new Date();
    const version = await store.leaseBoardRefresh(userId, now);
    if (version === undefined) return false;
    try {
      await refreshBoards(store, userId, now);
    } catch (error) {
      logger.error({ err: error, userId }, 'leaderboard refresh failed; the next pass retries it');
      await store.releaseBoardRefresh(userId, undefined);
      return false;
    }
    return store.releaseBoardRefresh(userId, version, now);
  }

  async function refreshDue(everyStale: boolean): Promise<number> {
    const users = new Set(nudged);
    nudged.clear();
    if (everyStale) for (const userId of await store.staleBoardUsers(100)) users.add(userId);
    let refreshed = 0;
    for (const userId of users) {
      if (await refreshUser(userId)) nudged.add(userId);
      refreshed += 1;
    }
    return refreshed;
  }

  function schedule(everyStale: boolean): void {
    if (stopped) return;
    if (running) {
      pendingIndexPass ||= everyStale;
      return;
    }
    running = refreshDue(everyStale)
      .then(() => undefined)
      .catch((error: unknown) => {
        logger.error({ err: error }, 'leaderboard refresh: a pass failed');
      })
      .finally(() => {
        running = undefined;
        const indexPass = pendingIndexPass;
        pendingIndexPass = false;
        if (indexPass || nudged.size > 0) schedule(indexPass);
      });
  }

  const timer = setInterval(() => schedule(true), options.pollMs);
  timer.unref();

  return {
    nudge(userId) {
      nudged.add(userId);
      schedule(false);
    },
    refreshDue,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
