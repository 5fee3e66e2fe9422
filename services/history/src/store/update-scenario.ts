import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { favoritesIndex, favoritesPartition, historyIndex, scenarioPartition, summarySortKey } from './keys';
import { readSummary } from './read-scenario';
import type { SummaryItem } from './records';
import type { StoreContext } from './store-context';

/** The most tags one saved scenario may carry. */
export const maxTagsPerScenario = 20;

/** What a user may change on a saved scenario; the body itself never changes. */
export interface SummaryChanges {
  favorite?: boolean;
  /** Replaces the tags. */
  tags?: readonly string[];
  /** 1–5, or null to clear the rating. */
  rating?: number | null;
  /** Adds to the tags, keeping the ones there. */
  addTags?: readonly string[];
  /** Removes from the tags, keeping the others. */
  removeTags?: readonly string[];
}

export type UpdateOutcome =
  { outcome: 'updated'; summary: SummaryItem } | { outcome: 'not-found' } | { outcome: 'too-many-tags' };

class UpdateExpression {
  readonly set: string[] = [];
  readonly remove: string[] = [];
  readonly add: string[] = [];
  readonly delete: string[] = [];
  readonly values: Record<string, unknown> = {};

  value(name: string, value: unknown): string {
    this.values[`:${name}`] = value;
    return `:${name}`;
  }

  toString(): string {
    return [
      this.set.length ? `SET ${this.set.join(', ')}` : '',
      this.remove.length ? `REMOVE ${this.remove.join(', ')}` : '',
      this.add.length ? `ADD ${this.add.join(', ')}` : '',
      this.delete.length ? `DELETE ${this.delete.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
}

function describeChanges(ownerId: string, changes: SummaryChanges, now: Date): UpdateExpression {
  const update = new UpdateExpression();
  update.set.push(`updatedAt = ${update.value('now', now.toISOString())}`);
  if (changes.favorite === true) {
    // The favourites index orders by the same key as the history, copied from the item itself.
    update.set.push(
      `favorite = ${update.value('favorite', true)}`,
      `${favoritesIndex.partitionKey} = ${update.value('favorites', favoritesPartition(ownerId))}`,
      `${favoritesIndex.sortKey} = ${historyIndex.sortKey}`,
    );
  } else if (changes.favorite === false) {
    update.set.push(`favorite = ${update.value('favorite', false)}`);
    update.remove.push(favoritesIndex.partitionKey, favoritesIndex.sortKey);
  }
  if (changes.tags) {
    // DynamoDB has no empty sets: no tags is no attribute.
    if (changes.tags.length > 0) update.set.push(`tags = ${update.value('tags', new Set(changes.tags))}`);
    else update.remove.push('tags');
  }
  if (changes.rating === null) update.remove.push('rating');
  else if (changes.rating !== undefined)
    update.set.push(`rating = ${update.value('rating', changes.rating)}`);
  if (changes.addTags?.length) update.add.push(`tags ${update.value('addTags', new Set(changes.addTags))}`);
  if (changes.removeTags?.length) {
    update.delete.push(`tags ${update.value('removeTags', new Set(changes.removeTags))}`);
  }
  return update;
}

/**
 * Changes a saved scenario's summary in one conditional write: the condition is the
 * ownership check, so another user's scenario and a missing one are refused alike. Added
 * tags are bounded in the same write: the set may grow only while it has room for all of them.
 */
export async function updateSummary(
  context: StoreContext,
  ownerId: string,
  scenarioId: string,
  changes: SummaryChanges,
  now: Date,
): Promise<UpdateOutcome> {
  const update = describeChanges(ownerId, changes, now);
  let condition = `ownerId = ${update.value('owner', ownerId)}`;
  if (changes.addTags?.length) {
    const room = update.value('room', maxTagsPerScenario - changes.addTags.length);
    condition += ` AND (attribute_not_exists(tags) OR size(tags) <= ${room})`;
  }
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: scenarioPartition(scenarioId), sk: summarySortKey },
        UpdateExpression: update.toString(),
        ConditionExpression: condition,
        ExpressionAttributeValues: update.values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'updated', summary: result.Attributes as SummaryItem };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  if (!changes.addTags?.length) return { outcome: 'not-found' };
  const current = await readSummary(context, scenarioId);
  if (current?.ownerId !== ownerId) return { outcome: 'not-found' };
  // The room check counted tags the scenario already has; try again with only the new ones.
  const missing = changes.addTags.filter((tag) => !current.tags?.has(tag));
  if (missing.length < changes.addTags.length) {
    return updateSummary(context, ownerId, scenarioId, { ...changes, addTags: missing }, now);
  }
  return { outcome: 'too-many-tags' };
}
