import {
  type AttributeValue,
  type DynamoDBClient,
  ScanCommand as MarshalledScanCommand,
  type ScanCommandInput as MarshalledScanInput,
} from '@aws-sdk/client-dynamodb';
import {
  type NativeAttributeValue,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoTableContext } from './dynamodb-writes';

/** How far a paged read goes; without options it reads to the end, DynamoDB's 1 MB at a time. */
export interface PageOptions {
  /** The most items one request reads (DynamoDB's `Limit`, counted before any filter). */
  pageSize?: number;
  /**
   * Stops once this many items have matched. No request asks for more than are still wanted,
   * so nothing past the budget is read and the last page's `nextKey` is where to go on from.
   */
  maxItems?: number;
  /**
   * Stops once this many items have been read, matching a filter or not: a read budget. No
   * request reads more than is left of it; the last page's `nextKey` goes on from there.
   */
  maxScanned?: number;
}

/** One answer of a paged Query or Scan. */
export interface ItemPage<Item, Key> {
  /** The items that matched (none with `Select: 'COUNT'`). */
  items: Item[];
  /** How many matched: with `Select: 'COUNT'`, all a page says. */
  count: number;
  /** How many were read before the filter: what the request cost. */
  scannedCount: number;
  /** The key to start after (`ExclusiveStartKey`) for more; undefined when nothing is left. */
  nextKey: Key | undefined;
}

type Key = Record<string, NativeAttributeValue>;

interface PagedOutput<Item, StartKey> {
  Items?: Item[];
  Count?: number;
  ScannedCount?: number;
  LastEvaluatedKey?: StartKey;
}

/** Either limit, the smaller when both are set. */
function smaller(first: number | undefined, second: number | undefined): number | undefined {
  if (first === undefined) return second;
  if (second === undefined) return first;
  return Math.min(first, second);
}

function positive(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0))
    throw new RangeError(`${name} must be a whole number above 0, not ${value}`);
}

/**
 * The one paging loop: sends a request per page, each starting after the last one's key, until a
 * page ends the read or the budget is spent. Lazy: a page is requested only when the one before
 * it has been taken, so a caller may write between pages, or stop early and read no further.
 */
async function* pagesOf<Item, StartKey>(
  request: (limit: number | undefined, start: StartKey | undefined) => Promise<PagedOutput<Item, StartKey>>,
  firstStart: StartKey | undefined,
  options: PageOptions,
): AsyncGenerator<ItemPage<Item, StartKey>, void, undefined> {
  positive('pageSize', options.pageSize);
  positive('maxItems', options.maxItems);
  positive('maxScanned', options.maxScanned);
  let matched = 0;
  let scanned = 0;
  let start = firstStart;
  do {
    const wanted = options.maxItems === undefined ? undefined : options.maxItems - matched;
    const affordable = options.maxScanned === undefined ? undefined : options.maxScanned - scanned;
    const output = await request(smaller(options.pageSize, smaller(wanted, affordable)), start);
    const items = output.Items ?? [];
    const count = output.Count ?? items.length;
    const scannedCount = output.ScannedCount ?? count;
    matched += count;
    scanned += scannedCount;
    start = output.LastEvaluatedKey;
    yield { items, count, scannedCount, nextKey: start };
  } while (
    start !== undefined &&
    (options.maxItems === undefined || matched < options.maxItems) &&
    (options.maxScanned === undefined || scanned < options.maxScanned)
  );
}

/** A request's `Limit` and `ExclusiveStartKey`, each only when there is one. */
function pageInput<StartKey>(limit: number | undefined, start: StartKey | undefined) {
  return { ...(limit !== undefined ? { Limit: limit } : {}), ...(start ? { ExclusiveStartKey: start } : {}) };
}

/** The pages of a Query on the table (`ExclusiveStartKey` in the input resumes an earlier read). */
export function queryPages<Item = Record<string, NativeAttributeValue>>(
  table: DynamoTableContext,
  input: Omit<QueryCommandInput, 'TableName' | 'Limit'>,
  options: PageOptions = {},
): AsyncGenerator<ItemPage<Item, Key>, void, undefined> {
  const { ExclusiveStartKey: firstStart, ...query } = input;
  return pagesOf<Item, Key>(
    async (limit, start) =>
      (await table.documents.send(
        new QueryCommand({ ...query, TableName: table.tableName, ...pageInput(limit, start) }),
      )) as PagedOutput<Item, Key>,
    firstStart,
    options,
  );
}

/** The pages of a Scan of the table (maintenance jobs and tests; never on a request path). */
export function scanPages<Item = Record<string, NativeAttributeValue>>(
  table: DynamoTableContext,
  input: Omit<ScanCommandInput, 'TableName' | 'Limit'>,
  options: PageOptions = {},
): AsyncGenerator<ItemPage<Item, Key>, void, undefined> {
  const { ExclusiveStartKey: firstStart, ...scan } = input;
  return pagesOf<Item, Key>(
    async (limit, start) =>
      (await table.documents.send(
        new ScanCommand({ ...scan, TableName: table.tableName, ...pageInput(limit, start) }),
      )) as PagedOutput<Item, Key>,
    firstStart,
    options,
  );
}

/**
 * The pages of a Scan through the plain client, items as DynamoDB marshals them: for copies
 * that must keep every type as stored (sets, binary), such as exports and table rebuilds.
 */
export function scanMarshalledPages(
  client: DynamoDBClient,
  input: Omit<MarshalledScanInput, 'Limit'>,
  options: PageOptions = {},
): AsyncGenerator<ItemPage<Record<string, AttributeValue>, Record<string, AttributeValue>>, void, undefined> {
  const { ExclusiveStartKey: firstStart, ...scan } = input;
  return pagesOf(
    (limit, start) => client.send(new MarshalledScanCommand({ ...scan, ...pageInput(limit, start) })),
    firstStart,
    options,
  );
}

/** Every item of the pages, in order. */
export async function collectItems<Item>(pages: AsyncIterable<ItemPage<Item, unknown>>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...page.items);
  return items;
}

/** How many items the pages matched in all (with `Select: 'COUNT'`, no item is returned). */
export async function countItems(pages: AsyncIterable<ItemPage<unknown, unknown>>): Promise<number> {
  let total = 0;
  for await (const page of pages) total += page.count;
  return total;
}

/** Where a sorted listing lives: the table itself or one of its indexes, and the names of its keys. */
export interface SortedListing {
  index?: string;
  partitionKey: string;
  sortKey: string;
}

export interface SortedPageRequest {
  listing: SortedListing;
  partition: string;
  limit: number;
  /** The sort key of the last item already seen; the page starts after it. */
  after?: string;
  /** Oldest first (ascending sort keys) instead of newest first. */
  ascending?: boolean;
  /** Applied by DynamoDB while reading: the page fills by reading on. */
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> };
  /** How many items a page may read, matching or not, before it answers short with a cursor (1,000 unless set). */
  readBudget?: number;
}

export interface SortedPage<Item> {
  items: Item[];
  /** The sort key the next page starts after; absent on the last page. */
  after?: string;
  /** Items read for this page, matching or not: what it cost. */
  scannedCount: number;
  /** The read budget ran out before the page filled (`after` goes on from the last item read). */
  cutShort: boolean;
}

/** A filtered page reads this many items a request, until it fills or its budget is spent. */
const filteredReadBatch = 100;
const defaultReadBudget = 1_000;

/**
 * A page of one partition of a listing in sort-key order, for an API whose cursor is a sort key.
 * It reads one item more than asked for (which proves a next page exists, so the last page says
 * so and no empty page follows it); each request after the first starts after the last sort key
 * read. Without a filter a request asks for just the items still wanted; with one, 100 at a time
 * until the page fills or `readBudget` items have been read: a filter that rarely matches then
 * answers a short (even empty) page with a cursor instead of reading a whole partition at once.
 */
export async function readSortedPage<Item extends Record<string, NativeAttributeValue>>(
  table: DynamoTableContext,
  request: SortedPageRequest,
): Promise<SortedPage<Item>> {
  const { listing, filter } = request;
  const wanted = request.limit + 1;
  const readBudget = request.readBudget ?? defaultReadBudget;
  const pages = pagesOf<Item, Key>(
    async (limit, start) => {
      // After the first page, the condition moves on to the last sort key read (see below: a page
      // whose key holds none ends the read), so the requests are those a sort-key cursor makes.
      const after = start ? String(start[listing.sortKey]) : request.after;
      return (await table.documents.send(
        new QueryCommand({
          TableName: table.tableName,
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
          ...(limit !== undefined ? { Limit: limit } : {}),
        }),
      )) as PagedOutput<Item, Key>;
    },
    undefined,
    filter ? { pageSize: filteredReadBatch, maxScanned: readBudget } : { maxItems: wanted },
  );
  const found: Item[] = [];
  let after = request.after;
  let read = 0;
  let exhausted = false;
  for await (const page of pages) {
    read += page.scannedCount;
    found.push(...page.items);
    const lastRead = page.nextKey?.[listing.sortKey];
    if (typeof lastRead !== 'string') {
      exhausted = true;
      break;
    }
    after = lastRead;
    if (found.length >= wanted || read >= readBudget) break;
  }
  if (found.length > request.limit) {
    const items = found.slice(0, request.limit);
    return {
      items,
      after: String(items[items.length - 1]![listing.sortKey]),
      scannedCount: read,
      cutShort: false,
    };
  }
  if (exhausted) return { items: found, scannedCount: read, cutShort: false };
  // Out of budget before the page filled: go on next time from the last item read.
  return { items: found, ...(after ? { after } : {}), scannedCount: read, cutShort: true };
}
