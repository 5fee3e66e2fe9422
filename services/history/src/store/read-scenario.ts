import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, queryPages } from '@what-if/kit/dynamodb';
import { bodySortKey, scenarioPartition, summarySortKey } from './keys';
import type { BodyItem, SummaryItem } from './records';
import type { StoreContext } from './store-context';

export interface ScenarioItems {
  summary?: SummaryItem;
  body?: BodyItem;
  /** Every item of the scenario's partition, whatever its kind, for complete deletion. */
  all: Array<{ pk: string; sk: string; ownerId?: string }>;
}

/** Every item of one scenario in one strongly consistent read of its partition. */
export async function readScenarioItems(context: StoreContext, scenarioId: string): Promise<ScenarioItems> {
  const items = await collectItems(
    queryPages(context, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': scenarioPartition(scenarioId) },
      ConsistentRead: true,
    }),
  );
  return {
    summary: items.find((item) => item['sk'] === summarySortKey) as SummaryItem | undefined,
    body: items.find((item) => item['sk'] === bodySortKey) as BodyItem | undefined,
    all: items as ScenarioItems['all'],
  };
}

/** One scenario's summary, strongly consistent (ownership checks must not read stale data). */
export async function readSummary(
  context: StoreContext,
  scenarioId: string,
): Promise<SummaryItem | undefined> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: scenarioPartition(scenarioId), sk: summarySortKey },
      ConsistentRead: true,
    }),
  );
  return result.Item as SummaryItem | undefined;
}

/** One scenario's body, strongly consistent. */
export async function readBody(context: StoreContext, scenarioId: string): Promise<BodyItem | undefined> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: scenarioPartition(scenarioId), sk: bodySortKey },
      ConsistentRead: true,
    }),
  );
  return result.Item as BodyItem | undefined;
}
