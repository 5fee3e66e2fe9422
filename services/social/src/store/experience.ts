import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countItems, isConditionFailure, putIfAbsent, queryPages, writeBatches } from '@what-if/kit/dynamodb';
import { type ActivityCounter, activityCounters } from '../engagement/experience-rules';
import { gsi1, gsi2 } from './keys';
import { type Page, readPage } from './read-page';
import type { StoreContext } from './store-context';

/**
 * Experience, streaks, achievements and the leaderboards (the service README's table design):
 * everything of one user lives in the partition `XP#<user>`, so an account purge removes it
 * with one query. The leaderboards are index partitions over that user's board items:
 *
 * - `BOARD#all` (gsi1): the all-time board, one item per user;
 * - `BOARD#<day>` items carry the user's rolling 7-day sum ending that day in gsi1
 *   (`BOARD#7d#<day>`) and the 30-day sum in gsi2 (`BOARD#30d#<day>`). An award on day d
 *   rewrites the items of days d … d+29, so on any day each board holds exactly the users with
 *   points in its window, with their sums, and nothing needs recomputing when a day passes.
 *
 * Board sort keys are the score zero-padded to 12 digits and the user id, so an index query
 * reads them highest first and ties keep a stable order.
 */
export const experiencePartition = (userId: string): string => `XP#${userId}`;
export const allTimeBoard = 'BOARD#all';
export const windowBoard = (window: '7d' | '30d', day: string): string => `BOARD#${window}#${day}`;
const statsSortKey = 'STATS';
const daySortKey = (day: string): string => `DAY#${day}`;
const boardDaySortKey = (day: string): string => `BOARD#${day}`;
const achievementPrefix = 'ACHIEVEMENT#';

const scoreWidth = 12;
export const boardSortKey = (score: number, userId: string): string =>
  `${String(Math.max(0, Math.floor(score))).padStart(scoreWidth, '0')}#${userId}`;
/** Sorts after every board key of this score: counting keys above it counts higher scores only. */
const aboveScore = (score: number): string => `${String(score).padStart(scoreWidth, '0')}#~`;
export const boardSortKeyPattern = /^\d{12}#[A-Za-z0-9-]{1,128}$/;

export interface ExperienceStats {
  points: number;
  counters: Record<ActivityCounter, number>;
  lastActiveDay?: string;
  unlocked: Set<string>;
}

export interface BoardEntry {
  userId: string;
  score: number;
  /** The entry's index sort key: where a page after it starts. */
  position: string;
}

function statsOf(item: Record<string, unknown> | undefined): ExperienceStats {
  const counters = Object.fromEntries(
    activityCounters.map((name) => [name, typeof item?.[name] === 'number' ? item[name] : 0]),
  ) as Record<ActivityCounter, number>;
  const unlocked = item?.['unlocked'];
  return {
    points: typeof item?.['points'] === 'number' ? item['points'] : 0,
    counters,
    ...(typeof item?.['lastActiveDay'] === 'string' ? { lastActiveDay: item['lastActiveDay'] } : {}),
    unlocked: unlocked instanceof Set ? new Set([...unlocked].map(String)) : new Set(),
  };
}

const epochSeconds = (day: string, plusDays: number): number =>
  Math.floor(Date.parse(`${day}T00:00:00.000Z`) / 1000) + plusDays * 86_400;

/** An award's item: its key hashed, so no other account's id is kept here. */
const awardSortKey = (key: string): string => `AWARD#${createHash('sha256').update(key).digest('base64url')}`;
export const awardPrefix = 'AWARD#';

/**
 * Claims an award key for a user, once ever: the conditional put that makes repeats and
 * farming loops earn nothing. The item keeps the points the award earns, its time and the
 * activity counters it moves: the ledger the reconciler (reconcile-engagement.ts) recomputes
 * points, day totals and achievement progress from.
 */
export async function claimAward(
  context: StoreContext,
  userId: string,
  award: { key: string; kind: string; at: Date; points: number; counters: readonly ActivityCounter[] },
): Promise<boolean> {
  return putIfAbsent(context, {
    pk: experiencePartition(userId),
    sk: awardSortKey(award.key),
    kind: award.kind,
    at: award.at.toISOString(),
    points: award.points,
    counters: [...award.counters],
  });
}

/** Records that a claimed award earned other points than it claimed (past a daily cap: none). */
export async function settleAward(
  context: StoreContext,
  userId: string,
  key: string,
  points: number,
): Promise<void> {
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(userId), sk: awardSortKey(key) },
      UpdateExpression: 'SET points = :points',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':points': points },
    }),
  );
}

/** Counts one award of a kind on a day, refused past the cap (the award then earns no points). */
export async function takeDailyAward(
  context: StoreContext,
  request: { userId: string; kind: string; day: string; cap: number },
): Promise<boolean> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: experiencePartition(request.userId), sk: `CAP#${request.kind}#${request.day}` },
        UpdateExpression: 'ADD awards :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ConditionExpression: 'attribute_not_exists(awards) OR awards < :cap',
        ExpressionAttributeValues: {
          ':one': 1,
          ':cap': request.cap,
          ':expiresAt': epochSeconds(request.day, 2),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Adds to a user's activity counters and points in one atomic update; answers the new totals. */
export async function addActivity(
  context: StoreContext,
  userId: string,
  counters: readonly ActivityCounter[],
  points: number,
): Promise<ExperienceStats> {
  const additions: [string, number][] = [
    ...counters.map((name): [string, number] => [name, 1]),
    ['points', points],
  ];
  const result = await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(userId), sk: statsSortKey },
      UpdateExpression: `ADD ${additions.map(([name]) => `#${name} :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(additions.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(additions.map(([name, by]) => [`:${name}`, by])),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return statsOf(result.Attributes);
}

export async function readStats(context: StoreContext, userId: string): Promise<ExperienceStats> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(userId), sk: statsSortKey },
      ConsistentRead: true,
    }),
  );
  return statsOf(result.Item);
}

const previousDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Marks a day active for a user's streak: the day after the last active one extends it, a gap
 * starts it again at 1, an earlier day (a late delivery) or the same day changes nothing.
 * Conditional on the last active day it read, so of concurrent requests exactly one moves a
 * day; answers the streak and whether this call was the one that started the day.
 */
export async function markActiveDay(
  context: StoreContext,
  userId: string,
  day: string,
): Promise<{ streakDays: number; newDay: boolean; stats: ExperienceStats }> {
  for (;;) {
    const stats = await readStats(context, userId);
    const last = stats.lastActiveDay;
    if (last !== undefined && last >= day)
      return { streakDays: stats.counters.streakDays, newDay: false, stats };
    const continues = last === previousDay(day);
    try {
      const result = await context.documents.send(
        new UpdateCommand({
          TableName: context.tableName,
          Key: { pk: experiencePartition(userId), sk: statsSortKey },
          UpdateExpression: continues
            ? 'SET lastActiveDay = :day ADD streakDays :one'
            : 'SET lastActiveDay = :day, streakDays = :one',
          ConditionExpression:
            last === undefined ? 'attribute_not_exists(lastActiveDay)' : 'lastActiveDay = :last',
          ExpressionAttributeValues: {
            ':day': day,
            ':one': 1,
            ...(last === undefined ? {} : { ':last': last }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const updated = statsOf(result.Attributes);
      return { streakDays: updated.counters.streakDays, newDay: true, stats: updated };
    } catch (error) {
      // Another request moved the day first: read again and see where it left it.
      if (!isConditionFailure(error)) throw error;
    }
  }
}

/** Adds points to a user's day total (kept 31 days: the longest window reads 30). */
export async function addDayPoints(
  context: StoreContext,
  userId: string,
  day: string,
  points: number,
): Promise<void> {
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(userId), sk: daySortKey(day) },
      UpdateExpression: 'ADD points :points SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
      ExpressionAttributeValues: { ':points': points, ':expiresAt': epochSeconds(day, 31) },
    }),
  );
}

/** A user's points per day from `fromDay` to `toDay` inclusive. */
export async function dayPoints(
  context: StoreContext,
  userId: string,
  fromDay: string,
  toDay: string,
): Promise<Map<string, number>> {
  const result = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': experiencePartition(userId),
        ':from': daySortKey(fromDay),
        ':to': daySortKey(toDay),
      },
      ConsistentRead: true,
    }),
  );
  return new Map(
    (result.Items ?? []).map((item) => [
      String(item['sk']).slice('DAY#'.length),
      Number(item['points'] ?? 0),
    ]),
  );
}

/**
 * Raises a user's all-time board entry to `score`. Scores only grow, so the condition keeps
 * the highest of concurrent writes, whatever order they land in.
 */
export async function raiseAllTimeEntry(context: StoreContext, userId: string, score: number): Promise<void> {
  await raise(context, {
    Item: {
      pk: experiencePartition(userId),
      sk: allTimeBoard,
      score,
      [gsi1.partitionKey]: allTimeBoard,
      [gsi1.sortKey]: boardSortKey(score, userId),
    },
    ConditionExpression: 'attribute_not_exists(score) OR score < :score',
    ExpressionAttributeValues: { ':score': score },
  });
}

/**
 * Writes a user's rolling sums on the boards of several days, 25 items a request. Unconditional:
 * the caller checks afterwards that no points arrived since it read the day totals and writes
 * again if some did, so the last writer always wrote the latest sums.
 */
export async function writeWindowEntries(
  context: StoreContext,
  userId: string,
  entries: readonly { day: string; sums: { '7d': number; '30d': number } }[],
): Promise<void> {
  const items = entries.map(({ day, sums }) => ({
    pk: experiencePartition(userId),
    sk: boardDaySortKey(day),
    score7d: sums['7d'],
    score30d: sums['30d'],
    expiresAt: epochSeconds(day, 1),
    ...(sums['7d'] > 0
      ? { [gsi1.partitionKey]: windowBoard('7d', day), [gsi1.sortKey]: boardSortKey(sums['7d'], userId) }
      : {}),
    [gsi2.partitionKey]: windowBoard('30d', day),
    [gsi2.sortKey]: boardSortKey(sums['30d'], userId),
  }));
  await writeBatches(
    context,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

async function raise(
  context: StoreContext,
  write: {
    Item: Record<string, unknown>;
    ConditionExpression: string;
    ExpressionAttributeValues: Record<string, unknown>;
  },
): Promise<void> {
  try {
    await context.documents.send(new PutCommand({ TableName: context.tableName, ...write }));
  } catch (error) {
    // A higher score is there already: a concurrent award saw more points.
    if (!isConditionFailure(error)) throw error;
  }
}

/** The board a window reads on a day, and where its entries keep their sort key. */
export function boardListing(board: 'all' | '7d' | '30d', day: string) {
  if (board === 'all')
    return {
      listing: { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
      partition: allTimeBoard,
      scoreAttribute: 'score',
      sortKey: allTimeBoard,
    };
  if (board === '7d')
    return {
      listing: { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
      partition: windowBoard('7d', day),
      scoreAttribute: 'score7d',
      sortKey: boardDaySortKey(day),
    };
  return {
    listing: { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey },
    partition: windowBoard('30d', day),
    scoreAttribute: 'score30d',
    sortKey: boardDaySortKey(day),
  };
}

/** A page of a board, highest score first. */
export async function boardPage(
  context: StoreContext,
  request: { board: 'all' | '7d' | '30d'; day: string; limit: number; after?: string },
): Promise<Page<BoardEntry>> {
  const where = boardListing(request.board, request.day);
  const page = await readPage<Record<string, unknown>>(context, {
    listing: where.listing,
    partition: where.partition,
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
  });
  return {
    items: page.items.map((item) => ({
      userId: String(item['pk']).slice('XP#'.length),
      score: Number(item[where.scoreAttribute] ?? 0),
      position: String(item[where.listing.sortKey]),
    })),
    ...(page.after ? { after: page.after } : {}),
  };
}

/** A user's entry on a board, if they have points in its window. */
export async function boardEntry(
  context: StoreContext,
  request: { board: 'all' | '7d' | '30d'; day: string; userId: string },
): Promise<BoardEntry | undefined> {
  const where = boardListing(request.board, request.day);
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(request.userId), sk: where.sortKey },
      ConsistentRead: true,
    }),
  );
  const item = result.Item;
  if (!item || item[where.listing.partitionKey] !== where.partition) return undefined;
  return {
    userId: request.userId,
    score: Number(item[where.scoreAttribute] ?? 0),
    position: String(item[where.listing.sortKey]),
  };
}

/**
 * How many entries of a board score higher than `score`: a rank is one more. An index query
 * that counts (no items returned), reading as many index entries as rank above: exact, and
 * cheap for the ranks people look at.
 */
export async function countAbove(
  context: StoreContext,
  request: { board: 'all' | '7d' | '30d'; day: string; score: number },
): Promise<number> {
  const where = boardListing(request.board, request.day);
  return countItems(
    queryPages(context, {
      IndexName: where.listing.index,
      KeyConditionExpression: '#pk = :pk AND #sk > :above',
      ExpressionAttributeNames: { '#pk': where.listing.partitionKey, '#sk': where.listing.sortKey },
      ExpressionAttributeValues: { ':pk': where.partition, ':above': aboveScore(request.score) },
      Select: 'COUNT',
    }),
  );
}

/** Awards an achievement once: only the conditional put that made the item adds its points. */
export async function unlockAchievement(
  context: StoreContext,
  userId: string,
  achievementId: string,
  at: Date,
): Promise<boolean> {
  return putIfAbsent(context, {
    pk: experiencePartition(userId),
    sk: `${achievementPrefix}${achievementId}`,
    achievementId,
    unlockedAt: at.toISOString(),
  });
}

/** Notes an unlocked achievement on the stats item, so evaluation stops trying it. */
export async function rememberUnlocked(
  context: StoreContext,
  userId: string,
  achievementId: string,
): Promise<void> {
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(userId), sk: statsSortKey },
      UpdateExpression: 'ADD unlocked :id',
      ExpressionAttributeValues: { ':id': new Set([achievementId]) },
    }),
  );
}

export async function unlockedAchievements(
  context: StoreContext,
  userId: string,
): Promise<{ achievementId: string; unlockedAt: string }[]> {
  const result = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': experiencePartition(userId), ':prefix': achievementPrefix },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []).map((item) => ({
    achievementId: String(item['achievementId']),
    unlockedAt: String(item['unlockedAt']),
  }));
}

/** Removes everything of a user's experience (an account purge); answers how many items went. */
export async function forgetExperience(context: StoreContext, userId: string): Promise<number> {
  let removed = 0;
  const pages = queryPages(context, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': experiencePartition(userId) },
    ProjectionExpression: 'pk, sk',
  });
  for await (const page of pages) {
    for (const item of page.items) {
      await context.documents.send(
        new DeleteCommand({ TableName: context.tableName, Key: { pk: item['pk'], sk: item['sk'] } }),
      );
      removed += 1;
    }
  }
  return removed;
}
