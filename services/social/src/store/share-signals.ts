import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ShareSignals } from '@what-if/contracts';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import type { StoreContext } from './store-context';

/**
 * Shares and views of scenarios, as sharing reports them (`PUT /internal/v1/share-signals/{slug}`),
 * for trending. Two kinds of item:
 *
 * - `SIGNALS#<scenario>` / `SHARES`: one attribute per share of the scenario,
 *   `share:<slug>` = `{sharedAt, version, views: {<day>: n}}`, so ranking reads every candidate's
 *   shares and views with one BatchGetItem per 100 posts; `writes` counts the changes, so the
 *   item is deleted when its last share goes unless a snapshot came meanwhile.
 * - `SHARESIGNAL#<slug>` / `SHARE`: which scenario a share belongs to (a share purge names only
 *   the slug) and, once the share is deleted, `purgedAt` (TTL a day later): a snapshot still on its
 *   way when the purge came is refused, so a deleted share cannot come back.
 */
const scenarioSignalsKey = (scenarioId: string) => ({ pk: `SIGNALS#${scenarioId}`, sk: 'SHARES' }) as const;
const sharePointerKey = (slug: string) => ({ pk: `SHARESIGNAL#${slug}`, sk: 'SHARE' }) as const;
const shareAttribute = (slug: string) => `share:${slug}`;
const shareAttributePrefix = 'share:';
/** A purged share's pointer outlives any delivery that was in flight when it went. */
const purgedPointerLifetimeSeconds = 24 * 3_600;

interface StoredShare {
  sharedAt: string;
  version: number;
  views: Record<string, number>;
}

/** Shares and views of one scenario that fall in a window. */
export interface ScenarioSignals {
  shares: number;
  views: number;
}

export type SignalsOutcome = 'applied' | 'stale' | 'purged';

/**
 * Keeps a share's snapshot when it is newer than the one held. Against a purge racing it
 * (dynalite has no transactions): the pointer is claimed first (refused once purged), and the
 * pointer is read again after the write; a purge that came in between has marked it, and the
 * snapshot just written is taken out again. The purge removes the attribute too, so whichever
 * order the two run in, a purged share's views do not stay.
 */
export async function applyShareSignals(
  context: StoreContext,
  signals: ShareSignals,
): Promise<SignalsOutcome> {
  const pointer = sharePointerKey(signals.slug);
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: pointer,
        UpdateExpression: 'SET scenarioId = :scenario',
        ConditionExpression: 'attribute_not_exists(purgedAt)',
        ExpressionAttributeValues: { ':scenario': signals.scenarioId },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return 'purged';
    throw error;
  }
  const stored: StoredShare = {
    // One precision, so times compare as strings.
    sharedAt: new Date(signals.sharedAt).toISOString(),
    version: signals.version,
    views: Object.fromEntries(signals.views.map((day) => [day.day, day.views])),
  };
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: scenarioSignalsKey(signals.scenarioId),
        UpdateExpression: 'SET #share = :share ADD writes :one',
        ConditionExpression: 'attribute_not_exists(#share) OR #share.#version < :version',
        ExpressionAttributeNames: { '#share': shareAttribute(signals.slug), '#version': 'version' },
        ExpressionAttributeValues: { ':share': stored, ':version': signals.version, ':one': 1 },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return 'stale';
    throw error;
  }
  const after = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: pointer, ConsistentRead: true }),
  );
  if (after.Item?.['purgedAt'] !== undefined) {
    await removeShare(context, signals.scenarioId, signals.slug);
    return 'purged';
  }
  return 'applied';
}

/** Takes a share out of its scenario's item, and the item out of the table once it holds no share. */
async function removeShare(context: StoreContext, scenarioId: string, slug: string): Promise<void> {
  let left: Record<string, unknown> | undefined;
  try {
    const removed = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: scenarioSignalsKey(scenarioId),
        UpdateExpression: 'REMOVE #share ADD writes :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#share': shareAttribute(slug) },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    left = removed.Attributes;
  } catch (error) {
    if (isConditionFailure(error)) return;
    throw error;
  }
  if (!left || Object.keys(left).some((name) => name.startsWith(shareAttributePrefix))) return;
  // Unless a snapshot was written meanwhile (every write counts in `writes`).
  try {
    await context.documents.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: scenarioSignalsKey(scenarioId),
        ConditionExpression: 'writes = :seen',
        ExpressionAttributeValues: { ':seen': left['writes'] },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** A deleted share stops counting, and no snapshot still on its way brings it back. Answers whether it counted. */
export async function forgetShareSignals(context: StoreContext, slug: string, now: Date): Promise<boolean> {
  const marked = await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: sharePointerKey(slug),
      UpdateExpression: 'SET purgedAt = if_not_exists(purgedAt, :now), expiresAt = :expires',
      ExpressionAttributeValues: {
        ':now': now.toISOString(),
        ':expires': Math.floor(now.getTime() / 1000) + purgedPointerLifetimeSeconds,
      },
      ReturnValues: 'ALL_OLD',
    }),
  );
  const scenarioId = marked.Attributes?.['scenarioId'] as string | undefined;
  if (!scenarioId) return false;
  await removeShare(context, scenarioId, slug);
  return true;
}

/** A deleted scenario's shares and views (its shares' own purges mark their pointers). */
export async function forgetScenarioSignals(context: StoreContext, scenarioId: string): Promise<boolean> {
  const removed = await context.documents.send(
    new DeleteCommand({
      TableName: context.tableName,
      Key: scenarioSignalsKey(scenarioId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  return removed.Attributes !== undefined;
}

/**
 * The shares and views of each scenario within a window starting at `since`: shares made since
 * then that someone opened (a link nobody opened spread nothing, and its owner could make any
 * number), and views on the UTC days from the one `since` falls on.
 */
export async function signalsOfScenarios(
  context: StoreContext,
  scenarioIds: readonly string[],
  since: Date,
): Promise<Map<string, ScenarioSignals>> {
  const unique = [...new Set(scenarioIds)];
  const sinceTime = since.toISOString();
  const sinceDay = sinceTime.slice(0, 10);
  const found = new Map<string, ScenarioSignals>();
  for (let start = 0; start < unique.length; start += 100) {
    let keys: Array<Record<string, unknown>> | undefined = unique
      .slice(start, start + 100)
      .map(scenarioSignalsKey);
    while (keys && keys.length > 0) {
      const result: BatchGetCommandOutput = await context.documents.send(
        new BatchGetCommand({ RequestItems: { [context.tableName]: { Keys: keys } } }),
      );
      for (const item of result.Responses?.[context.tableName] ?? []) {
        const scenarioId = String(item['pk']).slice('SIGNALS#'.length);
        found.set(scenarioId, countWithin(item, sinceTime, sinceDay));
      }
      keys = result.UnprocessedKeys?.[context.tableName]?.Keys;
    }
  }
  return found;
}

function countWithin(item: Record<string, unknown>, sinceTime: string, sinceDay: string): ScenarioSignals {
  let shares = 0;
  let views = 0;
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(shareAttributePrefix)) continue;
    const share = value as StoredShare;
    let opened = false;
    for (const [day, count] of Object.entries(share.views ?? {})) {
      if (count > 0) opened = true;
      if (day >= sinceDay) views += count;
    }
    if (opened && share.sharedAt >= sinceTime) shares += 1;
  }
  return { shares, views };
}
