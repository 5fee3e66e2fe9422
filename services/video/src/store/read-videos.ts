import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, queryPages, readSortedPage } from '@what-if/kit/dynamodb';
import type { VideoRecord } from '../video';
import {
  activeIndex,
  activePartition,
  jobSortKey,
  ownerIndex,
  ownerPartition,
  scenarioIndex,
  scenarioPartition,
  videoPartition,
} from './keys';
import { recordOf } from './records';
import type { StoreContext } from './store-context';

/** One job record, strongly consistent (ownership checks and state changes must not read stale data). */
export async function readVideo(context: StoreContext, videoId: string): Promise<VideoRecord | undefined> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: videoPartition(videoId), sk: jobSortKey },
      ConsistentRead: true,
    }),
  );
  return result.Item ? recordOf(result.Item) : undefined;
}

export interface VideoPage {
  items: VideoRecord[];
  /** The last item's position when more may follow. */
  after?: string;
}

/** A user's videos, newest first, `limit` at a time from a position. */
export async function listVideos(
  context: StoreContext,
  ownerId: string,
  limit: number,
  after?: string,
): Promise<VideoPage> {
  const page = await readSortedPage(context, {
    listing: { index: ownerIndex.name, partitionKey: ownerIndex.partitionKey, sortKey: ownerIndex.sortKey },
    partition: ownerPartition(ownerId),
    limit,
    ...(after ? { after } : {}),
  });
  return { items: page.items.map(recordOf), ...(page.after ? { after: page.after } : {}) };
}

/** Every video id under one index partition (a scenario's, a user's, the active jobs'). */
async function idsIn(
  context: StoreContext,
  index: { name: string; partitionKey: string },
  partition: string,
): Promise<string[]> {
  const items = await collectItems(
    queryPages(context, {
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': partition },
      ProjectionExpression: 'id',
    }),
  );
  return items.map((item) => String(item['id']));
}

export const videosOfScenario = (context: StoreContext, scenarioId: string): Promise<string[]> =>
  idsIn(context, scenarioIndex, scenarioPartition(scenarioId));

export const videosOfOwner = (context: StoreContext, ownerId: string): Promise<string[]> =>
  idsIn(context, ownerIndex, ownerPartition(ownerId));

export const activeVideos = (context: StoreContext): Promise<string[]> =>
  idsIn(context, activeIndex, activePartition);
