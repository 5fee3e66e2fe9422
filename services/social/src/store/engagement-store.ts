import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActivityCounter } from '../engagement/experience-rules';
import {
  type BoardEntry,
  type ExperienceStats,
  addActivity,
  addDayPoints,
  boardEntry,
  boardPage,
  claimAward,
  countAbove,
  dayPoints,
  forgetExperience,
  markActiveDay,
  raiseAllTimeEntry,
  settleAward,
  readStats,
  rememberUnlocked,
  takeDailyAward,
  unlockAchievement,
  unlockedAchievements,
  writeWindowEntries,
} from './experience';
import type { Page } from './read-page';
import { leaseBoardRefresh, markBoardsStale, releaseBoardRefresh, staleBoardUsers } from './board-refresh';
import type { StoreContext } from './store-context';

export type Board = 'all' | '7d' | '30d';

/** Experience, streaks, achievements and leaderboards: the data access of src/engagement. */
export interface EngagementStore {
  claimAward(
    userId: string,
    award: { key: string; kind: string; at: Date; points: number; counters: readonly ActivityCounter[] },
  ): Promise<boolean>;
  settleAward(userId: string, key: string, points: number): Promise<void>;
  takeDailyAward(request: { userId: string; kind: string; day: string; cap: number }): Promise<boolean>;
  addActivity(userId: string, counters: readonly ActivityCounter[], points: number): Promise<ExperienceStats>;
  stats(userId: string): Promise<ExperienceStats>;
  markActiveDay(
    userId: string,
    day: string,
  ): Promise<{ streakDays: number; newDay: boolean; stats: ExperienceStats }>;
  addDayPoints(userId: string, day: string, points: number): Promise<void>;
  dayPoints(userId: string, fromDay: string, toDay: string): Promise<Map<string, number>>;
  raiseAllTimeEntry(userId: string, score: number): Promise<void>;
  writeWindowEntries(
    userId: string,
    entries: readonly { day: string; sums: { '7d': number; '30d': number } }[],
  ): Promise<void>;
  /** Leaderboard entries behind the points: marked by awards, refreshed in the background (board-refresh.ts). */
  markBoardsStale(userId: string, at: Date): Promise<void>;
  staleBoardUsers(limit: number): Promise<string[]>;
  leaseBoardRefresh(userId: string, now: Date): Promise<number | undefined>;
  releaseBoardRefresh(userId: string, version: number | undefined, refreshedFrom?: Date): Promise<boolean>;
  boardPage(request: { board: Board; day: string; limit: number; after?: string }): Promise<Page<BoardEntry>>;
  boardEntry(request: { board: Board; day: string; userId: string }): Promise<BoardEntry | undefined>;
  countAbove(request: { board: Board; day: string; score: number }): Promise<number>;
  unlockAchievement(userId: string, achievementId: string, at: Date): Promise<boolean>;
  rememberUnlocked(userId: string, achievementId: string): Promise<void>;
  unlockedAchievements(userId: string): Promise<{ achievementId: string; unlockedAt: string }[]>;
  forgetExperience(userId: string): Promise<number>;
}

export function createEngagementStore(documents: DynamoDBDocumentClient, tableName: string): EngagementStore {
  const context: StoreContext = { documents, tableName };
  return {
    claimAward: (userId, award) => claimAward(context, userId, award),
    settleAward: (userId, key, points) => settleAward(context, userId, key, points),
    takeDailyAward: (request) => takeDailyAward(context, request),
    addActivity: (userId, counters, points) => addActivity(context, userId, counters, points),
    stats: (userId) => readStats(context, userId),
    markActiveDay: (userId, day) => markActiveDay(context, userId, day),
    addDayPoints: (userId, day, points) => addDayPoints(context, userId, day, points),
    dayPoints: (userId, fromDay, toDay) => dayPoints(context, userId, fromDay, toDay),
    raiseAllTimeEntry: (userId, score) => raiseAllTimeEntry(context, userId, score),
    writeWindowEntries: (userId, entries) => writeWindowEntries(context, userId, entries),
    markBoardsStale: (userId, at) => markBoardsStale(context, userId, at),
    staleBoardUsers: (limit) => staleBoardUsers(context, limit),
    leaseBoardRefresh: (userId, now) => leaseBoardRefresh(context, userId, now),
    releaseBoardRefresh: (userId, version, refreshedFrom) =>
      releaseBoardRefresh(context, userId, version, refreshedFrom),
    boardPage: (request) => boardPage(context, request),
    boardEntry: (request) => boardEntry(context, request),
    countAbove: (request) => countAbove(context, request),
    unlockAchievement: (userId, achievementId, at) => unlockAchievement(context, userId, achievementId, at),
    rememberUnlocked: (userId, achievementId) => rememberUnlocked(context, userId, achievementId),
    unlockedAchievements: (userId) => unlockedAchievements(context, userId),
    forgetExperience: (userId) => forgetExperience(context, userId),
  };
}
