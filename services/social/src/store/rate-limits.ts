import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import type { StoreContext } from './store-context';

/**
 * Counts one action of a user in the current minute, refusing it past the limit: one atomic
 * conditional ADD on a per-user, per-minute item that DynamoDB's TTL removes after it ends.
 * True when the action is allowed.
 */
export async function takeAllowance(
  context: StoreContext,
  request: { action: string; userId: string; perMinute: number },
  now: Date,
): Promise<boolean> {
  const minute = now.toISOString().slice(0, 16);
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: `RATE#${request.action}#${request.userId}`, sk: minute },
        UpdateExpression: 'ADD actions :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ConditionExpression: 'attribute_not_exists(actions) OR actions < :limit',
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': request.perMinute,
          ':expiresAt': Math.floor(now.getTime() / 1000) + 120,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
