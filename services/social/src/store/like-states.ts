import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { likeSortKey, postPartition } from './keys';
import type { LikeTarget } from './likes';
import type { StoreContext } from './store-context';

const targetId = (target: LikeTarget): string =>
  target.kind === 'post' ? `post:${target.postId}` : `comment:${target.postId}:${target.commentId}`;

/** A like-state key for `likedAmong`'s answer: `post:<id>` or `comment:<post>:<comment>`. */
export const likeStateKey = targetId;

/**
 * Which of the targets the user likes: one BatchGetItem of their like rows per 100 targets
 * (a page of a feed or of comments is at most 50), answered as the set of `likeStateKey`s.
 */
export async function likedAmong(
  context: StoreContext,
  targets: readonly LikeTarget[],
  userId: string,
): Promise<Set<string>> {
  const liked = new Set<string>();
  const bySortKey = new Map(
    targets.map((target) => [
      `${postPartition(target.postId)}|${likeSortKey(target.kind === 'post' ? undefined : target.commentId, userId)}`,
      targetId(target),
    ]),
  );
  const keys = [...bySortKey.keys()].map((joined) => {
    const [pk, sk] = joined.split('|') as [string, string];
    return { pk, sk };
  });
  for (let start = 0; start < keys.length; start += 100) {
    let batch: Array<Record<string, unknown>> | undefined = keys.slice(start, start + 100);
    while (batch && batch.length > 0) {
      const result: BatchGetCommandOutput = await context.documents.send(
        new BatchGetCommand({
          RequestItems: { [context.tableName]: { Keys: batch, ProjectionExpression: 'pk, sk' } },
        }),
      );
      for (const row of (result.Responses?.[context.tableName] ?? []) as Array<{ pk: string; sk: string }>) {
        const id = bySortKey.get(`${row.pk}|${row.sk}`);
        if (id) liked.add(id);
      }
      batch = result.UnprocessedKeys?.[context.tableName]?.Keys;
    }
  }
  return liked;
}
