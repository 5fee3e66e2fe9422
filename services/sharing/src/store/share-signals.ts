import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ShareSignals, shareSignalDays } from '@what-if/contracts';
import { type DynamoOutbox, dynamoOutbox, scanPages } from '@what-if/kit/dynamodb';
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
export interface SignalsItem {
  pk: string;
  sk: string;
  slug: string;
  version: number;
  pendingSince?: string;
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

/**
 * The outbox, leased and retried by the kit's DynamoDB outbox. Delivered, a share leaves the
 * outbox, unless a view raised its version meanwhile (`version` must be unchanged): then it
 * stays for the next delivery, released now so that comes soon.
 */
export function signalOutbox(context: StoreContext): DynamoOutbox<SignalsItem> {
  return dynamoOutbox<SignalsItem>({
    ...context,
    index: scenarioIndex,
    partition: signalOutboxPartition,
    dueAttribute: 'nextAttemptAt',
    settle: { keep: true, remove: ['pendingSince'] },
    settleIfUnchanged: ['version'],
  });
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
 * Puts every share with views in the signal outbox (a maintenance job, so it may scan): for
 * shares viewed before views reached social, which it otherwise hears of at their next counted
 * view. The running relays deliver them; a share already waiting only gets a newer version, so
 * it can run again at any time. Answers how many shares it queued.
 */
export async function queueAllShareSignals(context: StoreContext, now: Date): Promise<number> {
  let queued = 0;
  const pages = scanPages(context, {
    FilterExpression: 'sk = :share AND viewCount > :none',
    ExpressionAttributeValues: { ':share': shareSortKey, ':none': 0 },
  });
  for await (const page of pages) {
    for (const share of page.items) {
      await signalsChanged(context, String(share['slug']), now);
      queued += 1;
    }
  }
  return queued;
}
