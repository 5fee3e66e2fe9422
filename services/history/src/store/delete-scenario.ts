import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { summarySortKey } from './keys';
import { readScenarioItems } from './read-scenario';
import type { StoreContext } from './store-context';

/**
 * Deletes every item of a scenario the caller owns; false when they own none (missing and
 * another user's look the same). The summary goes first, so the scenario leaves lists and
 * reads at once; a failure after it leaves only an invisible body, which a repeated delete
 * (or bulk delete) still finds and removes. Each delete is conditional on the owner, so a
 * concurrent save by someone else of a freshly freed id is never deleted by mistake.
 */
export async function deleteScenario(
  context: StoreContext,
  ownerId: string,
  scenarioId: string,
): Promise<boolean> {
  const { all } = await readScenarioItems(context, scenarioId);
  const owned = all
    .filter((item) => item.ownerId === ownerId)
    .sort((a, b) => Number(b.sk === summarySortKey) - Number(a.sk === summarySortKey));
  if (owned.length === 0) return false;
  let deleted = 0;
  for (const item of owned) {
    try {
      await context.documents.send(
        new DeleteCommand({
          TableName: context.tableName,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: 'ownerId = :owner',
          ExpressionAttributeValues: { ':owner': ownerId },
        }),
      );
      deleted += 1;
    } catch (error) {
      // Already gone (a concurrent delete of the same scenario): the goal is met.
      if (!isConditionFailure(error)) throw error;
    }
  }
  return deleted > 0;
}
