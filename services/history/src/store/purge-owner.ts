import { queryPages } from '@what-if/kit/dynamodb';
import { deleteScenario } from './delete-scenario';
import { historyIndex, historyPartition, scenarioPartition } from './keys';
import type { StoreContext } from './store-context';

/**
 * Deletes every scenario an account owns (its account was deleted): its history index lists
 * them page by page, and each goes as a single delete does. Safe to repeat: what is gone stays
 * gone, and a repeat deletes what an interrupted pass left. Answers how many it removed.
 */
export async function purgeOwner(context: StoreContext, ownerId: string): Promise<number> {
  let removed = 0;
  const prefix = scenarioPartition('');
  const pages = queryPages(
    context,
    {
      IndexName: historyIndex.name,
      KeyConditionExpression: '#owner = :owner',
      ExpressionAttributeNames: { '#owner': historyIndex.partitionKey },
      ExpressionAttributeValues: { ':owner': historyPartition(ownerId) },
      ProjectionExpression: 'pk',
    },
    { pageSize: 100 },
  );
  for await (const page of pages) {
    for (const item of page.items) {
      const scenarioId = String(item['pk']).slice(prefix.length);
      if (await deleteScenario(context, ownerId, scenarioId)) removed += 1;
    }
  }
  return removed;
}
