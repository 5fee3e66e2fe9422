import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, queryPages, writeBatches } from '@what-if/kit/dynamodb';
import { defaultSharePointerKey, scenarioPartition, sharePartition, shareSortKey } from './keys';
import { allSharesOfOwner, allSharesOfScenario } from './list-shares';
import type { ShareItem } from './records';
import type { StoreContext } from './store-context';

/** Deletes every item of one partition (the share's markers, counters, reports, windows). */
async function sweepPartition(context: StoreContext, partition: string): Promise<void> {
  const pages = queryPages<{ pk: string; sk: string }>(context, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': partition },
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });
  for await (const { items: keys } of pages) {
    await writeBatches(
      context,
      keys.map((key) => ({ DeleteRequest: { Key: key } })),
    );
  }
}

/** Removes the default-share pointer when it names this share. */
async function dropPointer(context: StoreContext, share: Pick<ShareItem, 'scenarioId' | 'ownerId' | 'slug'>) {
  try {
    await context.documents.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: defaultSharePointerKey(share.scenarioId, share.ownerId),
        ConditionExpression: 'slug = :slug',
        ExpressionAttributeValues: { ':slug': share.slug },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * Removes a share and everything derived from it. The share item goes first, so the link stops
 * answering at once; then its partition (views, counters, reports) and the default pointer. A
 * failure part-way leaves only unreachable items, which deleting again (or the purge's retry) removes.
 */
export async function removeShare(context: StoreContext, share: ShareItem): Promise<void> {
  await context.documents.send(
    new DeleteCommand({ TableName: context.tableName, Key: { pk: share.pk, sk: share.sk } }),
  );
  await sweepPartition(context, sharePartition(share.slug));
  await dropPointer(context, share);
}

/** The owner's delete: conditional on the owner, so another's share and a missing one look alike. */
export async function deleteOwnedShare(
  context: StoreContext,
  ownerId: string,
  slug: string,
): Promise<ShareItem | undefined> {
  let deleted: ShareItem | undefined;
  try {
    const result = await context.documents.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: { pk: sharePartition(slug), sk: shareSortKey },
        ConditionExpression: 'ownerId = :owner',
        ExpressionAttributeValues: { ':owner': ownerId },
        ReturnValues: 'ALL_OLD',
      }),
    );
    deleted = result.Attributes as ShareItem | undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
  if (!deleted) return undefined;
  await sweepPartition(context, sharePartition(slug));
  await dropPointer(context, deleted);
  return deleted;
}

/** What a purge removed. */
export interface PurgeResult {
  shares: string[];
}

/** Every share of a scenario, with its data and pointers: the scenario was deleted in history. */
export async function purgeScenarioShares(context: StoreContext, scenarioId: string): Promise<PurgeResult> {
  const shares = await allSharesOfScenario(context, scenarioId);
  for (const share of shares) await removeShare(context, share);
  // Pointers of every owner, whether or not a share still stood behind them.
  await sweepPartition(context, scenarioPartition(scenarioId));
  return { shares: shares.map((share) => share.slug) };
}

/** Every share of an account, with its data and pointers: the account was deleted. */
export async function purgeOwnerShares(context: StoreContext, ownerId: string): Promise<PurgeResult> {
  const shares = await allSharesOfOwner(context, ownerId);
  for (const share of shares) await removeShare(context, share);
  return { shares: shares.map((share) => share.slug) };
}

/** Removes one share by slug whoever owns it (a share purge instruction). */
export async function purgeShare(
  context: StoreContext,
  share: ShareItem | undefined,
  slug: string,
): Promise<PurgeResult> {
  if (share) await removeShare(context, share);
  else await sweepPartition(context, sharePartition(slug));
  return { shares: share ? [slug] : [] };
}
