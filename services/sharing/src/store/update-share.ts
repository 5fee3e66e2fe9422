import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { sharePartition, shareSortKey, ttlAttribute } from './keys';
import { type ShareItem, type ShareVisibility, shareTtl } from './records';
import type { StoreContext } from './store-context';

/**
 * What an owner may change. Counters, moderation, the owner and the scenario are not here and so
 * cannot be written: the contract refuses any other field before this is reached.
 * `null` clears an optional setting.
 */
export interface ShareChanges {
  title?: string | null;
  description?: string | null;
  passwordHash?: string | null;
  linkExpiresAt?: string | null;
  visibility?: ShareVisibility;
}

const settable = ['title', 'description', 'passwordHash', 'linkExpiresAt', 'visibility'] as const;

/** Keeps the housekeeping TTL in step with the link's end after a change of expiry or a revoke. */
async function alignTtl(context: StoreContext, item: ShareItem): Promise<ShareItem> {
  const ttl = shareTtl(item);
  if (ttl === item.expiresAt) return item;
  const result = await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: ttl === undefined ? 'REMOVE #ttl' : 'SET #ttl = :ttl',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#ttl': ttlAttribute },
      ...(ttl === undefined ? {} : { ExpressionAttributeValues: { ':ttl': ttl } }),
      ReturnValues: 'ALL_NEW',
    }),
  );
  return result.Attributes as ShareItem;
}

/** One conditional write: the condition is the ownership check, so another's share and a missing one fail alike. */
export async function updateShare(
  context: StoreContext,
  ownerId: string,
  slug: string,
  changes: ShareChanges,
  now: Date,
): Promise<ShareItem | undefined> {
  const set = ['updatedAt = :now'];
  const remove: string[] = [];
  const values: Record<string, unknown> = { ':now': now.toISOString(), ':owner': ownerId };
  const names: Record<string, string> = {};
  for (const field of settable) {
    const value = changes[field];
    if (value === undefined) continue;
    names[`#${field}`] = field;
    if (value === null) remove.push(`#${field}`);
    else {
      set.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: sharePartition(slug), sk: shareSortKey },
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: 'ownerId = :owner',
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return await alignTtl(context, result.Attributes as ShareItem);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Revokes the owner's share; revoking again keeps the first revocation time. */
export async function revokeShare(
  context: StoreContext,
  ownerId: string,
  slug: string,
  now: Date,
): Promise<ShareItem | undefined> {
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: sharePartition(slug), sk: shareSortKey },
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now), updatedAt = :now',
        ConditionExpression: 'ownerId = :owner',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':owner': ownerId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return await alignTtl(context, result.Attributes as ShareItem);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
