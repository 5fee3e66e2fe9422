import {
  type AttributeValue,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoIndex, DynamoTable } from '@what-if/catalog';
import { dynamoTableName } from '@what-if/catalog';
import { writeMarshalledBatches } from './dynamodb-batches';
import { collectItems, scanMarshalledPages } from './dynamodb-pages';

/** The key attributes a table and its indexes need defined, each once. */
function keyAttributes(table: DynamoTable, indexes: readonly DynamoIndex[]) {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ].filter((key) => key !== undefined);
  return [...new Map(keys.map((key) => [key.name, key])).values()].map((key) => ({
    AttributeName: key.name,
    AttributeType: key.type,
  }));
}

function indexDefinition(index: DynamoIndex) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
      ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    Projection: { ProjectionType: 'ALL' as const },
  };
}

async function createTable(client: DynamoDBClient, name: string, table: DynamoTable): Promise<void> {
  const indexes = table.globalIndexes ?? [];
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes(table, indexes),
      KeySchema: [
        { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
        ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
      ],
      ...(indexes.length ? { GlobalSecondaryIndexes: indexes.map(indexDefinition) } : {}),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: name });
}

/** The names of every table the client's account and endpoint hold, over every ListTables page. */
export async function existingTables(client: DynamoDBClient): Promise<Set<string>> {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const name of page.TableNames ?? []) existing.add(name);
    start = page.LastEvaluatedTableName;
  } while (start);
  return existing;
}

/**
 * Creates the tables a service declares in the catalog when they do not exist (local
 * stacks and tests; in AWS the infrastructure code owns them, TTL included).
 */
export async function ensureTables(
  client: DynamoDBClient,
  prefix: string,
  tables: readonly DynamoTable[],
): Promise<string[]> {
  const existing = await existingTables(client);
  const created: string[] = [];
  for (const table of tables) {
    const name = dynamoTableName(prefix, table.name);
    if (existing.has(name)) continue;
    await createTable(client, name, table);
    created.push(name);
  }
  return created;
}

/** Indexes added to a table kept from an older version, and how. */
export interface IndexesAdded {
  table: string;
  indexes: string[];
  /** `updated`: the store built them in place; `copied`: the table was recreated and its items written back. */
  how: 'updated' | 'copied';
  /** Items written back, when copied. */
  items?: number;
}

/** The table's indexes once it and they are ACTIVE (an index being built cannot be queried). */
async function activeIndexNames(client: DynamoDBClient, name: string): Promise<Set<string>> {
  for (let attempt = 0; ; attempt += 1) {
    const { Table: described } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexes = described?.GlobalSecondaryIndexes ?? [];
    const settled =
      described?.TableStatus === 'ACTIVE' && indexes.every((index) => index.IndexStatus === 'ACTIVE');
    if (settled) return new Set(indexes.map((index) => index.IndexName ?? ''));
    if (attempt >= 120)
      throw new Error(`table ${name} is still ${described?.TableStatus ?? 'unknown'} after a minute`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function readAllItems(client: DynamoDBClient, name: string): Promise<Record<string, AttributeValue>[]> {
  return collectItems(scanMarshalledPages(client, { TableName: name }));
}

/**
 * Asks the store to build the indexes on the table as it stands, one at a time (DynamoDB builds
 * one new index of a table at once); false when it cannot: dynalite refuses an index without
 * provisioned throughput on an on-demand table, which DynamoDB itself refuses with it.
 */
async function buildInPlace(
  client: DynamoDBClient,
  name: string,
  table: DynamoTable,
  missing: readonly DynamoIndex[],
): Promise<boolean> {
  let present = new Set<string>();
  for (const index of missing) {
    try {
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: keyAttributes(table, [index]),
          GlobalSecondaryIndexUpdates: [{ Create: indexDefinition(index) }],
        }),
      );
    } catch (error) {
      if ((error as { name?: unknown }).name === 'ValidationException') return false;
      throw error;
    }
    present = await activeIndexNames(client, name);
  }
  return missing.every((index) => present.has(index.name));
}

/**
 * Adds the indexes a newer version declares to tables kept from an older one, where the app
 * creates its own tables (local stacks: never in AWS, whose tables the infrastructure code owns).
 * It asks the store to build each index in place (DynamoDB Local can); a store that cannot
 * (dynalite) gets the table recreated with the declared schema and its items written back, read
 * first into memory: local data, small.
 */
export async function addMissingIndexes(
  client: DynamoDBClient,
  prefix: string,
  tables: readonly DynamoTable[],
): Promise<IndexesAdded[]> {
  const added: IndexesAdded[] = [];
  for (const table of tables) {
    const declared = table.globalIndexes ?? [];
    if (declared.length === 0) continue;
    const name = dynamoTableName(prefix, table.name);
    const present = await activeIndexNames(client, name);
    const missing = declared.filter((index) => !present.has(index.name));
    if (missing.length === 0) continue;
    const names = missing.map((index) => index.name);

    if (await buildInPlace(client, name, table, missing)) {
      added.push({ table: name, indexes: names, how: 'updated' });
      continue;
    }

    const items = await readAllItems(client, name);
    await client.send(new DeleteTableCommand({ TableName: name }));
    await waitUntilTableNotExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: name });
    await createTable(client, name, table);
    await writeMarshalledBatches(
      client,
      name,
      items.map((item) => ({ PutRequest: { Item: item } })),
    );
    added.push({ table: name, indexes: names, how: 'copied', items: items.length });
  }
  return added;
}
