import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type DynamoTableContext, isConditionFailure, putIfAbsent } from '@what-if/kit/dynamodb';
import { type KeyedTables, startKeyedTables } from './support/keyed-tables';

let tables: KeyedTables;
let table: DynamoTableContext;

async function read(context: DynamoTableContext, key: Record<string, string>) {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

beforeAll(async () => {
  tables = await startKeyedTables();
  table = await tables.create('things');
});

afterAll(async () => {
  await tables?.close();
});

test('the first put of a key writes it; a repeat answers false and leaves the first item as it was', async () => {
  const key = { pk: 'THING#1', sk: 'THING' };
  expect(await putIfAbsent(table, { ...key, colour: 'red' })).toBe(true);
  expect(await putIfAbsent(table, { ...key, colour: 'blue' })).toBe(false);
  expect(await read(table, key)).toEqual({ ...key, colour: 'red' });
});

test('of writers racing for one key exactly one wins, and the item is the winner’s', async () => {
  const key = { pk: 'THING#race', sk: 'THING' };
  const outcomes = await Promise.all(
    Array.from({ length: 8 }, (_, writer) => putIfAbsent(table, { ...key, writer })),
  );
  expect(outcomes.filter(Boolean)).toHaveLength(1);
  expect((await read(table, key))?.['writer']).toBe(outcomes.indexOf(true));
});

test('another sort key in the same partition is another item', async () => {
  expect(await putIfAbsent(table, { pk: 'THING#2', sk: 'A' })).toBe(true);
  expect(await putIfAbsent(table, { pk: 'THING#2', sk: 'B' })).toBe(true);
});

test('a table keyed by another attribute names it', async () => {
  const other = await tables.create('by-id', 'id');
  const key = { id: 'ONE', sk: 'ITEM' };
  expect(await putIfAbsent(other, { ...key, n: 1 }, 'id')).toBe(true);
  expect(await putIfAbsent(other, { ...key, n: 2 }, 'id')).toBe(false);
  expect(await read(other, key)).toEqual({ ...key, n: 1 });
});

test('a failure that is not a refused condition is thrown, not taken for "already there"', async () => {
  const missing = { ...table, tableName: `${tables.tablePrefix}no-such-table` };
  await expect(putIfAbsent(missing, { pk: 'X', sk: 'Y' })).rejects.toThrow(/non-existent table|not found/i);
});

test('isConditionFailure tells a refused condition from every other error', async () => {
  const refused = await table.documents
    .send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: 'THING#absent', sk: 'THING' },
        UpdateExpression: 'SET colour = :colour',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':colour': 'green' },
      }),
    )
    .catch((error: unknown) => error);
  expect(isConditionFailure(refused)).toBe(true);
  const missingTable = await read(
    { ...table, tableName: `${tables.tablePrefix}gone` },
    { pk: 'a', sk: 'b' },
  ).catch((error: unknown) => error);
  expect(isConditionFailure(missingTable)).toBe(false);
  expect(isConditionFailure(new Error('The conditional request failed'))).toBe(false);
});
