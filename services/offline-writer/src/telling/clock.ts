import type { ScenarioLanguage } from '@what-if/contracts';
import type { Duration, ElapsedUnit, TimePoint } from '../reading/frame';
import type { Random } from './random';

/** The year the scenarios' "today" is; fixed so the same seed gives the same scenario next year. */
export const presentYear = 2026;

/**
 * A date on the scenario's clock: the label the timeline shows ("AD 476", "Hour 6"), and the
 * phrase the narration speaks before an event ("in AD 476", "after 6 hours").
 */
export interface Moment {
  point: TimePoint;
  label: string;
  spoken: string;
}

const hoursIn: Record<ElapsedUnit, number> = {
  minute: 1 / 60,
  hour: 1,
  day: 24,
  week: 24 * 7,
  month: 24 * 30,
  year: 24 * 365,
};

/** Natural points on an elapsed clock, in order: the ones a reader would expect to see named. */
const elapsedLadder: readonly { unit: ElapsedUnit; amount: number }[] = [
  ...[1, 5, 10, 30].map((amount) => ({ unit: 'minute' as const, amount })),
  ...[1, 2, 3, 6, 12, 24, 36].map((amount) => ({ unit: 'hour' as const, amount })),
  ...[2, 3, 4, 5, 7, 10].map((amount) => ({ unit: 'day' as const, amount })),
  ...[2, 3, 4, 6].map((amount) => ({ unit: 'week' as const, amount })),
  ...[2, 3, 4, 6, 9].map((amount) => ({ unit: 'month' as const, amount })),
  ...[1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 500, 750, 1000].map((amount) => ({
    unit: 'year' as const,
    amount,
  })),
];

const hoursOf = (point: { unit: ElapsedUnit; amount: number }) => hoursIn[point.unit] * point.amount;

export function toHours(point: TimePoint): number {
  return point.scale === 'elapsed' ? hoursOf(point) : 0;
}

/** The ladder point nearest to `hours` that is later than `after`. */
function nearestAfter(hours: number, after: number): { unit: ElapsedUnit; amount: number } {
  const later = elapsedLadder.filter((point) => hoursOf(point) > after);
  if (later.length === 0) return { unit: 'year', amount: Math.ceil((after + 1) / hoursIn.year) * 2 };
  return later.reduce((best, point) =>
    Math.abs(Math.log(hoursOf(point) / hours)) < Math.abs(Math.log(hoursOf(best) / hours)) ? point : best,
  );
}

/**
 * Eight points around a temporary change of `duration`: three while it lasts, the moment it
 * ends (stage 3), then four after, stretching to a few hundred times the duration. Undefined
 * for a pause too short to have three natural points inside it.
 */
export function pausePoints(duration: Duration): TimePoint[] | undefined {
  const total = hoursOf(duration);
  const inside = elapsedLadder.filter((point) => hoursOf(point) < total);
  if (inside.length < 3) return undefined;
  const nearest = (hours: number) =>
    inside.reduce((best, point) =>
      Math.abs(Math.log(hoursOf(point) / hours)) < Math.abs(Math.log(hoursOf(best) / hours)) ? point : best,
    );
  const chosen = new Set([nearest(total * 0.04), nearest(total * 0.25), nearest(total * 0.5)]);
  for (const point of inside) if (chosen.size < 3) chosen.add(point);
  const before = [...chosen].sort((a, b) => hoursOf(a) - hoursOf(b));
  const rest = after(total, 4);
  // The end of a single day is "Hour 24", of a week "Day 7": the next unit down reads as a count.
  const end =
    duration.amount === 1 && duration.unit !== 'minute' && duration.unit !== 'hour'
      ? {
          day: { unit: 'hour', amount: 24 },
          week: { unit: 'day', amount: 7 },
          month: { unit: 'week', amount: 4 },
          year: { unit: 'month', amount: 12 },
        }[duration.unit]
      : { unit: duration.unit, amount: duration.amount };
  return [...before, end as { unit: ElapsedUnit; amount: number }, ...rest].map(
    (point) => ({ scale: 'elapsed', ...point }) as TimePoint,
  );
}

/**
 * `count` natural points after `hours`, spread evenly on a log scale: up to a year for
 * anything that lasted a month or less (a short event's aftermath is told in days and
 * months), up to a few hundred times its length otherwise.
 */
function after(hours: number, count: number): { unit: ElapsedUnit; amount: number }[] {
  const first = hours * 2.5;
  const last = hours <= hoursIn.month ? Math.max(hoursIn.year, first * 2) : hours * 200;
  const points: { unit: ElapsedUnit; amount: number }[] = [];
  let previous = hours;
  for (let index = 0; index < count; index += 1) {
    const target = first * (last / first) ** (index / Math.max(1, count - 1));
    const point = nearestAfter(target, previous);
    points.push(point);
    previous = hoursOf(point);
  }
  return points;
}

/** A change that ends something for good, on a clock of hours to decades. */
export function suddenPoints(): TimePoint[] {
  return [
    { unit: 'hour', amount: 1 },
    { unit: 'hour', amount: 12 },
    { unit: 'day', amount: 3 },
    { unit: 'week', amount: 2 },
    { unit: 'month', amount: 3 },
    { unit: 'year', amount: 1 },
    { unit: 'year', amount: 5 },
    { unit: 'year', amount: 25 },
  ].map((point) => ({ scale: 'elapsed', ...point }) as TimePoint);
}

/** An undated change, counted in years since it happened: longer for states, shorter for habits. */
export function yearsSincePoints(long: boolean): TimePoint[] {
  const amounts = long ? [1, 2, 5, 10, 25, 50, 100, 200] : [1, 2, 3, 5, 10, 20, 30, 50];
  return amounts.map((amount) => ({ scale: 'elapsed', unit: 'year', amount }));
}

/**
 * Where each of the eight stages sits between the start and the end of the story, as a
 * fraction of the span: close together at first, when one year changes a lot, then wider.
 */
const stagePositions = [0, 0.004, 0.025, 0.08, 0.2, 0.38, 0.62, 1] as const;

function jitter(random: Random, gap: number): number {
  return (random.next() - 0.5) * gap * 0.3;
}

/** Calendar years from `start` to `end`, strictly increasing, rounded where precision would be false. */
export function calendarPoints(start: number, end: number, random: Random): TimePoint[] {
  const span = end - start;
  const years: number[] = [];
  for (const position of stagePositions) {
    let value = Math.round(
      start + span * position + (position > 0 && position < 1 ? jitter(random, span * 0.04) : 0),
    );
    if (value - start > 150 && position < 1) value = Math.round(value / 10) * 10;
    if (value === 0) value = 1;
    const previous = years.at(-1);
    years.push(previous === undefined ? value : Math.max(value, previous === -1 ? 1 : previous + 1));
  }
  return years.map((year) => ({ scale: 'year', year }));
}

/** Deep time, from `yearsAgo` to today: the story lingers near the change and still reaches the present. */
export function deepPoints(yearsAgo: number): TimePoint[] {
  const values: number[] = [];
  for (const position of stagePositions) {
    const remaining = yearsAgo * (1 - position) ** 3;
    // Two significant figures: "250 million years ago", never "246.9 million".
    const unit = remaining >= 100 ? 10 ** (Math.floor(Math.log10(remaining)) - 1) : 1;
    const rounded = Math.round(remaining / unit) * unit;
    const previous = values.at(-1);
    values.push(
      previous !== undefined && rounded >= previous
        ? Math.max(0, previous - Math.max(100, previous / 20))
        : rounded,
    );
  }
  return values.map((value) => ({ scale: 'deep', yearsAgo: Math.round(value) }));
}

export function agePoints(start: number): TimePoint[] {
  const end = Math.max(start + 25, Math.min(85, start + 50));
  const ages: number[] = [];
  for (const position of stagePositions) {
    const age = Math.round(start + (end - start) * position);
    ages.push(Math.max(age, (ages.at(-1) ?? start - 1) + 1));
  }
  return ages.map((age) => ({ scale: 'age', age }));
}

/** Eight points strictly after `point`, on the same clock: where a continuation's story runs. */
export function pointsAfter(point: TimePoint, random: Random): TimePoint[] {
  switch (point.scale) {
    case 'year': {
      const start = point.year + 1;
      const end = point.year < presentYear - 60 ? presentYear : point.year + 60;
      return calendarPoints(start === 0 ? 1 : start, end, random);
    }
    case 'deep':
      if (point.yearsAgo <= 0) return calendarPoints(presentYear + 1, presentYear + 60, random);
      // Start a little after the parent's moment, and every point after it is later still.
      return deepPoints(point.yearsAgo * 0.97);
    case 'age':
      return agePoints(point.age + 1);
    case 'elapsed':
      return after(hoursOf(point) / 1.5, 8).map((next) => ({ scale: 'elapsed', ...next }) as TimePoint);
  }
}

function formatNumber(value: number, language: ScenarioLanguage): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
}

const unitNames: Record<ElapsedUnit, { en: [string, string]; vi: string }> = {
  minute: { en: ['minute', 'minutes'], vi: 'phút' },
  hour: { en: ['hour', 'hours'], vi: 'giờ' },
  day: { en: ['day', 'days'], vi: 'ngày' },
  week: { en: ['week', 'weeks'], vi: 'tuần' },
  month: { en: ['month', 'months'], vi: 'tháng' },
  year: { en: ['year', 'years'], vi: 'năm' },
};

/** "a day", "3 weeks", "một ngày", "3 tuần": a duration as a noun phrase. */
export function durationPhrase(duration: Duration, language: ScenarioLanguage): string {
  const names = unitNames[duration.unit];
  if (language === 'vi') return `${duration.amount === 1 ? 'một' : duration.amount} ${names.vi}`;
  if (duration.amount === 1) return `${duration.unit === 'hour' ? 'an' : 'a'} ${names.en[0]}`;
  return `${duration.amount} ${names.en[1]}`;
}

export function momentOf(point: TimePoint, language: ScenarioLanguage): Moment {
  const vi = language === 'vi';
  switch (point.scale) {
    case 'year': {
      const value = point.year === 0 ? 1 : point.year;
      if (vi) {
        const text = value < 0 ? `${-value} TCN` : `${value}`;
        return { point, label: `Năm ${text}`, spoken: `năm ${text}` };
      }
      const text = value < 0 ? `${-value} BC` : value < 1000 ? `AD ${value}` : `${value}`;
      return { point, label: text, spoken: `in ${text}` };
    }
    case 'deep': {
      if (point.yearsAgo <= 0)
        return vi
          ? { point, label: 'Ngày nay', spoken: 'ngày nay' }
          : { point, label: 'Today', spoken: 'today' };
      const [divisor, en, viWord] =
        point.yearsAgo >= 1e9
          ? [1e9, 'billion', 'tỷ']
          : point.yearsAgo >= 1e6
            ? [1e6, 'million', 'triệu']
            : [1e3, 'thousand', 'nghìn'];
      const amount = formatNumber(Math.round((point.yearsAgo / divisor) * 10) / 10, language);
      const text = vi ? `${amount} ${viWord} năm trước` : `${amount} ${en} years ago`;
      return { point, label: text[0]!.toLocaleUpperCase() + text.slice(1), spoken: text };
    }
    case 'age':
      return vi
        ? { point, label: `Năm ${point.age} tuổi`, spoken: `năm ${point.age} tuổi` }
        : { point, label: `Age ${point.age}`, spoken: `at ${point.age}` };
    case 'elapsed': {
      const names = unitNames[point.unit];
      if (vi) {
        const label = `${names.vi[0]!.toLocaleUpperCase()}${names.vi.slice(1)} thứ ${point.amount}`;
        const spoken =
          point.amount === 1 ? `ngay trong ${names.vi} đầu tiên` : `sau ${point.amount} ${names.vi}`;
        return { point, label, spoken };
      }
      const label = `${names.en[0][0]!.toUpperCase()}${names.en[0].slice(1)} ${point.amount}`;
      const spoken =
        point.amount === 1 ? `within the first ${names.en[0]}` : `after ${point.amount} ${names.en[1]}`;
      return { point, label, spoken };
    }
  }
}

const toNumber = (text: string) => Number(text.replace(/[.\s](?=\d{3}\b)/g, '').replace(',', '.'));

const labelUnits: Record<string, ElapsedUnit> = {
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
  phút: 'minute',
  giờ: 'hour',
  ngày: 'day',
  tuần: 'week',
  tháng: 'month',
  năm: 'year',
};

/**
 * Reads a timeline label back onto a clock, in either language: the labels this writer
 * writes, those of its earlier versions ("Generation 3", "Year 5 after the change"), and any
 * year in a label a remote model wrote, so a continuation can pick up from any scenario.
 */
export function parseMoment(label: string): TimePoint | undefined {
  const text = label.trim();
  let match: RegExpMatchArray | null;
  if (/^(today|ngày nay|hiện nay|the present)$/i.test(text)) return { scale: 'year', year: presentYear };
  if ((match = text.match(/^([\d.,\s]+)\s*(billion|tỷ|tỉ)/i)))
    return { scale: 'deep', yearsAgo: Math.round(toNumber(match[1]!) * 1e9) };
  if ((match = text.match(/^([\d.,\s]+)\s*(million|triệu)/i)))
    return { scale: 'deep', yearsAgo: Math.round(toNumber(match[1]!) * 1e6) };
  if ((match = text.match(/^([\d.,\s]+)\s*(thousand|nghìn|ngàn)/i)))
    return { scale: 'deep', yearsAgo: Math.round(toNumber(match[1]!) * 1e3) };
  if ((match = text.match(/^(?:age\s+(\d{1,3})|năm\s+(\d{1,3})\s+tuổi)$/i)))
    return { scale: 'age', age: Number(match[1] ?? match[2]) };
  if ((match = text.match(/^(minute|hour|day|week|month|year)\s+(\d+)(?:\s+after\s+.+)?$/i)))
    return { scale: 'elapsed', unit: labelUnits[match[1]!.toLowerCase()]!, amount: Number(match[2]) };
  if ((match = text.match(/^(phút|giờ|ngày|tuần|tháng|năm)\s+thứ\s+(\d+)(?:\s+sau\s+.+)?$/i)))
    return { scale: 'elapsed', unit: labelUnits[match[1]!.toLowerCase()]!, amount: Number(match[2]) };
  if ((match = text.match(/^(?:generation\s+(\d+)|thế hệ thứ\s+(\d+))$/i)))
    return { scale: 'elapsed', unit: 'year', amount: Number(match[1] ?? match[2]) * 25 };
  if ((match = text.match(/(\d{1,4})\s*(?:bc|bce|tcn)\b/i)))
    return { scale: 'year', year: -Number(match[1]) };
  if ((match = text.match(/\b(\d{1,4})\b/))) return { scale: 'year', year: Number(match[1]) };
  return undefined;
}

/** One number line for every clock, for ordering: calendar years, minus years-ago, hours, ages. */
export function ordinal(point: TimePoint): number {
  switch (point.scale) {
    case 'year':
      return point.year;
    case 'deep':
      return presentYear - point.yearsAgo;
    case 'elapsed':
      return hoursOf(point);
    case 'age':
      return point.age;
  }
}
