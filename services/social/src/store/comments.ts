import type { ModerationStatus } from '@what-if/contracts';
import { type Mention, mentionFields } from '../mentions/mention-text';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import {
  chronologicalKey,
  commentSortKey,
  commenterPartition,
  gsi2,
  postPartition,
  postSortKey,
  threadPartition,
} from './keys';
import { type Page, readPage } from './read-page';
import type { StoreContext } from './store-context';

/** How deep a thread goes: a reply to a comment at this depth joins its parent's replies. */
export const maxCommentDepth = 3;

/**
 * A comment, in its post's partition (so deleting a post finds every comment with one query).
 * gsi1 lists a parent's replies (`THREAD#<post>#<parent>`, `root` for top-level comments) in
 * the order they were written.
 */
export interface CommentItem {
  pk: string;
  sk: string;
  id: string;
  postId: string;
  /** Absent once deleted: a tombstone keeps its place in the thread, nothing of its words or author. */
  authorId?: string;
  body?: string;
  /** The accounts the body mentions; they go with the body. */
  mentions?: Mention[];
  /** Every account ever told it is mentioned here: an edit tells only new ones. */
  mentionsNotified?: Set<string>;
  parentId: string | null;
  depth: number;
  createdAt: string;
  editedAt?: string;
  deletedAt?: string;
  /** Set by a moderation decision; absent means visible. */
  moderation?: ModerationStatus;
  replies: number;
  likes: number;
  gsi1pk: string;
  gsi1sk: string;
  /** Its author's comments (`COMMENTER#<user>`); removed with the author when it is deleted. */
  gsi2pk?: string;
  gsi2sk?: string;
}

export type NewCommentOutcome =
  { outcome: 'created'; comment: CommentItem } | { outcome: 'parent-not-found' } | { outcome: 'post-gone' };

export async function readComment(
  context: StoreContext,
  postId: string,
  commentId: string,
): Promise<CommentItem | undefined> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: postPartition(postId), sk: commentSortKey(commentId) },
      ConsistentRead: true,
    }),
  );
  return result.Item as CommentItem | undefined;
}

/**
 * Writes a comment on a post, or a reply to one of its comments. The parent is looked up in
 * the post's own partition, so a parent from another post is simply not found. A reply to a
 * comment at the deepest level attaches to that comment's parent instead, at the same depth.
 */
export async function addComment(
  context: StoreContext,
  request: {
    id: string;
    postId: string;
    authorId: string;
    body: string;
    mentions: Mention[];
    parentId?: string;
  },
  now: Date,
): Promise<NewCommentOutcome> {
  let parentId: string | null = null;
  let depth = 1;
  if (request.parentId) {
    const parent = await readComment(context, request.postId, request.parentId);
    if (!parent) return { outcome: 'parent-not-found' };
    if (parent.depth >= maxCommentDepth) {
      parentId = parent.parentId;
      depth = parent.depth;
    } else {
      parentId = parent.id;
      depth = parent.depth + 1;
    }
  }
  const createdAt = now.toISOString();
  const comment: CommentItem = {
    pk: postPartition(request.postId),
    sk: commentSortKey(request.id),
    id: request.id,
    postId: request.postId,
    authorId: request.authorId,
    body: request.body,
    ...mentionFields(request.mentions),
    parentId,
    depth,
    createdAt,
    replies: 0,
    likes: 0,
    gsi1pk: threadPartition(request.postId, parentId),
    gsi1sk: chronologicalKey(createdAt, request.id),
    gsi2pk: commenterPartition(request.authorId),
    gsi2sk: chronologicalKey(createdAt, request.id),
  };
  // Counted on the post first, on condition that it is still there: no comment on a deleted post.
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: postPartition(request.postId), sk: postSortKey },
        UpdateExpression: 'ADD comments :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return { outcome: 'post-gone' };
    throw error;
  }
  await context.documents.send(new PutCommand({ TableName: context.tableName, Item: comment }));
  if (parentId) {
    await context.documents
      .send(
        new UpdateCommand({
          TableName: context.tableName,
          Key: { pk: postPartition(request.postId), sk: commentSortKey(parentId) },
          UpdateExpression: 'ADD replies :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
  return { outcome: 'created', comment };
}

/** Changes the author's own comment; undefined when it is missing, deleted or someone else's. */
export async function editComment(
  context: StoreContext,
  request: { postId: string; commentId: string; authorId: string; body: string; mentions: Mention[] },
  now: Date,
): Promise<CommentItem | undefined> {
  const told = mentionFields(request.mentions).mentionsNotified;
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: postPartition(request.postId), sk: commentSortKey(request.commentId) },
        UpdateExpression: `SET body = :body, editedAt = :now, mentions = :mentions${told ? ' ADD mentionsNotified :told' : ''}`,
        ConditionExpression: 'authorId = :author AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: {
          ':body': request.body,
          ':now': now.toISOString(),
          ':author': request.authorId,
          ':mentions': request.mentions,
          ...(told ? { ':told': told } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes as CommentItem;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Deletes the author's comment: its words and author go at once. A comment others replied to
 * stays as a tombstone holding the thread's shape; one without replies goes entirely. False when
 * it is missing, already deleted or someone else's.
 */
export async function deleteComment(
  context: StoreContext,
  request: { postId: string; commentId: string; authorId: string },
  now: Date,
): Promise<boolean> {
  const key = { pk: postPartition(request.postId), sk: commentSortKey(request.commentId) };
  let tombstone: CommentItem;
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: key,
        UpdateExpression:
          'SET deletedAt = :now REMOVE body, authorId, editedAt, mentions, mentionsNotified, gsi2pk, gsi2sk',
        ConditionExpression: 'authorId = :author AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':author': request.authorId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    tombstone = result.Attributes as CommentItem;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  if (tombstone.replies === 0) await removeTombstone(context, tombstone);
  await context.documents
    .send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: postPartition(request.postId), sk: postSortKey },
        UpdateExpression: 'ADD comments :minusOne',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':minusOne': -1 },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  return true;
}

/**
 * Removes a tombstone nobody replied to, and uncounts it from its parent's replies; a reply
 * written meanwhile makes the condition fail and the tombstone stays to hold it.
 */
async function removeTombstone(context: StoreContext, tombstone: CommentItem): Promise<void> {
  try {
    await context.documents.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: { pk: tombstone.pk, sk: tombstone.sk },
        ConditionExpression: 'replies = :zero AND attribute_exists(deletedAt)',
        ExpressionAttributeValues: { ':zero': 0 },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return;
    throw error;
  }
  if (!tombstone.parentId) return;
  const parentKey = { pk: tombstone.pk, sk: commentSortKey(tombstone.parentId) };
  const parent = await context.documents
    .send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: parentKey,
        UpdateExpression: 'ADD replies :minusOne',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':minusOne': -1 },
        ReturnValues: 'ALL_NEW',
      }),
    )
    .catch((error: unknown) => {
      if (isConditionFailure(error)) return undefined;
      throw error;
    });
  // A deleted parent whose last reply just went has nothing left to hold.
  const updated = parent?.Attributes as CommentItem | undefined;
  if (updated?.deletedAt && updated.replies === 0) await removeTombstone(context, updated);
}

/** A page of the comments one user wrote, on anyone's posts, newest first (deleted ones drop out). */
export function commentsBy(
  context: StoreContext,
  userId: string,
  limit: number,
  after?: string,
): Promise<Page<CommentItem>> {
  return readPage<CommentItem & Record<string, unknown>>(context, {
    listing: { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey },
    partition: commenterPartition(userId),
    limit,
    ...(after ? { after } : {}),
  });
}

/** A page of a parent's replies (or a post's top-level comments), oldest or newest first. */
export function listReplies(
  context: StoreContext,
  request: {
    postId: string;
    parentId: string | null;
    limit: number;
    after?: string;
    order: 'oldest' | 'newest';
  },
): Promise<Page<CommentItem>> {
  return readPage<CommentItem & Record<string, unknown>>(context, {
    listing: { index: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    partition: threadPartition(request.postId, request.parentId),
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
    ascending: request.order === 'oldest',
  });
}
