import { collectItems, queryPages, readSortedPage } from '@what-if/kit/dynamodb';
import { ownerIndex, ownerPartition, scenarioIndex, scenarioPartition } from './keys';
import type { ShareItem } from './records';
import type { StoreContext } from './store-context';

export interface SharePage {
  items: ShareItem[];
  /** The position the next page starts after; absent on the last page. */
  after?: string;
}

/** A page of an owner's shares, newest first (gsi1), reading one more than asked to know a next page exists. */
export async function listOwnerShares(
  context: StoreContext,
  ownerId: string,
  limit: number,
  after?: string,
): Promise<SharePage> {
  const page = await readSortedPage<ShareItem>(context, {
    listing: { index: ownerIndex.name, partitionKey: ownerIndex.partitionKey, sortKey: ownerIndex.sortKey },
    partition: ownerPartition(ownerId),
    limit,
    ...(after ? { after } : {}),
  });
  return { items: page.items, ...(page.after ? { after: page.after } : {}) };
}

/** Every share on one index partition (an owner's or a scenario's), for purges and moderation. */
function allOnIndex(
  context: StoreContext,
  index: typeof ownerIndex | typeof scenarioIndex,
  partition: string,
): Promise<ShareItem[]> {
  return collectItems(
    queryPages<ShareItem>(context, {
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': partition },
    }),
  );
}

export const allSharesOfOwner = (context: StoreContext, ownerId: string) =>
  allOnIndex(context, ownerIndex, ownerPartition(ownerId));

export const allSharesOfScenario = (context: StoreContext, scenarioId: string) =>
  allOnIndex(context, scenarioIndex, scenarioPartition(scenarioId));
