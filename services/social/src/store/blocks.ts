import { BatchGetCommand, DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '@what-if/kit/dynamodb';
import {
  blockSortKey,
  blockedByPartition,
  blockingPartition,
  chronologicalKey,
  gsi1,
  gsi2,
  userPartition,
} from './keys';
import { type Page, baseTable, readAll, readPage } from './read-page';
import type { StoreContext } from './store-context';

export interface BlockItem {
  pk: string;
  sk: string;
  blockerId: string;
  blockedId: string;
  createdAt: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
}

const blockKey = (blockerId: string, blockedId: string) => ({
  pk: userPartition(blockerId),
  sk: blockSortKey(blockedId),
});

/** Records the block (idempotent: a repeat keeps the first time). */
export async function block(
  context: StoreContext,
  blockerId: string,
  blockedId: string,
  now: Date,
): Promise<void> {
  const createdAt = now.toISOString();
  const item: BlockItem = {
    ...blockKey(blockerId, blockedId),
    blockerId,
    blockedId,
    createdAt,
    gsi1pk: blockedByPartition(blockedId),
    gsi1sk: chronologicalKey(createdAt, blockerId),
    gsi2pk: blockingPartition(blockerId),
    gsi2sk: chronologicalKey(createdAt, blockedId),
  };
  // Already blocked: the first block stands.
  await putIfAbsent(context, item);
}

export async function unblock(context: StoreContext, blockerId: string, blockedId: string): Promise<void> {
  await context.documents.send(
    new DeleteCommand({ TableName: context.tableName, Key: blockKey(blockerId, blockedId) }),
  );
}

/** Whether either of two users blocks the other: then neither may follow or reach the other. */
export async function blockedEitherWay(
  context: StoreContext,
  oneId: string,
  otherId: string,
): Promise<boolean> {
  const result = await context.documents.send(
    new BatchGetCommand({
      RequestItems: {
        [context.tableName]: {
          Keys: [blockKey(oneId, otherId), blockKey(otherId, oneId)],
          ConsistentRead: true,
        },
      },
    }),
  );
  return (result.Responses?.[context.tableName]?.length ?? 0) > 0;
}

/** Whether one user blocks another (one way). */
export async function isBlocking(
  context: StoreContext,
  blockerId: string,
  blockedId: string,
): Promise<boolean> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: blockKey(blockerId, blockedId),
      ConsistentRead: true,
    }),
  );
  return result.Item !== undefined;
}

/** The accounts a user blocks, most recent first. */
export async function blocksOf(context: StoreContext, blockerId: string): Promise<BlockItem[]> {
  const items = await readAll<BlockItem & Record<string, unknown>>(
    context,
    baseTable,
    userPartition(blockerId),
    { sortKeyPrefix: 'BLOCKS#' },
  );
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A page of the accounts a user blocks, most recent first. */
export function listBlocks(
  context: StoreContext,
  blockerId: string,
  limit: number,
  after?: string,
): Promise<Page<BlockItem>> {
  return readPage<BlockItem & Record<string, unknown>>(context, {
    listing: { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey },
    partition: blockingPartition(blockerId),
    limit,
    ...(after ? { after } : {}),
  });
}

/** The accounts that block a user: their posts stay out of that user's feeds. */
export async function blockersOf(context: StoreContext, userId: string): Promise<string[]> {
  const items = await readAll<BlockItem & Record<string, unknown>>(
    context,
    { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
    blockedByPartition(userId),
  );
  return items.map((item) => item.blockerId);
}
