import { QueryCommand } from '@aws-sdk/lib-dynamodb';
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
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: historyIndex.name,
        KeyConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': historyIndex.partitionKey },
        ExpressionAttributeValues: { ':owner': historyPartition(ownerId) },
        ProjectionExpression: 'pk',
        Limit: 100,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const prefix = scenarioPartition('');
    for (const item of page.Items ?? []) {
      const scenarioId = String(item['pk']).slice(prefix.length);
      if (await deleteScenario(context, ownerId, scenarioId)) removed += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return removed;
}
