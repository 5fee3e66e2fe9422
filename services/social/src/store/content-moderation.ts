import type { ModerationStatus } from '@what-if/contracts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import {
  authorPartition,
  chronologicalKey,
  commentSortKey,
  postPartition,
  postSortKey,
  publicFeedPartition,
} from './keys';
import { readPost } from './posts';
import type { StoreContext } from './store-context';

/**
 * Sets a post's moderation status. Hiding or removing takes its index keys away, so it leaves
 * every feed at once; restoring gives them back. False when the post is gone.
 */
export async function setPostModeration(
  context: StoreContext,
  postId: string,
  status: ModerationStatus,
): Promise<boolean> {
  const post = await readPost(context, postId);
  if (!post) return false;
  const position = chronologicalKey(post.createdAt, post.id);
  const values: Record<string, unknown> = { ':status': status };
  let expression: string;
  if (status === 'visible') {
    values[':author'] = authorPartition(post.authorId);
    values[':position'] = position;
    expression = 'SET moderation = :status, gsi2pk = :author, gsi2sk = :position';
    if (post.visibility === 'public') {
      values[':feed'] = publicFeedPartition;
      expression += ', gsi1pk = :feed, gsi1sk = :position';
    }
  } else {
    expression = 'SET moderation = :status REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk';
  }
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: postPartition(postId), sk: postSortKey },
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Sets a comment's moderation status; a hidden comment keeps its place without words or author. */
export async function setCommentModeration(
  context: StoreContext,
  postId: string,
  commentId: string,
  status: ModerationStatus,
): Promise<boolean> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: postPartition(postId), sk: commentSortKey(commentId) },
        UpdateExpression: 'SET moderation = :status',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':status': status },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
