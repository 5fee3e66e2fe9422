import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, isConditionFailure, queryPages, scanPages } from '@what-if/kit/dynamodb';
import { achievement } from '../engagement/achievements';
import { utcDay } from '../engagement/days';
import {
  type ActivityCounter,
  type ActivityKind,
  activityCounters,
  experienceRules,
} from '../engagement/experience-rules';
import { type WindowEntry, dayTotalsFrom, windowEntries } from '../engagement/leaderboard-refresh';
import {
  allTimeBoard,
  awardPrefix,
  boardSortKey,
  experiencePartition,
  writeWindowEntries,
} from './experience';
import { gsi1, gsi2 } from './keys';
import { notificationPartition } from './notifications';
import type { StoreContext } from './store-context';

/**
 * The reconciler of experience and notifications (the operator's
 * `node services/social/dist/cli/reconcile-engagement.js`, runbooks/social-maintenance.md):
 * everything derived is recomputed from the rows it derives from, and what disagrees is
 * repaired.
 *
 * - **points** (`XP#<user>` / `STATS`, and so the level): the sum of the user's ledger, the
 *   award items (each keeps the points it earned) and the achievements unlocked (their points
 *   from the definitions);
 * - **day totals** (`DAY#<day>`, what the 7- and 30-day boards sum) of the last 30 days: the
 *   ledger's points by the day they were earned;
 * - **the all-time entry**: the points; **the rolling entries** from today on: the sums of the
 *   day totals, as the background refresh writes them (a user it has not refreshed yet is left
 *   to it);
 * - **achievement progress**, the activity counters on `STATS` that achievements are measured
 *   on (all but the streak, a run of days rather than a count of rows): the award items that
 *   moved each, as each keeps them (`counters`). Award items from before they did are counted
 *   by their kind; the counters a kind moves only for a Vietnamese scenario cannot be told from
 *   such an item (it keeps neither the scenario nor its language), so a user who has one keeps
 *   those counters as they are, and is reported under `unverifiableCounters`;
 * - **the unread count** (`NOTIFY#<user>` / `UNREAD`): the unread notifications; and each
 *   notification is in the unread index (gsi2) exactly while it is unread.
 *
 * Like the counter reconciler, each user is looked at twice a moment apart and only what
 * disagrees the same way both times is repaired, conditionally on the value seen, so a request
 * in flight is never taken for drift. Awards claimed before the ledger kept points have none:
 * such a user's points and day totals cannot be recomputed, and are reported, not touched.
 */

export type EngagementDriftKind =
  'points' | 'day-points' | 'counter' | 'all-time-entry' | 'window-entry' | 'unread-count' | 'unread-index';

/** One derived value that disagreed with its rows, and what became of it. */
export interface EngagementDrift {
  userId: string;
  kind: EngagementDriftKind;
  /** The day of a day total or a rolling entry; the counter's name; the notification of an index entry. */
  at?: string;
  found: number | string;
  expected: number | string;
  /** `fixed`: set to what the rows say; `moving`: it changed while checked, left for the next run. */
  outcome: 'fixed' | 'moving';
}

export interface EngagementReport {
  usersChecked: number;
  /** Users whose ledger has awards from before it kept points: their points were not recomputed. */
  unverifiable: string[];
  /** Counters left as they are because an award item from before awards kept their counters may have moved them. */
  unverifiableCounters: { userId: string; counters: ActivityCounter[] }[];
  drift: EngagementDrift[];
}

interface Finding {
  kind: EngagementDriftKind;
  at?: string;
  found: number | string;
  expected: number | string;
  repair: () => Promise<void>;
}

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** The counters achievements are measured on that the ledger can recount: all but the streak. */
const recountedCounters = activityCounters.filter((counter) => counter !== 'streakDays');

/**
 * What an award item says it moved: its `counters`, or, for an item from before awards kept
 * them, what every event of its kind moves (`surely`) and what only some did (`perhaps`).
 */
function countersOfAward(item: Record<string, unknown>): {
  surely: readonly ActivityCounter[];
  perhaps: readonly ActivityCounter[];
} {
  const recorded = item['counters'];
  if (Array.isArray(recorded)) return { surely: recorded as ActivityCounter[], perhaps: [] };
  const kind = String(item['kind']);
  if (kind === 'streak') return { surely: [], perhaps: [] };
  const rule = Object.hasOwn(experienceRules, kind) ? experienceRules[kind as ActivityKind] : undefined;
  if (!rule) return { surely: [], perhaps: recountedCounters };
  return { surely: rule.counters, perhaps: rule.inVietnamese ?? [] };
}

/** Recounts the activity counters from the award items; answers the findings and the counters it could not recount. */
function counterFindings(
  context: StoreContext,
  pk: string,
  stats: Record<string, unknown> | undefined,
  awards: readonly Record<string, unknown>[],
): { findings: Finding[]; unrecountable: ActivityCounter[] } {
  const expected = new Map<ActivityCounter, number>(recountedCounters.map((counter) => [counter, 0]));
  const unrecountable = new Set<ActivityCounter>();
  for (const award of awards) {
    const moved = countersOfAward(award);
    for (const counter of moved.surely)
      if (expected.has(counter)) expected.set(counter, expected.get(counter)! + 1);
    for (const counter of moved.perhaps) unrecountable.add(counter);
  }
  const findings: Finding[] = [];
  for (const [counter, count] of expected) {
    if (unrecountable.has(counter)) continue;
    const found = numberOf(stats?.[counter]);
    if (found === count) continue;
    findings.push({
      kind: 'counter',
      at: counter,
      found,
      expected: count,
      repair: conditionalSet(context, { pk, sk: 'STATS' }, counter, found, count),
    });
  }
  return { findings, unrecountable: [...unrecountable].filter((counter) => expected.has(counter)) };
}

function partitionItems(context: StoreContext, pk: string): Promise<Record<string, unknown>[]> {
  return collectItems(
    queryPages(context, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
}

/** Sets a number attribute to what the rows say, only if it still holds what was seen. */
function conditionalSet(
  context: StoreContext,
  key: { pk: string; sk: string },
  attribute: string,
  seen: number,
  expected: number,
  extra: { set?: string; values?: Record<string, unknown> } = {},
): () => Promise<void> {
  return async () => {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: key,
        UpdateExpression: `SET #attribute = :expected${extra.set ? `, ${extra.set}` : ''}`,
        ConditionExpression: '#attribute = :seen OR (attribute_not_exists(#attribute) AND :seen = :zero)',
        ExpressionAttributeNames: { '#attribute': attribute },
        ExpressionAttributeValues: { ':expected': expected, ':seen': seen, ':zero': 0, ...extra.values },
      }),
    );
  };
}

/** What one user's experience partition says, and what its ledger says it should. */
async function experienceFindings(
  context: StoreContext,
  userId: string,
  today: string,
): Promise<{ findings: Finding[]; verifiable: boolean; unrecountable: ActivityCounter[] }> {
  const pk = experiencePartition(userId);
  const items = await partitionItems(context, pk);
  const bySk = new Map(items.map((item) => [String(item['sk']), item]));
  const awards = items.filter((item) => String(item['sk']).startsWith(awardPrefix));
  const verifiable = awards.every((item) => typeof item['points'] === 'number');
  const earned: { points: number; day: string }[] = [
    ...awards.map((item) => ({
      points: numberOf(item['points']),
      day: utcDay(new Date(String(item['at']))),
    })),
    ...items
      .filter((item) => String(item['sk']).startsWith('ACHIEVEMENT#'))
      .map((item) => ({
        points: achievement(String(item['achievementId']))?.points ?? 0,
        day: utcDay(new Date(String(item['unlockedAt']))),
      })),
  ];
  const findings: Finding[] = [];
  const stats = bySk.get('STATS');
  const pointsFound = numberOf(stats?.['points']);
  let points = pointsFound;
  const firstDay = dayTotalsFrom(today);
  const dayTotals = new Map<string, number>();
  for (const item of items)
    if (String(item['sk']).startsWith('DAY#') && String(item['sk']).slice(4) >= firstDay)
      dayTotals.set(String(item['sk']).slice(4), numberOf(item['points']));

  let unrecountable: ActivityCounter[] = [];
  if (verifiable) {
    const counters = counterFindings(context, pk, stats, awards);
    findings.push(...counters.findings);
    unrecountable = counters.unrecountable;
    points = earned.reduce((sum, award) => sum + award.points, 0);
    if (points !== pointsFound)
      findings.push({
        kind: 'points',
        found: pointsFound,
        expected: points,
        repair: conditionalSet(context, { pk, sk: 'STATS' }, 'points', pointsFound, points),
      });
    const expectedDays = new Map<string, number>();
    for (const award of earned)
      if (award.day >= firstDay && award.points > 0)
        expectedDays.set(award.day, (expectedDays.get(award.day) ?? 0) + award.points);
    for (const day of new Set([...expectedDays.keys(), ...dayTotals.keys()])) {
      const found = dayTotals.get(day) ?? 0;
      const expected = expectedDays.get(day) ?? 0;
      if (found === expected) continue;
      findings.push({
        kind: 'day-points',
        at: day,
        found,
        expected,
        repair: conditionalSet(context, { pk, sk: `DAY#${day}` }, 'points', found, expected, {
          set: 'expiresAt = if_not_exists(expiresAt, :expiresAt)',
          values: { ':expiresAt': Math.floor(Date.parse(`${day}T00:00:00.000Z`) / 1000) + 31 * 86_400 },
        }),
      });
    }
    dayTotals.clear();
    for (const [day, total] of expectedDays) dayTotals.set(day, total);
  }

  // The boards: left alone while the background refresh owes this user one.
  if (bySk.has('REFRESH#boards')) return { findings, verifiable, unrecountable };
  const allTime = bySk.get(allTimeBoard);
  const allTimeFound = allTime ? numberOf(allTime['score']) : 0;
  if (allTimeFound !== points)
    findings.push({
      kind: 'all-time-entry',
      found: allTimeFound,
      expected: points,
      repair: async () => {
        const key = { pk, sk: allTimeBoard };
        if (points <= 0) {
          await context.documents.send(new DeleteCommand({ TableName: context.tableName, Key: key }));
          return;
        }
        await context.documents.send(
          new PutCommand({
            TableName: context.tableName,
            Item: {
              ...key,
              score: points,
              [gsi1.partitionKey]: allTimeBoard,
              [gsi1.sortKey]: boardSortKey(points, userId),
            },
            ConditionExpression: allTime ? 'score = :seen' : 'attribute_not_exists(pk)',
            ...(allTime ? { ExpressionAttributeValues: { ':seen': allTimeFound } } : {}),
          }),
        );
      },
    });
  const expectedEntries = new Map(windowEntries(dayTotals, today).map((entry) => [entry.day, entry]));
  const foundEntries = new Map<string, WindowEntry>();
  for (const item of items) {
    const sk = String(item['sk']);
    if (!/^BOARD#\d{4}-\d{2}-\d{2}$/.test(sk) || sk.slice(6) < today) continue;
    foundEntries.set(sk.slice(6), {
      day: sk.slice(6),
      sums: {
        '7d': item[gsi1.partitionKey] ? numberOf(item['score7d']) : 0,
        '30d': item[gsi2.partitionKey] ? numberOf(item['score30d']) : 0,
      },
    });
  }
  const show = (entry: WindowEntry | undefined) =>
    entry ? `${entry.sums['7d']}/${entry.sums['30d']}` : 'none';
  for (const day of [...new Set([...expectedEntries.keys(), ...foundEntries.keys()])].sort()) {
    const expected = expectedEntries.get(day);
    const found = foundEntries.get(day);
    if (show(expected) === show(found)) continue;
    findings.push({
      kind: 'window-entry',
      at: day,
      found: show(found),
      expected: show(expected),
      repair: async () => {
        if (expected) await writeWindowEntries(context, userId, [expected]);
        else
          await context.documents.send(
            new DeleteCommand({ TableName: context.tableName, Key: { pk, sk: `BOARD#${day}` } }),
          );
      },
    });
  }
  return { findings, verifiable, unrecountable };
}

/** What one user's notifications say their unread count and unread index should be. */
async function notificationFindings(context: StoreContext, userId: string): Promise<Finding[]> {
  const pk = notificationPartition(userId);
  const items = await partitionItems(context, pk);
  const groups = items.filter((item) => String(item['sk']).startsWith('GROUP#'));
  const unreadGroups = groups.filter((item) => item['read'] === false);
  const counter = items.find((item) => item['sk'] === 'UNREAD');
  const found = numberOf(counter?.['unread']);
  const findings: Finding[] = [];
  if (found !== unreadGroups.length)
    findings.push({
      kind: 'unread-count',
      found,
      expected: unreadGroups.length,
      repair: async () => {
        await context.documents.send(
          new UpdateCommand({
            TableName: context.tableName,
            Key: { pk, sk: 'UNREAD' },
            // The version moves too, so open streams hear the corrected count.
            UpdateExpression: 'SET unread = :expected ADD version :one',
            ConditionExpression: 'unread = :seen OR (attribute_not_exists(unread) AND :seen = :zero)',
            ExpressionAttributeValues: {
              ':expected': unreadGroups.length,
              ':seen': found,
              ':one': 1,
              ':zero': 0,
            },
          }),
        );
      },
    });
  for (const group of groups) {
    const unread = group['read'] === false;
    const indexed = group[gsi2.partitionKey] !== undefined;
    if (unread === indexed) continue;
    const key = { pk, sk: String(group['sk']) };
    findings.push({
      kind: 'unread-index',
      at: String(group['id']),
      found: indexed ? 'listed' : 'missing',
      expected: unread ? 'listed' : 'missing',
      repair: async () => {
        await context.documents.send(
          new UpdateCommand({
            TableName: context.tableName,
            Key: key,
            ...(unread
              ? {
                  UpdateExpression: 'SET #gsi2pk = :unreadPartition, #gsi2sk = #gsi1sk',
                  ExpressionAttributeNames: {
                    '#gsi2pk': gsi2.partitionKey,
                    '#gsi2sk': gsi2.sortKey,
                    '#gsi1sk': gsi1.sortKey,
                    '#read': 'read',
                  },
                  ExpressionAttributeValues: { ':unreadPartition': `UNREAD#${userId}`, ':false': false },
                  ConditionExpression: '#read = :false',
                }
              : {
                  UpdateExpression: 'REMOVE #gsi2pk, #gsi2sk',
                  ExpressionAttributeNames: {
                    '#gsi2pk': gsi2.partitionKey,
                    '#gsi2sk': gsi2.sortKey,
                    '#read': 'read',
                  },
                  ExpressionAttributeValues: { ':true': true },
                  ConditionExpression: '#read = :true',
                }),
          }),
        );
      },
    });
  }
  return findings;
}

const sameFinding = (one: Finding, other: Finding): boolean =>
  one.kind === other.kind &&
  one.at === other.at &&
  one.found === other.found &&
  one.expected === other.expected;

/** Looks twice, a moment apart; repairs what disagreed the same way both times. */
async function settle(
  userId: string,
  look: () => Promise<Finding[]>,
  betweenLooks: () => Promise<void>,
): Promise<EngagementDrift[]> {
  const first = await look();
  if (first.length === 0) return [];
  await betweenLooks();
  const second = await look();
  const drift: EngagementDrift[] = [];
  for (const finding of second) {
    const { repair, ...seen } = finding;
    let outcome: 'fixed' | 'moving' = 'moving';
    if (first.some((earlier) => sameFinding(earlier, finding)))
      try {
        await repair();
        outcome = 'fixed';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    drift.push({ userId, ...seen, outcome });
  }
  return drift;
}

export interface ReconcileOptions {
  /** How long to wait between the two looks at a user who disagreed (500 ms by default). */
  settleMs?: number;
  /** What happens between the two looks instead of waiting (a test moves a count there). */
  betweenLooks?: () => Promise<void>;
  now?: Date;
}

/** One user's experience and notifications. */
export async function reconcileUser(
  context: StoreContext,
  userId: string,
  options: ReconcileOptions = {},
): Promise<{ verifiable: boolean; unrecountable: ActivityCounter[]; drift: EngagementDrift[] }> {
  const today = utcDay(options.now ?? new Date());
  let verifiable = true;
  let unrecountable: ActivityCounter[] = [];
  const drift = await settle(
    userId,
    async () => {
      const experience = await experienceFindings(context, userId, today);
      verifiable = experience.verifiable;
      unrecountable = experience.unrecountable;
      return [...experience.findings, ...(await notificationFindings(context, userId))];
    },
    options.betweenLooks ?? (() => new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 500))),
  );
  return { verifiable, unrecountable, drift };
}

/**
 * Every user with experience or notifications. A maintenance job, never on a request path: it
 * finds them with a Scan of the table's keys, then reconciles one user at a time.
 */
export async function reconcileEngagement(
  context: StoreContext,
  options: ReconcileOptions = {},
): Promise<EngagementReport> {
  const users = new Set<string>();
  const pages = scanPages(context, {
    FilterExpression: 'begins_with(pk, :experience) OR begins_with(pk, :notifications)',
    ExpressionAttributeValues: { ':experience': 'XP#', ':notifications': 'NOTIFY#' },
    ProjectionExpression: 'pk',
  });
  for await (const page of pages)
    for (const item of page.items) users.add(String(item['pk']).replace(/^(XP|NOTIFY)#/, ''));
  const report: EngagementReport = { usersChecked: 0, unverifiable: [], unverifiableCounters: [], drift: [] };
  for (const userId of [...users].sort()) {
    const result = await reconcileUser(context, userId, options);
    report.usersChecked += 1;
    if (!result.verifiable) report.unverifiable.push(userId);
    if (result.unrecountable.length > 0)
      report.unverifiableCounters.push({ userId, counters: result.unrecountable });
    report.drift.push(...result.drift);
  }
  return report;
}
