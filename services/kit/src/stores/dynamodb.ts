import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Store, withTimeout } from './readiness';

export interface DynamoOptions {
  /** Empty in AWS (the regional endpoint); dynalite or DynamoDB Local elsewhere. */
  endpoint: string;
  region: string;
  /** The physical table names this service needs; readiness checks each is ACTIVE. */
  tables: readonly string[];
  requestTimeoutMs?: number;
}

export interface DynamoStore extends Store {
  client: DynamoDBClient;
  documents: DynamoDBDocumentClient;
}

export function createDynamo(options: DynamoOptions): DynamoStore {
  const requestTimeout = options.requestTimeoutMs ?? 3_000;
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout },
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // A local endpoint checks no signature; AWS itself uses the task's role.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const documents = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  let closed = false;
  return {
    name: 'dynamodb',
    client,
    documents,
    async check() {
      await withTimeout(
        Promise.all(
          options.tables.map(async (table) => {
            const described = await client.send(new DescribeTableCommand({ TableName: table }));
            const status = described.Table?.TableStatus;
            if (status !== 'ACTIVE') throw new Error(`table ${table} is ${status ?? 'unknown'}`);
          }),
        ),
        requestTimeout,
        'dynamodb',
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      client.destroy();
    },
  };
}
