import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Store, withTimeout } from './readiness';
import { isConnectionFailure, markUnavailable } from './unavailable';

export interface DynamoOptions {
  /** Empty in AWS (the regional endpoint); dynalite or DynamoDB Local elsewhere. */
  endpoint: string;
  region: string;
  /** The physical table names this service needs; readiness checks each is ACTIVE. */
  tables: readonly string[];
  /** How long one attempt of a request may wait for its answer before it fails (and is retried). */
  requestTimeoutMs?: number;
  /** How long a readiness check may take. */
  checkTimeoutMs?: number;
}

export interface DynamoStore extends Store {
  client: DynamoDBClient;
  documents: DynamoDBDocumentClient;
}

/**
 * After the SDK's retries: DynamoDB not reachable (refused, reset, silent past the timeouts),
 * failing on its side (a 5xx), or without the table (a table being restored) is the store being
 * unavailable, which the problem handler answers 503; any other refusal is left as it is.
 */
function markUnavailableStore(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const { $fault, name } = error as { $fault?: unknown; name?: unknown };
        if (isConnectionFailure(error) || $fault === 'server' || name === 'ResourceNotFoundException') {
          markUnavailable(error, 'dynamodb');
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'markUnavailableStore' },
  );
}

export function createDynamo(options: DynamoOptions): DynamoStore {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 1_000,
      // Without throwOnRequestTimeout the SDK only warns, and a request to an endpoint that
      // accepts and never answers waits forever. Generous: a loaded local stand-in takes seconds.
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint
      ? {
          endpoint: options.endpoint,
          // A local endpoint checks no signature; AWS itself uses the task's role.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  markUnavailableStore(client);
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
        options.checkTimeoutMs ?? 3_000,
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
