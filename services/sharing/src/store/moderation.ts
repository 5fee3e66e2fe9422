import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ModerationAction, ModerationStatus } from '@what-if/contracts';
import { isConditionFailure, writeBatches } from '@what-if/kit/dynamodb';
import { openReportSortKey, sharePartition, shareSortKey } from './keys';
import type { ShareItem } from './records';
import type { StoreContext } from './store-context';

const statusAfter: Record<ModerationAction['action'], ModerationStatus | undefined> = {
  hide: 'hidden',
  restore: 'visible',
  remove: 'removed',
  warn: undefined,
};

/**
 * Applies a moderation decision to a share: its status changes only when the decision is newer
 * than the last one applied, so a repeated or late-arriving action changes nothing. `warn`
 * leaves the share as it is. Any decision closes the open reports social has received, so their
 * reporters may report again.
 */
export async function applyModeration(
  context: StoreContext,
  slug: string,
  action: ModerationAction,
): Promise<'applied' | 'stale' | 'missing'> {
  const status = statusAfter[action.action];
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: sharePartition(slug), sk: shareSortKey },
        UpdateExpression: status
          ? 'SET moderation = :status, moderationDecidedAt = :decided, moderationReason = :reason'
          : 'SET moderationDecidedAt = :decided',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(moderationDecidedAt) OR moderationDecidedAt < :decided)',
        ExpressionAttributeValues: {
          ':decided': action.decidedAt,
          ...(status ? { ':status': status, ':reason': action.reason } : {}),
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return 'stale';
  }
  await closeOpenReports(context, slug);
  return 'applied';
}

async function closeOpenReports(context: StoreContext, slug: string): Promise<void> {
  const page = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :reports)',
      // A report still on its way to social stays open: social has not weighed it yet.
      FilterExpression: 'attribute_not_exists(submission)',
      ExpressionAttributeValues: { ':pk': sharePartition(slug), ':reports': openReportSortKey('') },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    }),
  );
  const keys = (page.Items ?? []) as Array<Pick<ShareItem, 'pk' | 'sk'>>;
  await writeBatches(
    context,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );
}
