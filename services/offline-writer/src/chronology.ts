import type { ScenarioLanguage } from '@what-if/contracts';
import { presentYear, type TimePoint } from './analysis';
import type { Random } from './random';

/**
 * A date on the scenario's clock: the label the timeline shows, the phrase the narration
 * speaks ("in AD 476", "at 20") and the bare noun phrase for "from … to …" ("AD 476", "age 20").
 */
export interface Moment {
  point: TimePoint;
  label: string;
  spoken: string;
  noun: string;
}

/**
 * Where each of the eight story stages sits between the start and the end of the story, as a
 * fraction of the span: close together at first, when one year changes a lot, then wider.
 */
const stagePositions = [0, 0.004, 0.025, 0.08, 0.2, 0.38, 0.62, 1] as const;

const yearsAfterEpoch = [1, 2, 5, 12, 25, 60, 120, 300] as const;
const generations = [1, 2, 4, 8, 15, 30, 60, 120] as const;

function formatNumber(value: number, language: ScenarioLanguage): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
}

function yearLabel(year: number, language: ScenarioLanguage): { label: string; spoken: string } {
  const calendarYear = year === 0 ? 1 : year;
  if (language === 'vi') {
    const text = calendarYear < 0 ? `${-calendarYear} TCN` : `${calendarYear}`;
    return { label: `Năm ${text}`, spoken: `năm ${text}` };
  }
  const text =
    calendarYear < 0 ? `${-calendarYear} BC` : calendarYear < 1000 ? `AD ${calendarYear}` : `${calendarYear}`;
  return { label: text, spoken: `in ${text}` };
}

function deepLabel(yearsAgo: number, language: ScenarioLanguage): { label: string; spoken: string } {
  if (yearsAgo <= 0)
    return language === 'vi'
      ? { label: 'Ngày nay', spoken: 'ngày nay' }
      : { label: 'Today', spoken: 'today' };
  const millions = yearsAgo >= 1_000_000;
  const amount = millions
    ? formatNumber(Math.round(yearsAgo / 100_000) / 10, language)
    : formatNumber(Math.round(yearsAgo / 1000), language);
  const text =
    language === 'vi'
      ? `${amount} ${millions ? 'triệu' : 'nghìn'} năm trước`
      : `${amount} ${millions ? 'million' : 'thousand'} years ago`;
  return { label: text[0]!.toLocaleUpperCase() + text.slice(1), spoken: text };
}

/** Labels for every scale, in both languages; `epoch` names what a myth's years count from. */
export function describe(
  point: TimePoint,
  language: ScenarioLanguage,
  epoch: string,
): { label: string; spoken: string } {
  const vi = language === 'vi';
  switch (point.scale) {
    case 'year':
      return yearLabel(point.year, language);
    case 'deep':
      return deepLabel(point.yearsAgo, language);
    case 'age':
      return vi
        ? { label: `Năm ${point.age} tuổi`, spoken: `năm ${point.age} tuổi` }
        : { label: `Age ${point.age}`, spoken: `at ${point.age}` };
    case 'epoch':
      return vi
        ? { label: `Năm thứ ${point.year} sau ${epoch}`, spoken: `năm thứ ${point.year} sau ${epoch}` }
        : { label: `Year ${point.year} after ${epoch}`, spoken: `in year ${point.year} after ${epoch}` };
    case 'generation':
      return vi
        ? { label: `Thế hệ thứ ${point.generation}`, spoken: `ở thế hệ thứ ${point.generation}` }
        : { label: `Generation ${point.generation}`, spoken: `by generation ${point.generation}` };
  }
}

function jitter(random: Random, gap: number): number {
  return (random.next() - 0.5) * gap * 0.3;
}

/**
 * The points of each chosen stage, strictly increasing on the scenario's own clock. A
 * continuation starts just after its parent's moment instead of on it.
 */
function pointsFor(start: TimePoint, stages: readonly number[], random: Random, after: boolean): TimePoint[] {
  const step = after ? 1 : 0;
  switch (start.scale) {
    case 'year': {
      const end = Math.max(start.year + 40, presentYear);
      const span = end - start.year;
      const years: number[] = [];
      for (const stage of stages) {
        const position = stagePositions[stage]!;
        let year = Math.round(
          start.year + span * position + (position > 0 && position < 1 ? jitter(random, span * 0.04) : 0),
        );
        if (year - start.year > 150 && position < 1) year = Math.round(year / 10) * 10;
        years.push(Math.max(year, (years.at(-1) ?? start.year - 1 + step) + 1));
      }
      return years.map((year) => ({ scale: 'year', year }));
    }
    case 'deep': {
      const values: number[] = [];
      for (const stage of stages) {
        const position = stagePositions[stage]!;
        // Cubed, so the story lingers near the divergence and still reaches the recent past.
        const remaining = start.yearsAgo * (1 - position) ** 3;
        const rounded =
          remaining >= 1_000_000
            ? Math.round(remaining / 100_000) * 100_000
            : Math.round(remaining / 1000) * 1000;
        const previous = values.at(-1) ?? (after ? start.yearsAgo : undefined);
        const smallerStep = Math.max(1000, Math.round((previous ?? 0) / 20_000) * 1000);
        values.push(
          previous !== undefined && rounded >= previous ? Math.max(0, previous - smallerStep) : rounded,
        );
      }
      return values.map((yearsAgo) => ({ scale: 'deep', yearsAgo }));
    }
    case 'age': {
      const end = Math.max(start.age + 25, Math.min(88, start.age + 55));
      const ages: number[] = [];
      for (const stage of stages) {
        const age = Math.round(start.age + (end - start.age) * stagePositions[stage]!);
        ages.push(Math.max(age, (ages.at(-1) ?? start.age - 1 + step) + 1));
      }
      return ages.map((age) => ({ scale: 'age', age }));
    }
    case 'epoch':
      return stages.map((stage) => ({ scale: 'epoch', year: start.year + yearsAfterEpoch[stage]! }));
    case 'generation':
      return stages.map((stage) => ({
        scale: 'generation',
        generation: start.generation - 1 + step + generations[stage]!,
      }));
  }
}

/** One moment per chosen stage, from the start of the story to its end. */
export function chronology(
  start: TimePoint,
  stages: readonly number[],
  language: ScenarioLanguage,
  epoch: string,
  random: Random,
  after = false,
): Moment[] {
  return pointsFor(start, stages, random, after).map((point) => momentOf(point, language, epoch));
}

export function momentOf(point: TimePoint, language: ScenarioLanguage, epoch: string): Moment {
  const { label, spoken } = describe(point, language, epoch);
  // Only calendar labels keep their capital ("AD 476"); "Age 20" and "Năm 1288" read as ordinary words.
  const keepsCapital = language === 'en' && point.scale === 'year';
  return {
    point,
    label,
    spoken,
    noun: keepsCapital ? label : label[0]!.toLocaleLowerCase() + label.slice(1),
  };
}
