import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import {
  chronologicalKey,
  defaultSharePointerKey,
  ownerPartition,
  scenarioPartition,
  sharePartition,
  shareSortKey,
} from './keys';
import { type ShareItem, type ShareVisibility, shareState, shareTtl } from './records';
import { readShare } from './read-share';
import type { StoreContext } from './store-context';

export interface NewShare {
  slug: string;
  ownerId: string;
  scenarioId: string;
  scenarioTitle: string;
  language: ShareItem['language'];
  title?: string;
  description?: string;
  passwordHash?: string;
  linkExpiresAt?: string;
  visibility: ShareVisibility;
}

export type CreateOutcome =
  { outcome: 'created'; share: ShareItem } | { outcome: 'existing'; share: ShareItem };

function shareItemOf(share: NewShare, now: Date): ShareItem {
  const createdAt = now.toISOString();
  const position = chronologicalKey(createdAt, share.slug);
  const item: ShareItem = {
    pk: sharePartition(share.slug),
    sk: shareSortKey,
    ...share,
    moderation: 'visible',
    viewCount: 0,
    createdAt,
    updatedAt: createdAt,
    gsi1pk: ownerPartition(share.ownerId),
    gsi1sk: position,
    gsi2pk: scenarioPartition(share.scenarioId),
    gsi2sk: position,
  };
  const ttl = shareTtl(item);
  return ttl === undefined ? item : { ...item, expiresAt: ttl };
}

async function putShare(context: StoreContext, item: ShareItem): Promise<void> {
  // A slug collision at 72 random bits is beyond reach; the condition still refuses to overwrite.
  await context.documents.send(
    new PutCommand({
      TableName: context.tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The owner's current default share of a scenario, when it still answers. */
async function liveDefaultShare(
  context: StoreContext,
  scenarioId: string,
  ownerId: string,
  now: Date,
): Promise<{ pointed?: string; live?: ShareItem }> {
  const pointer = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: defaultSharePointerKey(scenarioId, ownerId),
      ConsistentRead: true,
    }),
  );
  const pointed = pointer.Item?.['slug'] as string | undefined;
  if (!pointed) return {};
  const share = await readShare(context, pointed);
  const live = share && share.ownerId === ownerId && shareState(share, now) === 'live' ? share : undefined;
  return { pointed, ...(live ? { live } : {}) };
}

/**
 * Creates a share. Unless `another` is asked for, a scenario has one live share per owner: the
 * default-share pointer (one item per scenario and owner) names it, and moving the pointer is a
 * conditional write on what it named before, so of two concurrent creates one wins and the other
 * answers the winner's share (and removes its own). A retried create therefore answers the share
 * the first attempt made.
 */
export async function createShare(
  context: StoreContext,
  share: NewShare,
  another: boolean,
  now: Date,
): Promise<CreateOutcome> {
  const item = shareItemOf(share, now);
  if (another) {
    await putShare(context, item);
    return { outcome: 'created', share: item };
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const current = await liveDefaultShare(context, share.scenarioId, share.ownerId, now);
    if (current.live) return { outcome: 'existing', share: current.live };
    await putShare(context, item);
    try {
      await context.documents.send(
        new PutCommand({
          TableName: context.tableName,
          Item: {
            ...defaultSharePointerKey(share.scenarioId, share.ownerId),
            slug: item.slug,
            ownerId: share.ownerId,
          },
          ConditionExpression: current.pointed ? 'slug = :previous' : 'attribute_not_exists(pk)',
          ...(current.pointed ? { ExpressionAttributeValues: { ':previous': current.pointed } } : {}),
        }),
      );
      return { outcome: 'created', share: item };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Another create moved the pointer first: its share is the one; ours goes.
      await context.documents.send(
        new DeleteCommand({ TableName: context.tableName, Key: { pk: item.pk, sk: item.sk } }),
      );
    }
  }
  const settled = await liveDefaultShare(context, share.scenarioId, share.ownerId, now);
  if (settled.live) return { outcome: 'existing', share: settled.live };
  throw new Error(`could not settle the default share of scenario ${share.scenarioId}`);
}
