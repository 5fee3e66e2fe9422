import type { Logger } from '@what-if/kit';
import type { EngagementStore } from '../store/engagement-store';
import type { ExperienceStats } from '../store/experience';
import { type Achievement, achievements } from './achievements';
import { type ActivityEvent, awardKey, experienceRules, otherPartyOf, streakBonus } from './experience-rules';

/** The UTC day of a time, `YYYY-MM-DD`: streaks, caps and the rolling windows count in these. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The rolling windows of the leaderboard, in days (today included). */
export const windowDays = { '7d': 7, '30d': 30 } as const;

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

export function createEngagement(deps: { store: EngagementStore; logger: Logger }): Engagement {
  const { store, logger } = deps;
  const unlockListeners: UnlockListener[] = [];

  /** Points on a day: the day's total, the all-time board and the rolling boards from today on. */
  async function addPoints(userId: string, day: string, points: number, total: number): Promise<void> {
    if (points <= 0) return;
    await store.addDayPoints(userId, day, points);
    await store.raiseAllTimeEntry(userId, total);
    const today = utcDay(new Date());
    const lastBoard = addDays(day, windowDays['30d'] - 1);
    if (lastBoard < today) return;
    const firstBoard = day > today ? day : today;
    const boards: string[] = [];
    for (let board = firstBoard; board <= lastBoard; board = addDays(board, 1)) boards.push(board);
    // Every day any of these boards sums (a late event's day is not the last one that counts).
    const from = addDays(firstBoard, 1 - windowDays['30d']);
    // Write the sums from one read of the day totals, then read again: points that arrived
    // meanwhile mean another award may have written older sums after ours, so write again.
    let totals = await store.dayPoints(userId, from, lastBoard);
    for (;;) {
      const read = totals;
      const sumOver = (board: string, days: number) => {
        let sum = 0;
        for (const [when, dayTotal] of read)
          if (when <= board && when > addDays(board, -days)) sum += dayTotal;
        return sum;
      };
      await store.writeWindowEntries(
        userId,
        boards.map((board) => ({
          day: board,
          sums: { '7d': sumOver(board, windowDays['7d']), '30d': sumOver(board, windowDays['30d']) },
        })),
      );
      totals = await store.dayPoints(userId, from, lastBoard);
      if (sameTotals(read, totals)) return;
    }
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
        await addPoints(userId, day, entry.points, stats.points);
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
    if (!(await store.claimAward(userId, awardKey(event), event.kind, at))) return false;
    const earns =
      rule.dailyCap === undefined ||
      (await store.takeDailyAward({ userId, kind: event.kind, day, cap: rule.dailyCap }));
    let points = earns ? rule.points : 0;
    let stats = await store.addActivity(userId, rule.counters(event), points);
    if (rule.keepsStreak) {
      const streak = await store.markActiveDay(userId, day);
      if (streak.newDay) {
        const bonus = streakBonus.pointsPerDay * Math.min(streak.streakDays, streakBonus.maxDays);
        stats = await store.addActivity(userId, [], bonus);
        points += bonus;
      }
    }
    await addPoints(userId, day, points, stats.points);
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

function sameTotals(one: ReadonlyMap<string, number>, other: ReadonlyMap<string, number>): boolean {
  return one.size === other.size && [...one].every(([day, points]) => other.get(day) === points);
}
