import { collectItems, countItems, queryPages } from '@what-if/kit/dynamodb';
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

/** A gsi1 partition, which lists its items oldest first. */
function onGsi1(partition: string) {
  return {
    IndexName: gsi1.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
    ExpressionAttributeValues: { ':pk': partition },
  };
}

/** Counts a gsi1 partition's items, page by page (a count reads keys only and returns none). */
function count(context: StoreContext, partition: string): Promise<number> {
  return countItems(queryPages(context, { ...onGsi1(partition), Select: 'COUNT' }));
}

/** The oldest item of a gsi1 listing (its position starts with an ISO time), or undefined. */
async function oldestPosition(context: StoreContext, partition: string): Promise<Date | undefined> {
  const [oldest] = await collectItems(
    queryPages(context, { ...onGsi1(partition), ScanIndexForward: true }, { maxItems: 1 }),
  );
  const position = oldest?.[gsi1.sortKey];
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
  const jobs = queryPages(context, { ...onGsi1(pendingFanOutsPartition), ScanIndexForward: true });
  for await (const page of jobs) {
    for (const job of page.items) {
      waiting += 1;
      if (!oldestSince) oldestSince = new Date(String(job['createdAt']));
      const left = job['followersLeft'];
      followersLeft += typeof left === 'number' ? Math.max(0, left) : 0;
    }
  }
  return { waiting, oldestSince, followersLeft };
}
