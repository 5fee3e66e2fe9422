import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import type { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type DynamoTableContext,
  type ItemPage,
  collectItems,
  countItems,
  queryPages,
  readSortedPage,
  scanMarshalledPages,
  scanPages,
} from '@what-if/kit/dynamodb';
import { type KeyedTables, startKeyedTables } from './support/keyed-tables';

let tables: KeyedTables;
let table: DynamoTableContext;

/** 25 items in partition LIST (sk 00..24, even ones `colour: red`), 3 in OTHER, 250 in LONG. */
const listed = Array.from({ length: 25 }, (_, n) => ({
  pk: 'LIST',
  sk: String(n).padStart(2, '0'),
  colour: n % 2 === 0 ? 'red' : 'blue',
}));
const others = ['a', 'b', 'c'].map((sk) => ({ pk: 'OTHER', sk, colour: 'green' }));
/** Every 50th item of LONG (sk 000..249) is gold. */
const long = Array.from({ length: 250 }, (_, n) => ({
  pk: 'LONG',
  sk: String(n).padStart(3, '0'),
  colour: n % 50 === 0 ? 'gold' : 'grey',
}));

const list = { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'LIST' } };
/** LIST's red items, the filter dropping every other one as it reads. */
const redOfList = {
  ...list,
  FilterExpression: 'colour = :red',
  ExpressionAttributeValues: { ':pk': 'LIST', ':red': 'red' },
};

async function pagesOf<Item, Key>(pages: AsyncIterable<ItemPage<Item, Key>>): Promise<ItemPage<Item, Key>[]> {
  const read: ItemPage<Item, Key>[] = [];
  for await (const page of pages) read.push(page);
  return read;
}

beforeAll(async () => {
  tables = await startKeyedTables();
  table = await tables.create('pages');
  const items = [...listed, ...others, ...long];
  for (let offset = 0; offset < items.length; offset += 25) {
    await tables.client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [table.tableName]: items.slice(offset, offset + 25).map((item) => ({
            PutRequest: { Item: { pk: { S: item.pk }, sk: { S: item.sk }, colour: { S: item.colour } } },
          })),
        },
      }),
    );
  }
});

afterAll(async () => {
  await tables?.close();
});

test('a query reads every page in order, each of at most the page size, and the last says nothing is left', async () => {
  const pages = await pagesOf(queryPages(table, list, { pageSize: 10 }));
  expect(pages.map((page) => page.items.length)).toEqual([10, 10, 5]);
  expect(pages.flatMap((page) => page.items)).toEqual(listed);
  expect(pages[0]!.nextKey).toEqual({ pk: 'LIST', sk: '09' });
  expect(pages[1]!.nextKey).toEqual({ pk: 'LIST', sk: '19' });
  expect(pages[2]!.nextKey).toBeUndefined();
});

test('without options one request reads the whole (small) partition', async () => {
  const pages = await pagesOf(queryPages(table, list));
  expect(pages).toHaveLength(1);
  expect(pages[0]).toEqual({ items: listed, count: 25, scannedCount: 25, nextKey: undefined });
});

test('an item budget stops the read at that many items, and its resume key goes on exactly after them', async () => {
  const pages = await pagesOf(queryPages(table, list, { pageSize: 10, maxItems: 13 }));
  expect(pages.map((page) => page.items.length)).toEqual([10, 3]);
  expect(pages[1]!.nextKey).toEqual({ pk: 'LIST', sk: '12' });

  const rest = await collectItems(queryPages(table, { ...list, ExclusiveStartKey: pages[1]!.nextKey }));
  expect([...pages.flatMap((page) => page.items), ...rest]).toEqual(listed);
});

test('a budget counts the items that matched a filter, not those read', async () => {
  const red = listed.filter((item) => item.colour === 'red');
  const pages = await pagesOf(queryPages(table, redOfList, { pageSize: 4, maxItems: 5 }));
  // No request reads more items than are still wanted: 4 (2 red), 3 (2 red), then 1 at a time.
  expect(pages.map((page) => [page.scannedCount, page.count])).toEqual([
    [4, 2],
    [3, 2],
    [1, 0],
    [1, 1],
  ]);
  expect(pages.flatMap((page) => page.items)).toEqual(red.slice(0, 5));
  expect(pages.at(-1)!.nextKey).toEqual({ pk: 'LIST', sk: '08' });
});

test('a read budget stops after that many items read, matching or not, and resumes after the last one read', async () => {
  const pages = await pagesOf(queryPages(table, redOfList, { pageSize: 4, maxScanned: 10 }));
  expect(pages.map((page) => [page.scannedCount, page.count])).toEqual([
    [4, 2],
    [4, 2],
    [2, 1],
  ]);
  expect(pages.at(-1)!.nextKey).toEqual({ pk: 'LIST', sk: '09' });
});

test('a budget the partition does not reach reads it all and ends without a resume key', async () => {
  const pages = await pagesOf(queryPages(table, list, { pageSize: 20, maxItems: 100 }));
  expect(pages.flatMap((page) => page.items)).toEqual(listed);
  expect(pages.at(-1)!.nextKey).toBeUndefined();
});

test('stopping early reads no further page', async () => {
  const send = jest.spyOn(table.documents, 'send');
  try {
    for await (const page of queryPages(table, list, { pageSize: 5 })) {
      expect(page.items).toEqual(listed.slice(0, 5));
      break;
    }
    expect(send).toHaveBeenCalledTimes(1);
  } finally {
    send.mockRestore();
  }
});

test('an empty result is one page without items or resume key', async () => {
  const pages = await pagesOf(
    queryPages(table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'NOTHING' },
    }),
  );
  expect(pages).toEqual([{ items: [], count: 0, scannedCount: 0, nextKey: undefined }]);
});

test('a COUNT select returns no items, and its counts add up over the pages', async () => {
  const pages = await pagesOf(queryPages(table, { ...list, Select: 'COUNT' }, { pageSize: 10 }));
  expect(pages.map((page) => [page.items.length, page.count])).toEqual([
    [0, 10],
    [0, 10],
    [0, 5],
  ]);
  expect(await countItems(queryPages(table, { ...list, Select: 'COUNT' }, { pageSize: 7 }))).toBe(25);
  expect(
    await countItems(
      queryPages(table, {
        ...list,
        Select: 'COUNT',
        FilterExpression: 'colour = :blue',
        ExpressionAttributeValues: { ':pk': 'LIST', ':blue': 'blue' },
      }),
    ),
  ).toBe(12);
});

test('a scan pages through the whole table; its filter applies per page', async () => {
  const everything = await collectItems(scanPages(table, {}, { pageSize: 6 }));
  expect(everything).toHaveLength(278);
  expect(new Set(everything.map((item) => `${item['pk']}/${item['sk']}`)).size).toBe(278);

  const green = await pagesOf(
    scanPages(
      table,
      { FilterExpression: 'colour = :green', ExpressionAttributeValues: { ':green': 'green' } },
      { pageSize: 100 },
    ),
  );
  // Pages where nothing matched come back empty, and the read goes on past them.
  expect(green.map((page) => page.scannedCount)).toEqual([100, 100, 78]);
  expect(green.flatMap((page) => page.items).map((item) => item['sk'])).toEqual(['a', 'b', 'c']);
});

test('a marshalled scan keeps the stored attribute types and pages the same way', async () => {
  const pages = await pagesOf(
    scanMarshalledPages(tables.client, { TableName: table.tableName }, { pageSize: 100 }),
  );
  expect(pages.map((page) => page.items.length)).toEqual([100, 100, 78]);
  expect(pages.flatMap((page) => page.items)).toContainEqual({
    pk: { S: 'OTHER' },
    sk: { S: 'b' },
    colour: { S: 'green' },
  });
  expect(pages.at(-1)!.nextKey).toBeUndefined();
});

test('a page size or budget that is not a whole number above 0 is refused before any request', async () => {
  await expect(collectItems(queryPages(table, list, { pageSize: 0 }))).rejects.toThrow(
    'pageSize must be a whole number above 0, not 0',
  );
  await expect(collectItems(queryPages(table, list, { maxItems: 2.5 }))).rejects.toThrow(
    'maxItems must be a whole number above 0, not 2.5',
  );
});

describe('a page by sort-key cursor', () => {
  const listing = { partitionKey: 'pk', sortKey: 'sk' };
  const sks = (items: Array<Record<string, unknown>>) => items.map((item) => item['sk']);

  test('pages newest first, each cursor the last sort key shown, and the last page has none', async () => {
    const request = { listing, partition: 'LIST', limit: 10, readBudget: 1_000 };
    const first = await readSortedPage(table, request);
    expect(sks(first.items)).toEqual(['24', '23', '22', '21', '20', '19', '18', '17', '16', '15']);
    expect(first).toMatchObject({ after: '15', scannedCount: 11, cutShort: false });
    const second = await readSortedPage(table, { ...request, after: first.after! });
    expect(sks(second.items)).toEqual(['14', '13', '12', '11', '10', '09', '08', '07', '06', '05']);
    const last = await readSortedPage(table, { ...request, after: second.after! });
    expect(sks(last.items)).toEqual(['04', '03', '02', '01', '00']);
    expect(last.after).toBeUndefined();
    expect(last.cutShort).toBe(false);
  });

  test('pages oldest first when asked', async () => {
    const page = await readSortedPage(table, {
      listing,
      partition: 'LIST',
      limit: 3,
      ascending: true,
      readBudget: 1_000,
    });
    expect(sks(page.items)).toEqual(['00', '01', '02']);
    expect(page.after).toBe('02');
  });

  test('a page that fills exactly at the end of the partition says there is nothing after it', async () => {
    const page = await readSortedPage(table, { listing, partition: 'LIST', limit: 25, readBudget: 1_000 });
    expect(page.items).toHaveLength(25);
    expect(page.after).toBeUndefined();
  });

  const gold = { expression: 'colour = :gold', values: { ':gold': 'gold' } };

  test('a filtered page reads on, 100 items a request, each starting after the last sort key read', async () => {
    const send = jest.spyOn(table.documents, 'send');
    try {
      const page = await readSortedPage(table, {
        listing,
        partition: 'LONG',
        limit: 4,
        filter: gold,
        readBudget: 1_000,
      });
      expect(sks(page.items)).toEqual(['200', '150', '100', '050']);
      expect(page).toMatchObject({ after: '050', scannedCount: 250, cutShort: false });
      const inputs = send.mock.calls.map(([command]) => (command as QueryCommand).input);
      expect(inputs.map((input) => [input.Limit, input.ExpressionAttributeValues?.[':after']])).toEqual([
        [100, undefined],
        [100, '150'],
        [100, '050'],
      ]);
      expect(inputs.every((input) => input.ExclusiveStartKey === undefined)).toBe(true);
    } finally {
      send.mockRestore();
    }
  });

  test('a filtered page that spends its read budget answers short, with a cursor after the last item read', async () => {
    const request = { listing, partition: 'LONG', limit: 4, filter: gold, readBudget: 120 };
    const short = await readSortedPage(table, request);
    expect(sks(short.items)).toEqual(['200', '150']);
    expect(short).toMatchObject({ after: '130', scannedCount: 120, cutShort: true });
    const next = await readSortedPage(table, { ...request, after: short.after! });
    expect(sks(next.items)).toEqual(['100', '050']);
    expect(next).toMatchObject({ after: '010', scannedCount: 120, cutShort: true });
    const last = await readSortedPage(table, { ...request, after: next.after! });
    expect(sks(last.items)).toEqual(['000']);
    expect(last).toMatchObject({ scannedCount: 10, cutShort: false });
    expect(last.after).toBeUndefined();
  });
});
