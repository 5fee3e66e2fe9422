import type { BatchWriteItemCommandInput, DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { BatchWriteCommandInput, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BatchWriteRequest,
  type DynamoTableContext,
  UnprocessedWritesError,
  batchRetryDelay,
  collectItems,
  scanPages,
  writeBatches,
  writeMarshalledBatches,
} from '@what-if/kit/dynamodb';
import { dependencyUnavailable } from '../src/stores/unavailable';
import { type KeyedTables, startKeyedTables } from './support/keyed-tables';

let tables: KeyedTables;

beforeAll(async () => {
  tables = await startKeyedTables();
});

afterAll(async () => {
  await tables?.close();
});

const put = (n: number): BatchWriteRequest => ({
  PutRequest: { Item: { pk: 'P', sk: String(n).padStart(3, '0'), n } },
});

async function keysOf(table: DynamoTableContext): Promise<string[]> {
  const items = await collectItems(scanPages<{ sk: string }>(table, {}));
  return items.map((item) => item.sk).sort();
}

test('60 puts are written in three batches, and deletes of some of them remove just those', async () => {
  const table = await tables.create('written');
  await writeBatches(
    table,
    Array.from({ length: 60 }, (_, n) => put(n)),
  );
  expect(await keysOf(table)).toEqual(Array.from({ length: 60 }, (_, n) => String(n).padStart(3, '0')));

  await writeBatches(
    table,
    Array.from({ length: 30 }, (_, n) => ({
      DeleteRequest: { Key: { pk: 'P', sk: String(2 * n).padStart(3, '0') } },
    })),
  );
  expect(await keysOf(table)).toEqual(
    Array.from({ length: 30 }, (_, n) => String(2 * n + 1).padStart(3, '0')),
  );
});

test('the plain client writes marshalled items as they are, sets and binary kept', async () => {
  const table = await tables.create('marshalled');
  const requests: WriteRequest[] = Array.from({ length: 30 }, (_, n) => ({
    PutRequest: {
      Item: {
        pk: { S: 'M' },
        sk: { S: String(n).padStart(2, '0') },
        tags: { SS: ['a', 'b'] },
        raw: { B: Uint8Array.of(n) },
      },
    },
  }));
  await writeMarshalledBatches(tables.client, table.tableName, requests);
  const items = await collectItems(scanPages<{ sk: string; tags: Set<string>; raw: Uint8Array }>(table, {}));
  expect(items).toHaveLength(30);
  const seventh = items.find((item) => item.sk === '07');
  expect(seventh?.tags).toEqual(new Set(['a', 'b']));
  expect(Array.from(seventh?.raw ?? [])).toEqual([7]);
});

test('nothing to write sends nothing', async () => {
  const sent = stubTable(() => undefined);
  await writeBatches(sent.table, []);
  expect(sent.batches).toHaveLength(0);
});

/** A table whose BatchWrite hands back what `unprocessed` picks of each batch it is sent. */
function stubTable(
  unprocessed: (batch: BatchWriteRequest[], call: number) => BatchWriteRequest[] | undefined,
) {
  const batches: BatchWriteRequest[][] = [];
  const documents = {
    async send(command: { input: BatchWriteCommandInput }) {
      const batch = command.input.RequestItems!['stub']!;
      batches.push(batch);
      const left = unprocessed(batch, batches.length);
      return left ? { UnprocessedItems: { stub: left } } : {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { table: { documents, tableName: 'stub' }, batches };
}

function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

test('what comes back unprocessed is sent again after waits that grow, until it is written', async () => {
  // The first batch is throttled three times: two items, then one, then one come back.
  const sent = stubTable((batch, call) => (call <= 3 ? batch.slice(0, call === 1 ? 2 : 1) : undefined));
  const { waits, sleep } = recordedSleep();
  await writeBatches(
    sent.table,
    Array.from({ length: 30 }, (_, n) => put(n)),
    { sleep },
  );
  expect(sent.batches.map((batch) => batch.length)).toEqual([25, 2, 1, 1, 5]);
  expect(sent.batches[1]).toEqual([put(0), put(1)]);
  // One wait before each resend and none before the next batch, each at least the last and within the ceiling.
  expect(waits).toHaveLength(3);
  for (let index = 1; index < waits.length; index += 1)
    expect(waits[index]).toBeGreaterThanOrEqual(waits[index - 1]!);
  for (const wait of waits) expect(wait).toBeLessThanOrEqual(2_000);
  expect(waits[0]).toBeGreaterThan(0);
});

test('a batch never written fails after the last attempt, saying how many were not written; the rest are not sent', async () => {
  const sent = stubTable((batch, call) => (call === 1 ? undefined : batch.slice(0, 3)));
  const { waits, sleep } = recordedSleep();
  const write = writeBatches(
    sent.table,
    Array.from({ length: 70 }, (_, n) => put(n)),
    { sleep, maxAttempts: 4 },
  );
  await expect(write).rejects.toThrow(UnprocessedWritesError);
  const error = (await write.catch((caught: unknown) => caught)) as UnprocessedWritesError;
  // The second batch: sent 4 times, 3 left; the third batch's 20 never sent.
  expect(sent.batches.map((batch) => batch.length)).toEqual([25, 25, 3, 3, 3]);
  expect(error.unwritten).toBe(23);
  expect(error.requested).toBe(70);
  expect(error.message).toContain('stub: 23 of 70 batch writes were not written');
  expect(dependencyUnavailable(error)).toBe('dynamodb');
  expect(waits).toHaveLength(3);
});

test('the waits double from the base up to the ceiling and no further, jitter taking up to half of each', () => {
  const most = Array.from({ length: 12 }, (_, index) =>
    batchRetryDelay(index + 1, { random: () => 0.999999 }),
  );
  const least = Array.from({ length: 12 }, (_, index) => batchRetryDelay(index + 1, { random: () => 0 }));
  expect(most.slice(0, 7)).toEqual([50, 100, 200, 400, 800, 1_600, 2_000]);
  expect(least.slice(0, 7)).toEqual([25, 50, 100, 200, 400, 800, 1_000]);
  expect(Math.max(...most)).toBe(2_000);
  expect(batchRetryDelay(3, { baseDelayMs: 10, maxDelayMs: 30, random: () => 0.999999 })).toBe(30);
  expect(batchRetryDelay(1_000, { random: () => 0.5 })).toBe(1_500);
});

test('the plain client retries the same way', async () => {
  const batches: WriteRequest[][] = [];
  const client = {
    async send(command: { input: BatchWriteItemCommandInput }) {
      const batch = command.input.RequestItems!['plain']!;
      batches.push(batch);
      return batches.length === 1 ? { UnprocessedItems: { plain: batch.slice(0, 1) } } : {};
    },
  } as unknown as DynamoDBClient;
  const { waits, sleep } = recordedSleep();
  await writeMarshalledBatches(client, 'plain', [{ PutRequest: { Item: { pk: { S: 'x' } } } }], { sleep });
  expect(batches).toHaveLength(2);
  expect(waits).toHaveLength(1);
});

test('an attempt bound below one is refused before anything is sent', async () => {
  const sent = stubTable(() => undefined);
  await expect(writeBatches(sent.table, [put(1)], { maxAttempts: 0 })).rejects.toThrow(RangeError);
  expect(sent.batches).toHaveLength(0);
});
