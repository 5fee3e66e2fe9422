import type { ModerationAction } from '@what-if/contracts';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { chronologicalKey, gsi1 } from './keys';
import type { StoreContext } from './store-context';

/**
 * A decision on its way to the service that owns the content (docs/cross-service.md §3): kept
 * in the table until that service acknowledges it, so a decision is never lost while the
 * owner is down. Pending ones are listed by gsi1 (`OUTBOX#pending`, oldest first).
 */
export interface OutboxItem {
  pk: string;
  sk: string;
  service: string;
  action: ModerationAction;
  createdAt: string;
  attempts: number;
  /** Epoch milliseconds before which no replica tries it (backoff, or another replica's lease). */
  notBefore: number;
  gsi1pk: string;
  gsi1sk: string;
}

const pendingPartition = 'OUTBOX#pending';
const outboxKey = (actionId: string) => ({ pk: `OUTBOX#${actionId}`, sk: 'ACTION' });

export async function enqueueAction(
  context: StoreContext,
  service: string,
  action: ModerationAction,
  now: Date,
): Promise<void> {
  const item: OutboxItem = {
    ...outboxKey(action.id),
    service,
    action,
    createdAt: now.toISOString(),
    attempts: 0,
    notBefore: 0,
    gsi1pk: pendingPartition,
    gsi1sk: chronologicalKey(now.toISOString(), action.id),
  };
  await context.documents.send(new PutCommand({ TableName: context.tableName, Item: item }));
}

/** The oldest pending actions, due or not (the relay leases the due ones). */
export async function pendingActions(context: StoreContext, limit: number): Promise<OutboxItem[]> {
  const page = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      IndexName: gsi1.name,
      KeyConditionExpression: '#pk = :pending',
      ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
      ExpressionAttributeValues: { ':pending': pendingPartition },
      Limit: limit,
    }),
  );
  return (page.Items ?? []) as OutboxItem[];
}

/**
 * Takes an action for one delivery attempt: a conditional write that only one replica wins
 * while the action is due, which also sets when it may be tried again should this attempt
 * fail (backoff doubling from 1 s, capped at 30 s). True when this replica holds it.
 */
export async function leaseAction(context: StoreContext, item: OutboxItem, now: Date): Promise<boolean> {
  const backoffMs = Math.min(30_000, 1_000 * 2 ** item.attempts);
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: outboxKey(item.action.id),
        UpdateExpression: 'SET notBefore = :next ADD attempts :one',
        ConditionExpression: 'attribute_exists(pk) AND notBefore <= :now',
        ExpressionAttributeValues: { ':next': now.getTime() + backoffMs, ':now': now.getTime(), ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The owner acknowledged: the action's work is done. */
export async function acknowledgeAction(context: StoreContext, actionId: string): Promise<void> {
  await context.documents.send(new DeleteCommand({ TableName: context.tableName, Key: outboxKey(actionId) }));
}
