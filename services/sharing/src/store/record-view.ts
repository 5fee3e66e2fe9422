import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, putIfAbsent } from '@what-if/kit/dynamodb';
import { dailyStatsSortKey, sharePartition, shareSortKey, ttlAttribute, viewMarkerSortKey } from './keys';
import type { StoreContext } from './store-context';

/** One view as counted: who (a keyed hash, never an address), when, and where from. */
export interface View {
  slug: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The visitor's hash for that day (see visitors.ts). */
  visitor: string;
  via?: string;
  referrerDomain?: string;
  country?: string;
}

/** The counter attributes of a day's stats item. */
export const statsAttribute = {
  views: 'views',
  via: (platform: string) => `via:${platform}`,
  referrer: (domain: string) => `ref:${domain}`,
  country: (code: string) => `country:${code}`,
};

const markerLifetimeSeconds = 2 * 24 * 3600;

/**
 * Counts a view once per visitor and day. The marker's conditional write is the de-duplication
 * (a replayed request finds it and counts nothing); the counters are atomic ADDs, so concurrent
 * views never lose one another. The share's own total goes first and only while the share
 * exists, so a view racing a delete does not bring counters back.
 */
export async function recordView(
  context: StoreContext,
  view: View,
  now: Date,
): Promise<'counted' | 'repeat' | 'gone'> {
  const marker = {
    pk: sharePartition(view.slug),
    sk: viewMarkerSortKey(view.day, view.visitor),
    [ttlAttribute]: Math.floor(now.getTime() / 1000) + markerLifetimeSeconds,
  };
  if (!(await putIfAbsent(context, marker))) return 'repeat';
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: sharePartition(view.slug), sk: shareSortKey },
        UpdateExpression: 'ADD viewCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return 'gone';
    throw error;
  }
  const counters = [statsAttribute.views];
  if (view.via) counters.push(statsAttribute.via(view.via));
  if (view.country) counters.push(statsAttribute.country(view.country));
  const withReferrer = view.referrerDomain
    ? [...counters, statsAttribute.referrer(view.referrerDomain)]
    : counters;
  try {
    await addCounters(context, view, withReferrer);
  } catch (error) {
    // An item past DynamoDB's size limit (a day with a flood of distinct referrers) still counts the rest.
    if ((error as Error).name !== 'ValidationException' || withReferrer === counters) throw error;
    await addCounters(context, view, counters);
  }
  return 'counted';
}

async function addCounters(context: StoreContext, view: View, counters: readonly string[]): Promise<void> {
  const names = Object.fromEntries(counters.map((counter, index) => [`#c${index}`, counter]));
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: { pk: sharePartition(view.slug), sk: dailyStatsSortKey(view.day) },
      UpdateExpression: `ADD ${counters.map((_counter, index) => `#c${index} :one`).join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}
