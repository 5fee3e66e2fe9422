import {
  type SortedListing,
  type SortedPageRequest,
  collectItems,
  queryPages,
  readSortedPage,
} from '@what-if/kit/dynamodb';
import type { StoreContext } from './store-context';

/** Where a list lives: the table itself or an index, and the names of its keys. */
export type Listing = SortedListing;

export const baseTable: Listing = { partitionKey: 'pk', sortKey: 'sk' };

/** A page of a listing's partition from a sort-key cursor; every list of social reads the same budget. */
export type PageRequest = Omit<SortedPageRequest, 'readBudget'>;

export interface Page<Item> {
  items: Item[];
  /** Where the next page starts; absent on the last page. */
  after?: string;
}

/**
 * How many items one filtered page may read. A filter that rarely matches then answers a short
 * page with a cursor to go on from, instead of reading a whole partition in one request.
 */
export const pageReadBudget = 1_000;

/**
 * A page of one partition, newest first by sort key (or oldest first when asked). It reads one item more than asked for
 * (which proves a next page exists), so the last page says so and no empty page follows it.
 * Positions are sort keys, which never change for an item: items written after a page was
 * read sort before it, so paging on neither repeats nor skips anything.
 */
export async function readPage<Item extends Record<string, unknown>>(
  context: StoreContext,
  request: PageRequest,
): Promise<Page<Item>> {
  const { items, after } = await readSortedPage<Item>(context, { ...request, readBudget: pageReadBudget });
  return { items, ...(after ? { after } : {}) };
}

/** Every item of one partition (small ones: whom a user blocks, who blocked them). */
export function readAll<Item extends Record<string, unknown>>(
  context: StoreContext,
  listing: Listing,
  partition: string,
  extra: { sortKeyPrefix?: string } = {},
): Promise<Item[]> {
  return collectItems(
    queryPages<Item>(context, {
      ...(listing.index ? { IndexName: listing.index } : {}),
      KeyConditionExpression: extra.sortKeyPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: {
        '#pk': listing.partitionKey,
        ...(extra.sortKeyPrefix ? { '#sk': listing.sortKey } : {}),
      },
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(extra.sortKeyPrefix ? { ':prefix': extra.sortKeyPrefix } : {}),
      },
    }),
  );
}
