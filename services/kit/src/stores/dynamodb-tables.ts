import {
  CreateTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoTable } from '@what-if/catalog';
import { dynamoTableName } from '@what-if/catalog';

/**
 * Creates the tables a service declares in the catalog when they do not exist (local
 * stacks and tests; in AWS the infrastructure code owns them, TTL included).
 */
export async function ensureTables(
  client: DynamoDBClient,
  prefix: string,
  tables: readonly DynamoTable[],
): Promise<string[]> {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const name of page.TableNames ?? []) existing.add(name);
    start = page.LastEvaluatedTableName;
  } while (start);

  const created: string[] = [];
  for (const table of tables) {
    const name = dynamoTableName(prefix, table.name);
    if (existing.has(name)) continue;
    const keys = [
      table.partitionKey,
      table.sortKey,
      ...(table.globalIndexes ?? []).flatMap((index) => [index.partitionKey, index.sortKey]),
    ].filter((key) => key !== undefined);
    const attributes = [...new Map(keys.map((key) => [key.name, key])).values()];
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributes.map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
        KeySchema: [
          { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
          ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
        ],
        ...(table.globalIndexes?.length
          ? {
              GlobalSecondaryIndexes: table.globalIndexes.map((index) => ({
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
                  ...(index.sortKey
                    ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }]
                    : []),
                ],
                Projection: { ProjectionType: 'ALL' as const },
              })),
            }
          : {}),
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 }, { TableName: name });
    created.push(name);
  }
  return created;
}
