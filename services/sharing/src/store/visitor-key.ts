import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { visitorKeyItemKey } from './keys';
import { type StoreContext, isConditionFailure } from './store-context';

/**
 * The deployment's key for hashing visitors: 32 random bytes written once to the table (the
 * first replica wins the conditional write) and read by every replica after. Nothing is
 * configured, committed or baked into an image; whoever could read it could read the counters anyway.
 */
export async function deploymentVisitorKey(context: StoreContext): Promise<Buffer> {
  const existing = await readKey(context);
  if (existing) return existing;
  try {
    await context.documents.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          ...visitorKeyItemKey,
          secret: randomBytes(32).toString('base64'),
          createdAt: new Date().toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const stored = await readKey(context);
  if (!stored) throw new Error('the visitor key was written but cannot be read back');
  return stored;
}

async function readKey(context: StoreContext): Promise<Buffer | undefined> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: visitorKeyItemKey, ConsistentRead: true }),
  );
  const secret = result.Item?.['secret'];
  return typeof secret === 'string' ? Buffer.from(secret, 'base64') : undefined;
}
