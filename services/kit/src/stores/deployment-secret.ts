import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamodb-writes';

export interface DeploymentSecretLocation {
  documents: DynamoDBDocumentClient;
  /** The service's own table: only the service can read it. */
  tableName: string;
  /** The item that holds the secret, in the service's key layout. */
  key: Readonly<Record<string, string>>;
  /** What the secret is for, as an error names it. */
  purpose: string;
}

/**
 * A deployment's HMAC key that nobody configures: 32 random bytes written once to the service's
 * own table (the first replica to start wins the conditional write) and read by every replica
 * after. It never appears in configuration, images or the repository; whoever can read the
 * table can read the data it protects anyway, so the key is no weaker there than that data.
 */
export async function deploymentSecret(location: DeploymentSecretLocation): Promise<Buffer> {
  const existing = await readSecret(location);
  if (existing) return existing;
  try {
    await location.documents.send(
      new PutCommand({
        TableName: location.tableName,
        Item: {
          ...location.key,
          secret: randomBytes(32).toString('base64'),
          createdAt: new Date().toISOString(),
        },
        // Never replaces a secret already there: the first writer's is everyone's.
        ConditionExpression: 'attribute_not_exists(secret)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const stored = await readSecret(location);
  if (!stored) throw new Error(`the ${location.purpose} was written but cannot be read back`);
  return stored;
}

async function readSecret(location: DeploymentSecretLocation): Promise<Buffer | undefined> {
  const result = await location.documents.send(
    new GetCommand({ TableName: location.tableName, Key: location.key, ConsistentRead: true }),
  );
  const secret = result.Item?.['secret'];
  return typeof secret === 'string' ? Buffer.from(secret, 'base64') : undefined;
}
