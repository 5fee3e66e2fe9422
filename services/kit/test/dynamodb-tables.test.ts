import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoTable } from '@what-if/catalog';
import { type DynamoStore, createDynamo, dynamoFromConfig, ensureTables } from '@what-if/kit/dynamodb';
import { captureLogs } from '../../../test/support/logs';
import { type TestDynamo, startTestDynamo } from '../../../test/support/stores';

const byAuthor = {
  name: 'gsi1',
  partitionKey: { name: 'gsi1pk', type: 'S' },
  sortKey: { name: 'gsi1sk', type: 'S' },
} as const;
const byTag = {
  name: 'gsi2',
  partitionKey: { name: 'gsi2pk', type: 'S' },
  sortKey: { name: 'gsi2sk', type: 'S' },
} as const;
/** A table as an older version declared it, and as the newer one does: one index more. */
const older: DynamoTable = {
  name: 'notes',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalIndexes: [byAuthor],
};
const newer: DynamoTable = { ...older, globalIndexes: [byAuthor, byTag] };

let dynamo: TestDynamo;
let admin: DynamoStore;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  admin = createDynamo({ endpoint: dynamo.endpoint, region: 'us-east-1', tables: [] });
});

afterAll(async () => {
  await admin?.close();
  await dynamo?.close();
});

const notes = Array.from({ length: 40 }, (_, n) => ({
  pk: `NOTE#${String(n).padStart(2, '0')}`,
  sk: 'NOTE',
  text: `note ${n}`,
  words: n,
  gsi1pk: 'AUTHOR#ada',
  gsi1sk: String(n).padStart(2, '0'),
  ...(n % 4 === 0 ? { gsi2pk: 'TAG#rome', gsi2sk: String(n).padStart(2, '0') } : {}),
}));

async function keptTable(prefix: string): Promise<string> {
  await ensureTables(admin.client, prefix, [older]);
  const tableName = `${prefix}notes`;
  for (const item of notes) await admin.documents.send(new PutCommand({ TableName: tableName, Item: item }));
  return tableName;
}

async function indexes(tableName: string): Promise<string[]> {
  const described = await admin.client.send(new DescribeTableCommand({ TableName: tableName }));
  return (described.Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName ?? '').sort();
}

function config(prefix: string, createTables: boolean) {
  return {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'us-east-1',
    DYNAMODB_TABLE_PREFIX: prefix,
    DYNAMODB_CREATE_TABLES: createTables,
  };
}

test('a service that creates its tables adds the index a newer version declares to a kept table, items kept', async () => {
  const prefix = `${dynamo.tablePrefix}kept-`;
  const tableName = await keptTable(prefix);
  const logs = captureLogs('kit-test');

  const store = await dynamoFromConfig(config(prefix, true), [newer], logs.logger);
  try {
    expect(await indexes(tableName)).toEqual(['gsi1', 'gsi2']);
    const tagged = await store.documents.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :tag',
        ExpressionAttributeValues: { ':tag': 'TAG#rome' },
      }),
    );
    expect((tagged.Items ?? []).map((item) => item['pk'])).toEqual(
      notes.filter((_, n) => n % 4 === 0).map((note) => note.pk),
    );
    const all = await store.documents.send(new ScanCommand({ TableName: tableName }));
    expect((all.Items ?? []).sort((a, b) => String(a['pk']).localeCompare(String(b['pk'])))).toEqual(notes);

    // dynalite cannot build an index in place: the log says the table was copied, and how many items.
    await new Promise((resolve) => setImmediate(resolve));
    const said = logs.lines.find((line) => String(line['msg']).includes('recreated'));
    expect(said).toMatchObject({ level: 'warn', table: tableName, indexes: ['gsi2'], items: notes.length });
  } finally {
    await store.close();
  }

  const again = captureLogs('kit-test');
  const second = await dynamoFromConfig(config(prefix, true), [newer], again.logger);
  await second.close();
  await new Promise((resolve) => setImmediate(resolve));
  expect(again.lines.filter((line) => String(line['msg']).includes('index'))).toEqual([]);
});

test('a service that does not create its tables (AWS, where the infrastructure owns them) leaves them alone', async () => {
  const prefix = `${dynamo.tablePrefix}owned-`;
  const tableName = await keptTable(prefix);
  const store = await dynamoFromConfig(config(prefix, false), [newer], captureLogs('kit-test').logger);
  await store.close();
  expect(await indexes(tableName)).toEqual(['gsi1']);
});
