import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { staleBoardsPartition } from './board-refresh';
import { pendingFanOutsPartition } from './fan-out-jobs';
import { followersPartition, gsi1 } from './keys';
import type { StoreContext } from './store-context';

/**
 * What the background work of social has still to do, for the metrics (src/backlog-metrics.ts):
 * users whose leaderboard entries are marked stale and not yet refreshed (board-refresh.ts), and
 * wide authors' fan-outs still to finish (fan-out-jobs.ts). Both are gsi1 partitions listed
 * oldest first, so the first item's position says since when the oldest has waited.
 */
export interface Backlog {
  waiting: number;
  /** When the oldest waiting one started waiting; undefined when none waits. */
  oldestSince: Date | undefined;
}

export interface FanOutBacklog extends Backlog {
  /** Followers whose timelines the waiting jobs have still to write. */
  followersLeft: number;
}

/** Counts a key condition's items, page by page (a count reads keys only and returns none). */
async function count(
  context: StoreContext,
  query: {
    partition: string;
    /** Only sort keys below this one (the followers a job has not reached yet). */
    below?: string;
  },
): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: gsi1.name,
        KeyConditionExpression: query.below ? '#pk = :pk AND #sk < :below' : '#pk = :pk',
        ExpressionAttributeNames: {
          '#pk': gsi1.partitionKey,
          ...(query.below ? { '#sk': gsi1.sortKey } : {}),
        },
        ExpressionAttributeValues: {
          ':pk': query.partition,
          ...(query.below ? { ':below': query.below } : {}),
        },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

/** The oldest item of a gsi1 listing (its position starts with an ISO time), or undefined. */
async function oldestPosition(context: StoreContext, partition: string): Promise<Date | undefined> {
  const page = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      IndexName: gsi1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: true,
      Limit: 1,
    }),
  );
  const position = page.Items?.[0]?.[gsi1.sortKey];
  if (typeof position !== 'string') return undefined;
  const at = new Date(position.slice(0, position.indexOf('#')));
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Users whose boards are behind their points, and since when the longest-waiting one is. */
export async function staleBoardsBacklog(context: StoreContext): Promise<Backlog> {
  const [waiting, oldestSince] = await Promise.all([
    count(context, { partition: staleBoardsPartition }),
    oldestPosition(context, staleBoardsPartition),
  ]);
  return { waiting, oldestSince };
}

/**
 * Fan-out jobs still to finish, since when the oldest waits (its post's publication: the job is
 * queued in the publish request), and the followers they have not reached: per job, those of
 * its author listed after its cursor (one count per job; there are few, and only while wide
 * authors publish).
 */
export async function fanOutBacklog(context: StoreContext): Promise<FanOutBacklog> {
  let waiting = 0;
  let followersLeft = 0;
  let oldestSince: Date | undefined;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: gsi1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
        ExpressionAttributeValues: { ':pk': pendingFanOutsPartition },
        ScanIndexForward: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const job of page.Items ?? []) {
      waiting += 1;
      if (!oldestSince) oldestSince = new Date(String(job['createdAt']));
      followersLeft += await count(context, {
        partition: followersPartition(String(job['authorId'])),
        below: String(job['after']),
      });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { waiting, oldestSince, followersLeft };
}
