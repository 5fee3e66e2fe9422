import { type BatchWriteRequest, writeBatches } from '@what-if/kit/dynamodb';
import { searchTokens } from '../search-text';
import { chronologicalKey, searchPartition } from './keys';
import type { PostItem } from './post-records';
import type { StoreContext } from './store-context';

type Indexed = Pick<PostItem, 'id' | 'createdAt' | 'searchText'>;

/**
 * Brings a post's search entries from what `before` indexed to what `after` indexes: one item
 * per word, `SEARCH#<word>` / `<time>#<post>`, so a search reads one word's partition newest
 * first instead of scanning posts. Publishing passes no `before`; deleting passes no `after`.
 */
export async function reindexPost(
  context: StoreContext,
  before: Indexed | undefined,
  after: Indexed | undefined,
): Promise<void> {
  const old = new Set(before ? searchTokens(before.searchText) : []);
  const next = new Set(after ? searchTokens(after.searchText) : []);
  const requests: BatchWriteRequest[] = [];
  if (before) {
    const position = chronologicalKey(before.createdAt, before.id);
    for (const word of old) {
      if (!next.has(word))
        requests.push({ DeleteRequest: { Key: { pk: searchPartition(word), sk: position } } });
    }
  }
  if (after) {
    const position = chronologicalKey(after.createdAt, after.id);
    for (const word of next) {
      if (!old.has(word))
        requests.push({
          PutRequest: { Item: { pk: searchPartition(word), sk: position, postId: after.id } },
        });
    }
  }
  await writeBatches(context, requests);
}
