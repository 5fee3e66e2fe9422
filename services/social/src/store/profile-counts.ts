import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { profileSortKey, userPartition } from './keys';
import type { StoreContext } from './store-context';

/** The counts a profile shows, each kept by atomic ADDs paired with the write it counts. */
export const profileCounters = ['posts', 'followers', 'following', 'likesReceived'] as const;
export type ProfileCounter = (typeof profileCounters)[number];
export type ProfileCounts = Record<ProfileCounter, number>;

/**
 * Adds to a user's counters in one atomic update. Each call follows exactly one successful
 * conditional write (an edge created, a post deleted), so concurrent requests cannot
 * double-count: only the write that changed something moves the counter.
 */
export async function addToCounts(
  context: StoreContext,
  userId: string,
  changes: Partial<ProfileCounts>,
): Promise<void> {
  const entries = Object.entries(changes).filter(([, by]) => by !== 0);
  if (entries.length === 0) return;
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: userPartition(userId), sk: profileSortKey },
      UpdateExpression: `ADD ${entries.map(([name]) => `#${name} :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([name, by]) => [`:${name}`, by])),
    }),
  );
}

export async function readCounts(context: StoreContext, userId: string): Promise<ProfileCounts> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: userPartition(userId), sk: profileSortKey },
      ConsistentRead: true,
    }),
  );
  const item = result.Item ?? {};
  return Object.fromEntries(
    // A counter can dip below zero for a moment while a like and an unlike cross.
    profileCounters.map((name) => [name, typeof item[name] === 'number' ? Math.max(0, item[name]) : 0]),
  ) as ProfileCounts;
}

/** Removes a user's counters (an account purge, once every edge and post that moved them is gone). */
export async function forgetCounts(context: StoreContext, userId: string): Promise<void> {
  await context.documents.send(
    new DeleteCommand({
      TableName: context.tableName,
      Key: { pk: userPartition(userId), sk: profileSortKey },
    }),
  );
}
