import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '@what-if/kit/dynamodb';
import {
  chronologicalKey,
  followPartition,
  followersPartition,
  followingPartition,
  gsi1,
  gsi2,
  userPartition,
} from './keys';
import { addToCounts } from './profile-counts';
import { type Page, readAll, readPage } from './read-page';
import type { StoreContext } from './store-context';
import { copyAuthorIn, takeAuthorOut } from './timelines';

/** One follow edge: a single item, indexed both ways (followers by gsi1, following by gsi2). */
export interface FollowItem {
  pk: string;
  sk: string;
  followerId: string;
  followeeId: string;
  createdAt: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
}

const edgeKey = (followerId: string, followeeId: string) => ({
  pk: followPartition(followerId),
  sk: userPartition(followeeId),
});

/**
 * Writes the edge if it is not there; true when this call made it. Only the call that made
 * the edge counts it, so concurrent follows of the same account count once.
 */
export async function follow(
  context: StoreContext,
  followerId: string,
  followeeId: string,
  now: Date,
): Promise<boolean> {
  const createdAt = now.toISOString();
  const item: FollowItem = {
    ...edgeKey(followerId, followeeId),
    followerId,
    followeeId,
    createdAt,
    gsi1pk: followersPartition(followeeId),
    gsi1sk: chronologicalKey(createdAt, followerId),
    gsi2pk: followingPartition(followerId),
    gsi2sk: chronologicalKey(createdAt, followeeId),
  };
  if (!(await putIfAbsent(context, item))) return false;
  await addToCounts(context, followerId, { following: 1 });
  await addToCounts(context, followeeId, { followers: 1 });
  await copyAuthorIn(context, followerId, followeeId);
  return true;
}

/** Removes the edge; true when this call removed it (and so uncounts it). */
export async function unfollow(
  context: StoreContext,
  followerId: string,
  followeeId: string,
): Promise<boolean> {
  const result = await context.documents.send(
    new DeleteCommand({
      TableName: context.tableName,
      Key: edgeKey(followerId, followeeId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  if (!result.Attributes) return false;
  await addToCounts(context, followerId, { following: -1 });
  await addToCounts(context, followeeId, { followers: -1 });
  await takeAuthorOut(context, followerId, followeeId);
  return true;
}

export async function isFollowing(
  context: StoreContext,
  followerId: string,
  followeeId: string,
): Promise<boolean> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: edgeKey(followerId, followeeId),
      ConsistentRead: true,
    }),
  );
  return result.Item !== undefined;
}

/** A page of a user's followers, most recent first. */
export function listFollowers(
  context: StoreContext,
  userId: string,
  limit: number,
  after?: string,
): Promise<Page<FollowItem>> {
  return readPage<FollowItem & Record<string, unknown>>(context, {
    listing: { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
    partition: followersPartition(userId),
    limit,
    ...(after ? { after } : {}),
  });
}

/** A page of the accounts a user follows, most recent first. */
export function listFollowing(
  context: StoreContext,
  userId: string,
  limit: number,
  after?: string,
): Promise<Page<FollowItem>> {
  return readPage<FollowItem & Record<string, unknown>>(context, {
    listing: { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey },
    partition: followingPartition(userId),
    limit,
    ...(after ? { after } : {}),
  });
}

/** Everyone a user follows, for the following feed. */
export async function allFollowees(context: StoreContext, userId: string): Promise<string[]> {
  const edges = await readAll<FollowItem & Record<string, unknown>>(
    context,
    { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey },
    followingPartition(userId),
  );
  return edges.map((edge) => edge.followeeId);
}
