import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { cursorKeyItemKey } from './keys';
import { type StoreContext, isConditionFailure } from './store-context';

/**
 * The deployment's cursor key when no HISTORY_CURSOR_SECRET is configured: 32 random bytes
 * written once to the table (the first replica to start wins the conditional write) and
 * read by every replica after. Only this service can read its table, and anyone who can
 * read it can read the histories themselves, so the key is no weaker there than the data
 * it protects; it never appears in config, images or the repository.
 */
export async function deploymentCursorKey(context: StoreContext): Promise<Buffer> {
  const existing = await readKey(context);
  if (existing) return existing;
  try {
    await context.documents.send(
      new PutCommand({
        TableName: context.tableName,
        Item: {
          ...cursorKeyItemKey,
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
  if (!stored) throw new Error('the cursor key was written but cannot be read back');
  return stored;
}

async function readKey(context: StoreContext): Promise<Buffer | undefined> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: cursorKeyItemKey, ConsistentRead: true }),
  );
  const secret = result.Item?.['secret'];
  return typeof secret === 'string' ? Buffer.from(secret, 'base64') : undefined;
}
