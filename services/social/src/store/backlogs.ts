import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { staleBoardsPartition } from './board-refresh';
import { pendingFanOutsPartition } from './fan-out-jobs';
import { gsi1 } from './keys';
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

/** Counts a gsi1 partition's items, page by page (a count reads keys only and returns none). */
async function count(context: StoreContext, partition: string): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: gsi1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
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
    count(context, staleBoardsPartition),
    oldestPosition(context, staleBoardsPartition),
  ]);
  return { waiting, oldestSince };
}

/**
 * Fan-out jobs still to finish, since when the oldest waits (its post's publication: the job is
 * queued in the publish request), and the followers they have not reached, as each job keeps
 * them (its author's follower count when it was queued, less the pages written): reading the
 * jobs alone, never counting a wide author's followers at every scrape.
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
      const left = job['followersLeft'];
      followersLeft += typeof left === 'number' ? Math.max(0, left) : 0;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { waiting, oldestSince, followersLeft };
}
