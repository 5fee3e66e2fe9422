import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { commentSortKey, likeSortKey, postPartition, postSortKey } from './keys';
import { addToCounts } from './profile-counts';
import { type StoreContext, isConditionFailure } from './store-context';

/** What can be liked: a post, or a comment of a post (both live in the post's partition). */
export type LikeTarget =
  { kind: 'post'; postId: string } | { kind: 'comment'; postId: string; commentId: string };

function targetKey(target: LikeTarget) {
  return {
    pk: postPartition(target.postId),
    sk: target.kind === 'post' ? postSortKey : commentSortKey(target.commentId),
  };
}

function likeKey(target: LikeTarget, userId: string) {
  return {
    pk: postPartition(target.postId),
    sk: likeSortKey(target.kind === 'post' ? undefined : target.commentId, userId),
  };
}

/** Moves the target's like counter (and its author's likes received) after one like row changed. */
async function count(context: StoreContext, target: LikeTarget, authorId: string, by: 1 | -1): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: targetKey(target),
        UpdateExpression: 'ADD likes :by',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':by': by },
      }),
    );
  } catch (error) {
    // The target was deleted meanwhile: its likes go with it, nothing left to count.
    if (!isConditionFailure(error)) throw error;
    return;
  }
  await addToCounts(context, authorId, { likesReceived: by });
}

/**
 * Likes a target once: the like row is a conditional put, and only the request whose put made
 * the row moves the counters. Any interleaving of likes and unlikes therefore leaves the
 * counter equal to the rows (a crash between the row and its counter is what the reconciler
 * repairs). True when this call made the like.
 */
export async function like(
  context: StoreContext,
  target: LikeTarget,
  authorId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  try {
    await context.documents.send(
      new PutCommand({
        TableName: context.tableName,
        Item: { ...likeKey(target, userId), userId, likedAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  await count(context, target, authorId, 1);
  return true;
}

/** Takes a like back; only the request whose delete removed the row uncounts it. */
export async function unlike(
  context: StoreContext,
  target: LikeTarget,
  authorId: string,
  userId: string,
): Promise<boolean> {
  const result = await context.documents.send(
    new DeleteCommand({
      TableName: context.tableName,
      Key: likeKey(target, userId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  if (!result.Attributes) return false;
  await count(context, target, authorId, -1);
  return true;
}

export async function likes(context: StoreContext, target: LikeTarget, userId: string): Promise<boolean> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: likeKey(target, userId), ConsistentRead: true }),
  );
  return result.Item !== undefined;
}
