import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { experiencePartition } from './experience';
import { gsi1 } from './keys';
import type { StoreContext } from './store-context';

/**
 * Users whose leaderboard entries are behind their points (the service README's "Experience,
 * levels and the leaderboard"). An award adds to the user's day total and then marks the
 * user's boards stale here, one small write, instead of rewriting the 30 board items on the
 * request; a background refresh in every replica (src/engagement/leaderboard-refresh.ts)
 * rewrites them and removes the mark.
 *
 * The mark is one item in the user's partition, `XP#<user>` / `REFRESH#boards`: `version`
 * moves on every award, and gsi1 (`BOARDS#stale`, oldest mark first) lists it for replicas
 * that did not make it (a replica that died before refreshing). Being in the user's
 * partition, an account purge removes it with the rest.
 */
const markSortKey = 'REFRESH#boards';
export const staleBoardsPartition = 'BOARDS#stale';

/** How long a replica may hold a user's refresh before another may take it over. */
export const refreshLeaseMs = 60_000;

/** Marks a user's boards stale: after their day total moved, in the same request. */
export async function markBoardsStale(context: StoreContext, userId: string, at: Date): Promise<void> {
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: experiencePartition(userId), sk: markSortKey },
      UpdateExpression:
        'SET #queue = :queue, #position = if_not_exists(#position, :position) ADD version :one',
      ExpressionAttributeNames: { '#queue': gsi1.partitionKey, '#position': gsi1.sortKey },
      ExpressionAttributeValues: {
        ':queue': staleBoardsPartition,
        ':position': `${at.toISOString()}#${userId}`,
        ':one': 1,
      },
    }),
  );
}

/** The users whose boards are stale, oldest mark first (what a periodic pass works through). */
export async function staleBoardUsers(context: StoreContext, limit: number): Promise<string[]> {
  const result = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      IndexName: gsi1.name,
      KeyConditionExpression: '#queue = :queue',
      ExpressionAttributeNames: { '#queue': gsi1.partitionKey },
      ExpressionAttributeValues: { ':queue': staleBoardsPartition },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => String(item['pk']).slice('XP#'.length));
}

/**
 * Takes a user's refresh for this replica: conditional on the mark existing and no other
 * replica holding it, so one replica rewrites a user's boards at a time. Answers the mark's
 * version (what the release compares), or undefined when there is nothing to do here.
 */
export async function leaseBoardRefresh(
  context: StoreContext,
  userId: string,
  now: Date,
): Promise<number | undefined> {
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: experiencePartition(userId), sk: markSortKey },
        UpdateExpression: 'SET leasedUntil = :until',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(leasedUntil) OR leasedUntil < :now)',
        ExpressionAttributeValues: { ':until': now.getTime() + refreshLeaseMs, ':now': now.getTime() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(result.Attributes?.['version'] ?? 0);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Ends a refresh. The mark goes only if no award moved it since the lease read its `version`
 * (the boards now hold every point up to then); otherwise, or without a version (the refresh
 * failed), the lease is let go and the mark stays for the next pass. Answers whether the user
 * is still stale.
 *
 * A refresh that succeeded while awards kept arriving moves the mark's position to the time it
 * leased (`refreshedFrom`): the boards hold every point up to then, so the stale-boards backlog
 * measures how long boards have been behind, and a user liked without pause for an hour is not
 * taken for one nobody refreshed for an hour. A failed refresh keeps the position.
 */
export async function releaseBoardRefresh(
  context: StoreContext,
  userId: string,
  version: number | undefined,
  refreshedFrom?: Date,
): Promise<boolean> {
  const key = { pk: experiencePartition(userId), sk: markSortKey };
  const moved = version !== undefined && refreshedFrom !== undefined;
  if (version !== undefined)
    try {
      await context.documents.send(
        new DeleteCommand({
          TableName: context.tableName,
          Key: key,
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return false;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: key,
        UpdateExpression: moved ? 'SET #position = :position REMOVE leasedUntil' : 'REMOVE leasedUntil',
        // Never bring back a mark an account purge removed meanwhile.
        ConditionExpression: 'attribute_exists(pk)',
        ...(moved
          ? {
              ExpressionAttributeNames: { '#position': gsi1.sortKey },
              ExpressionAttributeValues: { ':position': `${refreshedFrom.toISOString()}#${userId}` },
            }
          : {}),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
