import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { postSortKey } from './keys';
import type { PostItem } from './post-records';
import { reindexPost } from './search-index';
import type { StoreContext } from './store-context';

/**
 * Writes every post's search entries (a maintenance job, so it may scan): for posts published
 * before search existed, or after a change of how words are folded. Writing an entry that is
 * already there changes nothing, so it can run again at any time. Answers how many posts it
 * indexed.
 */
export async function reindexAllPosts(context: StoreContext): Promise<number> {
  let indexed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await context.documents.send(
      new ScanCommand({
        TableName: context.tableName,
        FilterExpression: 'sk = :post',
        ExpressionAttributeValues: { ':post': postSortKey },
        ExclusiveStartKey: start,
      }),
    );
    for (const post of (page.Items ?? []) as PostItem[]) {
      await reindexPost(context, undefined, post);
      indexed += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return indexed;
}
