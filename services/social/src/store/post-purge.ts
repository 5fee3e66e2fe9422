import { forgetPostNotifications } from './notifications';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, queryPages } from '@what-if/kit/dynamodb';
import { commentContentId, commentSortKey, postPartition, scenarioClaimKey } from './keys';
import { forgetCase } from './moderation-queue';
import { deletePost, removePartition } from './posts';
import type { StoreContext } from './store-context';

/** What purging a post removed. */
export interface PostPurgeOutcome {
  /** Whether the post itself was still there. */
  post: boolean;
  /** Its comments (with their likes) that were still there. */
  comments: number;
}

async function commentIdsOf(context: StoreContext, postId: string): Promise<string[]> {
  const prefix = commentSortKey('');
  const comments = await collectItems(
    queryPages(context, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :comment)',
      ExpressionAttributeValues: { ':pk': postPartition(postId), ':comment': prefix },
      ProjectionExpression: 'sk',
      ConsistentRead: true,
    }),
  );
  return comments.map((item) => String(item['sk']).slice(prefix.length));
}

/**
 * Everything a deleted post leaves in social: the post (out of every feed and count), its tag
 * entries, comments and likes, its scenario's claim, and the moderation cases about it and its
 * comments. Safe to repeat and to resume after a crash part-way (the post's purge instruction
 * runs it again until it completes): each step finds what the last one left.
 */
export async function purgePost(
  context: StoreContext,
  postId: string,
  authorId: string,
): Promise<PostPurgeOutcome> {
  // Read before the partition goes: the comments' cases are found by their ids.
  const commentIds = await commentIdsOf(context, postId);
  const post = await deletePost(context, authorId, postId);
  await removePartition(context, postId);
  // The notifications about it (likes, comments and replies in it) go with it.
  await forgetPostNotifications(context, postId);
  await forgetCase(context, 'post', postId);
  for (const commentId of commentIds)
    await forgetCase(context, 'comment', commentContentId(postId, commentId));
  return { post, comments: commentIds.length };
}

/**
 * A deleted scenario's post, whoever published it (history relays the scenario's purge): found
 * through the scenario's claim, purged as its author's delete would, then the claim and the case
 * about the scenario itself go.
 */
export async function purgeScenarioPost(
  context: StoreContext,
  scenarioId: string,
): Promise<PostPurgeOutcome | undefined> {
  const claim = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: scenarioClaimKey(scenarioId), ConsistentRead: true }),
  );
  const postId = claim.Item?.['postId'];
  const authorId = claim.Item?.['authorId'];
  const outcome =
    typeof postId === 'string' && typeof authorId === 'string'
      ? await purgePost(context, postId, authorId)
      : undefined;
  await context.documents.send(
    new DeleteCommand({ TableName: context.tableName, Key: scenarioClaimKey(scenarioId) }),
  );
  await forgetCase(context, 'scenario', scenarioId);
  return outcome;
}
