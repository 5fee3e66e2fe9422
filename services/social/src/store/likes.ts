import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, putIfAbsent } from '@what-if/kit/dynamodb';
import { type Page, readPage } from './read-page';
import {
  anyCommentLikePrefix,
  gsi2,
  commentSortKey,
  likeSortKey,
  likerPartition,
  postLikePrefix,
  postPartition,
  postSortKey,
} from './keys';
import { addToCounts } from './profile-counts';
import type { StoreContext } from './store-context';

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

/** A like's place in its liker's list (gsi2): when, then which target, so positions are unique. */
export function likerSortKey(likedAt: string, target: LikeTarget): string {
  return `${likedAt}#${target.postId}#${target.kind === 'post' ? 'post' : target.commentId}`;
}

/**
 * Moves the target's like counter (and its author's likes received, when it still has an author:
 * a deleted comment has none) after one like row changed.
 */
async function count(
  context: StoreContext,
  target: LikeTarget,
  authorId: string | undefined,
  by: 1 | -1,
): Promise<void> {
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
  if (authorId) await addToCounts(context, authorId, { likesReceived: by });
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
  const liked = await putIfAbsent(context, {
    ...likeKey(target, userId),
    userId,
    likedAt: now.toISOString(),
    // The liker's likes, wherever they are: an account's purge takes each back.
    gsi2pk: likerPartition(userId),
    gsi2sk: likerSortKey(now.toISOString(), target),
  });
  if (!liked) return false;
  await count(context, target, authorId, 1);
  return true;
}

/** Takes a like back; only the request whose delete removed the row uncounts it. */
export async function unlike(
  context: StoreContext,
  target: LikeTarget,
  authorId: string | undefined,
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

/** A page of the likes one user made, on anyone's posts and comments, newest first. */
export function likesBy(
  context: StoreContext,
  userId: string,
  limit: number,
  after?: string,
): Promise<Page<{ pk: string; sk: string }>> {
  return readPage<{ pk: string; sk: string } & Record<string, unknown>>(context, {
    listing: { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey },
    partition: likerPartition(userId),
    limit,
    ...(after ? { after } : {}),
  });
}

/** The target a like row's keys name. */
export function likeTargetOf(item: { pk: string; sk: string }, userId: string): LikeTarget | undefined {
  const postId = item.pk.slice(postPartition('').length);
  if (item.sk === `${postLikePrefix}${userId}`) return { kind: 'post', postId };
  const commentId = item.sk.slice(anyCommentLikePrefix.length, -(userId.length + 1));
  return item.sk === likeSortKey(commentId, userId) ? { kind: 'comment', postId, commentId } : undefined;
}
