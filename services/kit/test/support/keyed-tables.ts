import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoTableContext } from '@what-if/kit/dynamodb';
import { type TestDynamo, startTestDynamo } from '../../../../test/support/stores';

/** A dynalite of the test file's own, a client for it, and tables keyed by a partition key and `sk`. */
export interface KeyedTables {
  client: DynamoDBClient;
  /** Put before every table name; a name made with it and never created names a missing table. */
  tablePrefix: string;
  /** Creates `<prefix><name>`, keyed by `partitionKey` and `sk` (both strings), on demand. */
  create(name: string, partitionKey?: string): Promise<DynamoTableContext>;
  close(): Promise<void>;
}

export async function startKeyedTables(): Promise<KeyedTables> {
  const dynamo: TestDynamo = await startTestDynamo();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);
  return {
    client,
    tablePrefix: dynamo.tablePrefix,
    async create(name, partitionKey = 'pk') {
      const tableName = `${dynamo.tablePrefix}${name}`;
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [
            { AttributeName: partitionKey, AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: partitionKey, KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      return { documents, tableName };
    },
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}
