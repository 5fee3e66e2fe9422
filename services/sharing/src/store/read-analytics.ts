import { collectItems, queryPages } from '@what-if/kit/dynamodb';
import { dailyStatsPrefix, dailyStatsSortKey, sharePartition } from './keys';
import type { StoreContext } from './store-context';

/** One day's counters as stored: `views`, `via:<platform>`, `ref:<domain>`, `country:<code>`. */
export interface DailyStats {
  day: string;
  counters: Record<string, number>;
}

/** A share's daily counters between two UTC days, inclusive, oldest first. */
export async function readDailyStats(
  context: StoreContext,
  slug: string,
  from: string,
  to: string,
): Promise<DailyStats[]> {
  const items = await collectItems(
    queryPages<Record<string, unknown> & { sk: string }>(context, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': sharePartition(slug),
        ':from': dailyStatsSortKey(from),
        ':to': dailyStatsSortKey(to),
      },
    }),
  );
  return items.map(({ pk: _pk, sk, ...counters }) => ({
    day: sk.slice(dailyStatsPrefix.length),
    counters: Object.fromEntries(
      Object.entries(counters).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    ),
  }));
}
