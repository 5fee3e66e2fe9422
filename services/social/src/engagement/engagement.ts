import type { Logger } from '@what-if/kit';
import type { EngagementStore } from '../store/engagement-store';
import type { ExperienceStats } from '../store/experience';
import { type Achievement, achievements } from './achievements';
import { utcDay } from './days';
import {
  type ActivityEvent,
  awardKey,
  countersMovedBy,
  experienceRules,
  otherPartyOf,
  streakBonus,
} from './experience-rules';

/** Someone whose achievement was just unlocked (notifications listen for this). */
export type UnlockListener = (userId: string, achievement: Achievement, at: Date) => Promise<void>;

export interface Engagement {
  /**
   * Applies an event that already happened (its write succeeded): points once per award key,
   * daily caps, the streak, achievements and the leaderboards. Never throws: the write it
   * follows stands, and a failure here costs at most that event's points (logged). Answers
   * whether the event was new (false for a repeat, such as a like given again after taking it
   * back, or for one's own doing): what is new is worth a notification.
   */
  record(event: ActivityEvent, at?: Date): Promise<boolean>;
  /** The same, failing when the store does: for events another service delivers and may repeat. */
  apply(event: ActivityEvent, at: Date): Promise<boolean>;
  onUnlock(listener: UnlockListener): void;
}

export function createEngagement(deps: {
  store: EngagementStore;
  logger: Logger;
  /** Told after a user's points moved, so their leaderboard entries are refreshed soon. */
  onBoardsStale?: (userId: string) => void;
}): Engagement {
  const { store, logger } = deps;
  const unlockListeners: UnlockListener[] = [];

  /**
   * Points on a day: the day's total, then the user's boards marked stale for the background
   * refresh (leaderboard-refresh.ts). Two small writes on the request path: rewriting the 30
   * board items here made many awards for one user at once (a post's burst of first likes)
   * contend on the same items and re-read until stable, a few requests a second.
   */
  async function addPoints(userId: string, day: string, points: number): Promise<void> {
    if (points <= 0) return;
    await store.addDayPoints(userId, day, points);
    await store.markBoardsStale(userId, new Date());
    deps.onBoardsStale?.(userId);
  }

  /**
   * Tries every achievement whose rule the counters meet and that the stats do not list as
   * unlocked. Concurrent evaluations may all try one; the conditional write lets one win, and
   * only the winner adds its points.
   */
  async function evaluate(userId: string, initial: ExperienceStats, day: string, at: Date): Promise<void> {
    let stats = initial;
    for (const entry of achievements) {
      if (stats.unlocked.has(entry.id) || stats.counters[entry.rule.counter] < entry.rule.atLeast) continue;
      if (await store.unlockAchievement(userId, entry.id, at)) {
        stats = await store.addActivity(userId, [], entry.points);
        await addPoints(userId, day, entry.points);
        for (const listener of unlockListeners) await listener(userId, entry, at);
      }
      await store.rememberUnlocked(userId, entry.id);
    }
  }

  async function apply(event: ActivityEvent, at: Date): Promise<boolean> {
    const userId = event.userId;
    // Nobody earns from liking, commenting on or following their own things.
    if (otherPartyOf(event) === userId) return false;
    const rule = experienceRules[event.kind];
    const day = utcDay(at);
    const key = awardKey(event);
    const counters = countersMovedBy(event);
    if (!(await store.claimAward(userId, { key, kind: event.kind, at, points: rule.points, counters })))
      return false;
    const earns =
      rule.dailyCap === undefined ||
      (await store.takeDailyAward({ userId, kind: event.kind, day, cap: rule.dailyCap }));
    if (!earns) await store.settleAward(userId, key, 0);
    let points = earns ? rule.points : 0;
    let stats = await store.addActivity(userId, counters, points);
    if (rule.keepsStreak) {
      const streak = await store.markActiveDay(userId, day);
      const bonus = streakBonus.pointsPerDay * Math.min(streak.streakDays, streakBonus.maxDays);
      // The streak day's bonus is an award of its own: once per day, and in the ledger.
      if (
        streak.newDay &&
        (await store.claimAward(userId, {
          key: `streak#${day}`,
          kind: 'streak',
          at,
          points: bonus,
          counters: [],
        }))
      ) {
        stats = await store.addActivity(userId, [], bonus);
        points += bonus;
      }
    }
    await addPoints(userId, day, points);
    await evaluate(userId, stats, day, at);
    return true;
  }

  return {
    apply,
    async record(event, at = new Date()) {
      try {
        return await apply(event, at);
      } catch (error) {
        logger.error({ err: error, event: event.kind, userId: event.userId }, 'experience not recorded');
        // Not known to be a repeat: tell the user rather than stay silent.
        return true;
      }
    },
    onUnlock(listener) {
      unlockListeners.push(listener);
    },
  };
}
