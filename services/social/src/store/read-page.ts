import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, queryPages } from '@what-if/kit/dynamodb';
import type { StoreContext } from './store-context';

/** Where a list lives: the table itself or an index, and the names of its keys. */
export interface Listing {
  index?: string;
  partitionKey: string;
  sortKey: string;
}

export const baseTable: Listing = { partitionKey: 'pk', sortKey: 'sk' };

export interface PageRequest {
  listing: Listing;
  partition: string;
  limit: number;
  /** The sort key of the last item already seen; the page starts after it (newest first). */
  after?: string;
  /** Oldest first instead of newest first. */
  ascending?: boolean;
  /** Applied by DynamoDB while reading: the page fills by reading on. */
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> };
}

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
  const { listing, filter } = request;
  const wanted = request.limit + 1;
  const found: Item[] = [];
  let after = request.after;
  let read = 0;
  let exhausted = false;
  while (found.length < wanted && read < pageReadBudget) {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        ...(listing.index ? { IndexName: listing.index } : {}),
        KeyConditionExpression: after
          ? `#pk = :pk AND #sk ${request.ascending ? '>' : '<'} :after`
          : '#pk = :pk',
        ...(filter ? { FilterExpression: filter.expression } : {}),
        ExpressionAttributeNames: {
          '#pk': listing.partitionKey,
          ...(after ? { '#sk': listing.sortKey } : {}),
          ...filter?.names,
        },
        ExpressionAttributeValues: {
          ':pk': request.partition,
          ...(after ? { ':after': after } : {}),
          ...filter?.values,
        },
        ScanIndexForward: request.ascending === true,
        Limit: filter ? Math.min(100, pageReadBudget - read) : wanted - found.length,
      }),
    );
    read += page.ScannedCount ?? 0;
    found.push(...((page.Items ?? []) as Item[]));
    const lastRead = page.LastEvaluatedKey?.[listing.sortKey];
    if (typeof lastRead !== 'string') {
      exhausted = true;
      break;
    }
    after = lastRead;
  }
  if (found.length > request.limit) {
    const items = found.slice(0, request.limit);
    return { items, after: String(items[items.length - 1]![listing.sortKey]) };
  }
  if (exhausted) return { items: found };
  // Out of budget before the page filled: go on next time from the last item read.
  return { items: found, ...(after ? { after } : {}) };
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
