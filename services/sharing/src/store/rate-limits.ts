import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { limitKey, ttlAttribute } from './keys';
import type { StoreContext } from './store-context';

/** A fixed window: at most `limit` counted events per `windowSeconds` for one subject. */
export interface WindowLimit {
  scope: string;
  limit: number;
  windowSeconds: number;
}

export interface LimitState {
  exceeded: boolean;
  /** Seconds until the window ends. */
  retryAfterSeconds: number;
}

function windowOf(rule: WindowLimit, now: Date): { window: number; endsIn: number } {
  const seconds = Math.floor(now.getTime() / 1000);
  const window = Math.floor(seconds / rule.windowSeconds);
  return { window, endsIn: (window + 1) * rule.windowSeconds - seconds };
}

/** Whether the subject already spent its window, without counting anything. */
export async function limitReached(
  context: StoreContext,
  rule: WindowLimit,
  subject: string,
  now: Date,
): Promise<LimitState> {
  const { window, endsIn } = windowOf(rule, now);
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: limitKey(rule.scope, subject, window),
      ConsistentRead: true,
    }),
  );
  const count = Number(result.Item?.['count'] ?? 0);
  return { exceeded: count >= rule.limit, retryAfterSeconds: endsIn };
}

/** Counts one event atomically (every replica counts in the same item) and says whether it went over. */
export async function countEvent(
  context: StoreContext,
  rule: WindowLimit,
  subject: string,
  now: Date,
): Promise<LimitState> {
  const { window, endsIn } = windowOf(rule, now);
  const result = await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: limitKey(rule.scope, subject, window),
      UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': ttlAttribute },
      ExpressionAttributeValues: { ':one': 1, ':ttl': (window + 2) * rule.windowSeconds },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return { exceeded: Number(result.Attributes?.['count'] ?? 0) > rule.limit, retryAfterSeconds: endsIn };
}
