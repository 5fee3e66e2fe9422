import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { jobSortKey, videoPartition } from './keys';
import type { StoreContext } from './store-context';

/**
 * Deletes a job record, conditional on its owner when one is named; false when there was none
 * (or it was someone else's). Its files go first, elsewhere: a record is the only way to find them.
 */
export async function deleteVideo(
  context: StoreContext,
  videoId: string,
  ownerId?: string,
): Promise<boolean> {
  try {
    const result = await context.documents.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: { pk: videoPartition(videoId), sk: jobSortKey },
        ...(ownerId
          ? { ConditionExpression: 'ownerId = :owner', ExpressionAttributeValues: { ':owner': ownerId } }
          : {}),
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes !== undefined;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
