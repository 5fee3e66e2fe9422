import { scanPages } from '@what-if/kit/dynamodb';
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
  const pages = scanPages<PostItem>(context, {
    FilterExpression: 'sk = :post',
    ExpressionAttributeValues: { ':post': postSortKey },
  });
  for await (const page of pages) {
    for (const post of page.items) {
      await reindexPost(context, undefined, post);
      indexed += 1;
    }
  }
  return indexed;
}
