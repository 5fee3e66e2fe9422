import type { ModerationAction } from '@what-if/contracts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DynamoOutbox, dynamoOutbox } from '@what-if/kit/dynamodb';
import { chronologicalKey, gsi1 } from './keys';
import type { StoreContext } from './store-context';

/**
 * A decision on its way to the service that owns the content (docs/cross-service.md §3): kept
 * in the table until that service acknowledges it, so a decision is never lost while the
 * owner is down. Pending ones are listed by gsi1 (`OUTBOX#pending`, oldest first); leases,
 * backoff and the backlog are the kit's outbox's (`outbox="moderation-actions"`).
 */
export interface OutboxItem {
  pk: string;
  sk: string;
  service: string;
  action: ModerationAction;
  createdAt: string;
  attempts: number;
  /** Epoch milliseconds before which no replica tries it (backoff, or a replica's lease). */
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

/**
 * The outbox the relay delivers from: the kit's DynamoDB outbox over the pending partition; an
 * acknowledged action is deleted.
 */
export function moderationOutbox(context: StoreContext): DynamoOutbox<OutboxItem> {
  return dynamoOutbox<OutboxItem>({
    ...context,
    index: gsi1,
    partition: pendingPartition,
    dueAttribute: 'notBefore',
  });
}
