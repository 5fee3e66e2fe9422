import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, scanPages } from '@what-if/kit/dynamodb';
import { chronologicalKey, commenterPartition, likerPartition, postPartition } from './keys';
import { likeTargetOf, likerSortKey } from './likes';
import type { StoreContext } from './store-context';

/** What indexAuthors gave per-author entries to. */
export interface AuthorIndexReport {
  comments: number;
  likes: number;
}

/**
 * Gives the comments and like rows written before they carried per-author gsi2 keys
 * (`COMMENTER#<user>`, `LIKER#<user>`) those keys, so an account's purge finds them too. A
 * maintenance job run once after upgrading, never on a request path: it walks the table with a
 * Scan. Safe to repeat and to run while the service writes (each write is conditional on the
 * keys still being absent); a tombstone has no author and gets none.
 */
export async function indexAuthors(context: StoreContext): Promise<AuthorIndexReport> {
  const report: AuthorIndexReport = { comments: 0, likes: 0 };
  const pages = scanPages(context, {
    FilterExpression:
      'begins_with(pk, :post) AND attribute_not_exists(gsi2pk) AND (begins_with(sk, :comment) OR begins_with(sk, :like))',
    ExpressionAttributeValues: { ':post': postPartition(''), ':comment': 'COMMENT#', ':like': 'LIKE#' },
  });
  for await (const page of pages) {
    for (const item of page.items) {
      const key = { pk: String(item['pk']), sk: String(item['sk']) };
      let keys: { gsi2pk: string; gsi2sk: string } | undefined;
      if (key.sk.startsWith('COMMENT#') && typeof item['authorId'] === 'string') {
        keys = {
          gsi2pk: commenterPartition(item['authorId']),
          gsi2sk: chronologicalKey(String(item['createdAt']), String(item['id'])),
        };
      } else if (key.sk.startsWith('LIKE#') && typeof item['userId'] === 'string') {
        const target = likeTargetOf(key, item['userId']);
        if (target)
          keys = {
            gsi2pk: likerPartition(item['userId']),
            gsi2sk: likerSortKey(String(item['likedAt']), target),
          };
      }
      if (!keys) continue;
      try {
        await context.documents.send(
          new UpdateCommand({
            TableName: context.tableName,
            Key: key,
            UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
            // Still there, still without keys, and (for a comment) not deleted meanwhile.
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(gsi2pk) AND attribute_not_exists(deletedAt)',
            ExpressionAttributeValues: { ':pk': keys.gsi2pk, ':sk': keys.gsi2sk },
          }),
        );
        if (key.sk.startsWith('COMMENT#')) report.comments += 1;
        else report.likes += 1;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }
  return report;
}
