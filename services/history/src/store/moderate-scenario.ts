import type { ModerationAction, ModerationStatus } from '@what-if/contracts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { scenarioPartition, summarySortKey } from './keys';
import { readSummary } from './read-scenario';
import type { StoreContext } from './store-context';

const statusAfter: Record<ModerationAction['action'], ModerationStatus | undefined> = {
  hide: 'hidden',
  restore: 'visible',
  remove: 'removed',
  warn: undefined,
};

/**
 * Keeps a moderation decision on the scenario's summary (docs/cross-service.md §3): the status
 * changes only when the decision is newer than the last one applied, so a repeated or late
 * action changes nothing; `warn` leaves the scenario as it is. `missing`: no such scenario
 * (deleted meanwhile), which needs nothing either.
 */
export async function moderateScenario(
  context: StoreContext,
  scenarioId: string,
  action: ModerationAction,
): Promise<'applied' | 'stale' | 'missing'> {
  const status = statusAfter[action.action];
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: scenarioPartition(scenarioId), sk: summarySortKey },
        UpdateExpression: status
          ? 'SET moderation = :status, moderationDecidedAt = :decided'
          : 'SET moderationDecidedAt = :decided',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(moderationDecidedAt) OR moderationDecidedAt < :decided)',
        ExpressionAttributeValues: {
          ':decided': action.decidedAt,
          ...(status ? { ':status': status } : {}),
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return (await readSummary(context, scenarioId)) ? 'stale' : 'missing';
  }
  return 'applied';
}
