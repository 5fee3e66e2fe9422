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
  let matched = 0;
  let start = firstStart;
  do {
    const wanted = options.maxItems === undefined ? undefined : options.maxItems - matched;
    const output = await request(smaller(options.pageSize, wanted), start);
    const items = output.Items ?? [];
    const count = output.Count ?? items.length;
    matched += count;
    start = output.LastEvaluatedKey;
    yield { items, count, scannedCount: output.ScannedCount ?? count, nextKey: start };
  } while (start !== undefined && (options.maxItems === undefined || matched < options.maxItems));
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
        new QueryCommand({
          ...query,
          TableName: table.tableName,
          ...(limit !== undefined ? { Limit: limit } : {}),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
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
        new ScanCommand({
          ...scan,
          TableName: table.tableName,
          ...(limit !== undefined ? { Limit: limit } : {}),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
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
    (limit, start) =>
      client.send(
        new MarshalledScanCommand({
          ...scan,
          ...(limit !== undefined ? { Limit: limit } : {}),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      ),
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
