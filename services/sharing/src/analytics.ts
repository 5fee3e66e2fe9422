import { validationProblem } from '@what-if/kit';
import type { DailyStats } from './store/read-analytics';
import { statsAttribute } from './store/record-view';
import { sharePlatforms, utcDay } from './visitors';

/** The figures an owner sees for a date range (openapi.yaml, `Analytics`). */
export interface Analytics {
  from: string;
  to: string;
  views: number;
  days: Array<{ date: string; views: number }>;
  via: Record<string, number>;
  referrers: Array<{ domain: string; views: number }>;
  countries: Array<{ country: string; views: number }>;
}

export const maxRangeDays = 366;
const defaultRangeDays = 30;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const topEntries = 50;

/** The range asked for (`from`, `to`, UTC days, inclusive): the last 30 days by default, a year at most. */
export function dateRange(query: { from?: unknown; to?: unknown }, now: Date): { from: string; to: string } {
  const to = typeof query.to === 'string' ? query.to : utcDay(now);
  const from =
    typeof query.from === 'string'
      ? query.from
      : utcDay(new Date(Date.parse(`${to}T00:00:00Z`) - (defaultRangeDays - 1) * 86_400_000));
  const problems = [];
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!dayPattern.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      problems.push({ path: `/query/${name}`, message: 'must be a date, YYYY-MM-DD' });
    }
  }
  if (problems.length) throw validationProblem(problems);
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (span < 1) throw validationProblem([{ path: '/query/from', message: 'must not be after to' }]);
  if (span > maxRangeDays) {
    throw validationProblem([
      { path: '/query/from', message: `the range may span at most ${maxRangeDays} days` },
    ]);
  }
  return { from, to };
}

function ranked<Key extends string>(
  counts: Map<string, number>,
  key: Key,
): Array<Record<Key, string> & { views: number }> {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topEntries)
    .map(([name, views]) => ({ [key]: name, views }) as Record<Key, string> & { views: number });
}

/** Adds up daily counters (of one share or many) into the owner's figures. */
export function summarize(range: { from: string; to: string }, days: readonly DailyStats[]): Analytics {
  const byDay = new Map<string, number>();
  const via = Object.fromEntries(sharePlatforms.map((platform) => [platform, 0]));
  const referrers = new Map<string, number>();
  const countries = new Map<string, number>();
  let views = 0;
  for (const day of days) {
    for (const [counter, value] of Object.entries(day.counters)) {
      if (counter === statsAttribute.views) {
        views += value;
        byDay.set(day.day, (byDay.get(day.day) ?? 0) + value);
      } else if (counter.startsWith('via:')) {
        const platform = counter.slice(4);
        if (platform in via) via[platform]! += value;
      } else if (counter.startsWith('ref:')) {
        const domain = counter.slice(4);
        referrers.set(domain, (referrers.get(domain) ?? 0) + value);
      } else if (counter.startsWith('country:')) {
        const country = counter.slice(8);
        countries.set(country, (countries.get(country) ?? 0) + value);
      }
    }
  }
  return {
    ...range,
    views,
    days: [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, count]) => ({ date, views: count })),
    via,
    referrers: ranked(referrers, 'domain'),
    countries: ranked(countries, 'country'),
  };
}
