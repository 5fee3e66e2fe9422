import {
  DeleteCommand,
  QueryCommand,
  ScanCommand,
  type ScanCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ShareSignals, shareSignalDays } from '@what-if/contracts';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { readDailyStats } from './read-analytics';
import { readShare } from './read-share';
import { scenarioIndex, sharePartition, shareSortKey, signalOutboxPartition, signalsSortKey } from './keys';
import { statsAttribute } from './record-view';
import type { StoreContext } from './store-context';

/**
 * The signal outbox: the views sharing owes social's trending (the README's "Shares and views for
 * trending"). One item per share, in the share's own partition (so deleting the share deletes
 * it): `SHARE#<slug>` / `SIGNALS` with `version`, which every counted view raises, and while social
 * has not acknowledged that version, the scenario index's keys `OUTBOX#signals` /
 * `<pendingSince>#<slug>`. A delivery sends the share's whole state (the share-signals contract), so
 * however many views arrived meanwhile, one delivery carries them all.
 */
interface SignalsItem {
  pk: string;
  sk: string;
  slug: string;
  version: number;
  pendingSince?: string;
  attempts?: number;
  nextAttemptAt?: number;
  leaseHolder?: string;
  leaseUntil?: number;
}

/** A share owed to social, as a relay found it. */
export interface PendingSignals {
  slug: string;
  version: number;
  attempts: number;
}

const signalsKey = (slug: string) => ({ pk: sharePartition(slug), sk: signalsSortKey }) as const;

/** A counted view changed the share's state: raise its version and put it in the outbox (unless it waits there already). */
export async function signalsChanged(context: StoreContext, slug: string, now: Date): Promise<void> {
  const since = now.toISOString();
  await context.documents.send(
    new UpdateCommand({
      TableName: context.tableName,
      Key: signalsKey(slug),
      UpdateExpression:
        'ADD version :one SET slug = :slug, pendingSince = if_not_exists(pendingSince, :since), #outbox = :outbox, #position = if_not_exists(#position, :position)',
      ExpressionAttributeNames: { '#outbox': scenarioIndex.partitionKey, '#position': scenarioIndex.sortKey },
      ExpressionAttributeValues: {
        ':one': 1,
        ':slug': slug,
        ':since': since,
        ':outbox': signalOutboxPartition,
        ':position': `${since}#${slug}`,
      },
    }),
  );
}

/** The outbox, oldest first: how many wait, since when the oldest, and up to `max` due now and not leased. */
export async function pendingSignals(
  context: StoreContext,
  now: number,
  max: number,
): Promise<{ pending: number; oldestPendingSince?: string; due: PendingSignals[] }> {
  const due: PendingSignals[] = [];
  let pending = 0;
  let oldestPendingSince: string | undefined;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await context.documents.send(
      new QueryCommand({
        TableName: context.tableName,
        IndexName: scenarioIndex.name,
        KeyConditionExpression: `${scenarioIndex.partitionKey} = :outbox`,
        ExpressionAttributeValues: { ':outbox': signalOutboxPartition },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (page.Items ?? []) as SignalsItem[]) {
      pending += 1;
      oldestPendingSince ??= item.pendingSince;
      const leased = item.leaseUntil !== undefined && item.leaseUntil > now;
      if (due.length < max && (item.nextAttemptAt ?? 0) <= now && !leased)
        due.push({ slug: item.slug, version: item.version, attempts: item.attempts ?? 0 });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { pending, ...(oldestPendingSince ? { oldestPendingSince } : {}), due };
}

/**
 * Takes a share's signals for one delivery: of several replicas one holds it at a time. Answers
 * the version to send (the newest, read by the same write), or undefined when another replica
 * holds it or it left the outbox meanwhile.
 */
export async function leaseSignals(
  context: StoreContext,
  slug: string,
  holder: string,
  now: number,
  leaseMs: number,
): Promise<number | undefined> {
  try {
    const leased = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: signalsKey(slug),
        UpdateExpression: 'SET leaseHolder = :holder, leaseUntil = :until',
        ConditionExpression:
          'attribute_exists(#outbox) AND (attribute_not_exists(leaseUntil) OR leaseUntil <= :now)',
        ExpressionAttributeNames: { '#outbox': scenarioIndex.partitionKey },
        ExpressionAttributeValues: { ':holder': holder, ':until': now + leaseMs, ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return (leased.Attributes as SignalsItem | undefined)?.version;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * The share's state as social is told it: its scenario, when it was made, and its unique views
 * per UTC day over the last `shareSignalDays` days (the longest trending window) up to today.
 * Undefined when the share is gone (its purge tells social instead).
 */
export async function signalsSnapshot(
  context: StoreContext,
  slug: string,
  version: number,
  now: Date,
): Promise<ShareSignals | undefined> {
  const share = await readShare(context, slug);
  if (!share) return undefined;
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - shareSignalDays * 86_400_000).toISOString().slice(0, 10);
  const days = await readDailyStats(context, slug, from, to);
  return {
    slug,
    scenarioId: share.scenarioId,
    sharedAt: share.createdAt,
    version,
    views: days
      .map((stats) => ({ day: stats.day, views: stats.counters[statsAttribute.views] ?? 0 }))
      .filter((day) => day.views > 0),
  };
}

/**
 * Social has `version`: the share leaves the outbox, unless a view raised the version meanwhile,
 * in which case it stays for the next delivery (released now, so that comes soon).
 */
export async function signalsDelivered(
  context: StoreContext,
  slug: string,
  holder: string,
  version: number,
): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: signalsKey(slug),
        UpdateExpression:
          'REMOVE pendingSince, attempts, nextAttemptAt, leaseHolder, leaseUntil, #outbox, #position',
        ConditionExpression: 'version = :version AND leaseHolder = :holder',
        ExpressionAttributeNames: {
          '#outbox': scenarioIndex.partitionKey,
          '#position': scenarioIndex.sortKey,
        },
        ExpressionAttributeValues: { ':version': version, ':holder': holder },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await releaseSignals(context, slug, holder);
  }
}

async function releaseSignals(context: StoreContext, slug: string, holder: string): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: signalsKey(slug),
        UpdateExpression: 'REMOVE leaseHolder, leaseUntil, nextAttemptAt',
        ConditionExpression: 'leaseHolder = :holder',
        ExpressionAttributeValues: { ':holder': holder },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** A failed delivery: counted, due again at `nextAttemptAt`, released if this relay still holds it. */
export async function postponeSignals(
  context: StoreContext,
  slug: string,
  holder: string,
  nextAttemptAt: number,
): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: signalsKey(slug),
        UpdateExpression:
          'SET attempts = if_not_exists(attempts, :zero) + :one, nextAttemptAt = :next REMOVE leaseHolder, leaseUntil',
        ConditionExpression: 'leaseHolder = :holder',
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':next': nextAttemptAt, ':holder': holder },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * The share is gone (a view that raced its delete wrote this item after the partition went):
 * nothing is owed, the share's purge tells social.
 */
export async function dropSignals(context: StoreContext, slug: string): Promise<void> {
  await context.documents.send(new DeleteCommand({ TableName: context.tableName, Key: signalsKey(slug) }));
}

/**
 * Puts every share with views in the signal outbox (a maintenance job, so it may scan): for
 * shares viewed before views reached social, which it otherwise hears of at their next counted
 * view. The running relays deliver them; a share already waiting only gets a newer version, so
 * it can run again at any time. Answers how many shares it queued.
 */
export async function queueAllShareSignals(context: StoreContext, now: Date): Promise<number> {
  let queued = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await context.documents.send(
      new ScanCommand({
        TableName: context.tableName,
        FilterExpression: 'sk = :share AND viewCount > :none',
        ExpressionAttributeValues: { ':share': shareSortKey, ':none': 0 },
        ExclusiveStartKey: start,
      }),
    );
    for (const share of page.Items ?? []) {
      await signalsChanged(context, String(share['slug']), now);
      queued += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return queued;
}
