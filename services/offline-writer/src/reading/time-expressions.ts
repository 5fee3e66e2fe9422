import type { ScenarioLanguage } from '@what-if/contracts';
import type { Duration, ElapsedUnit, TimePoint } from './frame';

/** A date, duration or age found in the question, and the words that said it. */
interface Found<T> {
  value: T;
  text: string;
}

const romanNumerals: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function fromRoman(numeral: string): number {
  let total = 0;
  for (let index = 0; index < numeral.length; index += 1) {
    const value = romanNumerals[numeral[index]!.toUpperCase()] ?? 0;
    const next = romanNumerals[numeral[index + 1]?.toUpperCase() ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** A century is told by its start: "the 16th century" begins its story around 1500. */
const centuryToYear = (century: number, beforeCommonEra: boolean) =>
  beforeCommonEra ? -(century * 100) : (century - 1) * 100;

const decimal = (text: string) => Number(text.replace(',', '.'));

const englishDates: [RegExp, (match: RegExpMatchArray) => TimePoint][] = [
  [
    /\b(?:in |about |some |since |from )?(\d+(?:\.\d+)?)\s*(billion|million)\s+years\s+ago\b/i,
    (m) => ({
      scale: 'deep',
      yearsAgo: Math.round(decimal(m[1]!) * (m[2]!.toLowerCase() === 'billion' ? 1e9 : 1e6)),
    }),
  ],
  [
    /\b(?:(?:in|since|from|around)\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[ -]century(\s*(?:bc|bce))?/i,
    (m) => ({ scale: 'year', year: centuryToYear(Number(m[1]), Boolean(m[2])) }),
  ],
  [
    /\b(?:(?:in|since|from|around)\s+)?(\d{1,4})\s*(?:bc|bce)\b/i,
    (m) => ({ scale: 'year', year: -Number(m[1]) }),
  ],
  [
    /\b(?:(?:in|since|from|around)\s+)?(?:(?:ad|ce)\s*(\d{1,4})|(\d{1,4})\s*(?:ad|ce))\b/i,
    (m) => ({ scale: 'year', year: Number(m[1] ?? m[2]) }),
  ],
  [
    /\b(?:(?:in|since|from|around)\s+)?the\s+(1\d|20)(\d)0s\b/i,
    (m) => ({ scale: 'year', year: Number(`${m[1]}${m[2]}0`) }),
  ],
  [
    /\b(?:(?:in|since|from|around)\s+)?(1\d|20)(\d)0s\b/i,
    (m) => ({ scale: 'year', year: Number(`${m[1]}${m[2]}0`) }),
  ],
  [/\b(?:(?:in|since|from|around)\s+)?(1\d{3}|20\d{2})\b/, (m) => ({ scale: 'year', year: Number(m[1]) })],
];

const vietnameseDates: [RegExp, (match: RegExpMatchArray) => TimePoint][] = [
  [
    /(?:(?:kể\s+)?từ\s+|vào\s+)?(?:khoảng\s+)?(\d+(?:[.,]\d+)?)\s*(tỷ|tỉ|triệu)\s+năm\s+trước/i,
    (m) => ({
      scale: 'deep',
      yearsAgo: Math.round(decimal(m[1]!) * (m[2]!.toLowerCase() === 'triệu' ? 1e6 : 1e9)),
    }),
  ],
  [
    /(?:(?:kể\s+)?từ\s+|vào\s+)?thế\s+kỷ\s*(\d{1,2}|[IVXLC]+)\b(\s*(?:trước công nguyên|tcn))?/i,
    (m) => ({
      scale: 'year',
      year: centuryToYear(/^\d+$/.test(m[1]!) ? Number(m[1]) : fromRoman(m[1]!), Boolean(m[2])),
    }),
  ],
  [
    /(?:(?:kể\s+)?từ\s+|vào\s+)?(?:năm\s*)?(\d{1,4})\s*(?:trước công nguyên|tcn)/i,
    (m) => ({ scale: 'year', year: -Number(m[1]) }),
  ],
  [
    /(?:(?:kể\s+)?từ\s+|vào\s+)?(?:những\s+)?(?:thập\s+niên|năm)\s*(1\d|20)(\d)0\b/i,
    (m) => ({ scale: 'year', year: Number(`${m[1]}${m[2]}0`) }),
  ],
  [
    /(?:(?:kể\s+)?từ\s+|vào\s+)?năm\s*(\d{1,4})(?!\d|\s*tuổi)/i,
    (m) => ({ scale: 'year', year: Number(m[1]) }),
  ],
  [/(?:(?:kể\s+)?từ\s+|vào\s+)?\b(1\d{3}|20\d{2})\b/, (m) => ({ scale: 'year', year: Number(m[1]) })],
];

function first<T>(text: string, patterns: [RegExp, (match: RegExpMatchArray) => T][]): Found<T> | undefined {
  for (const [pattern, read] of patterns) {
    const match = text.match(pattern);
    if (match) return { value: read(match), text: match[0] };
  }
  return undefined;
}

/** The date the question names itself, if it names one: a year, a decade, a century, deep time. */
export function findDate(text: string, language: ScenarioLanguage): Found<TimePoint> | undefined {
  return language === 'vi'
    ? (first(text, vietnameseDates) ?? first(text, englishDates))
    : first(text, englishDates);
}

const englishNumbers: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  twelve: 12,
  'twenty-four': 24,
  single: 1,
  whole: 1,
  entire: 1,
};
const vietnameseNumbers: Record<string, number> = {
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  mười: 10,
};

const englishUnits: Record<string, ElapsedUnit> = {
  minute: 'minute',
  hour: 'hour',
  day: 'day',
  night: 'day',
  week: 'week',
  month: 'month',
  year: 'year',
};
const vietnameseUnits: Record<string, ElapsedUnit> = {
  phút: 'minute',
  giờ: 'hour',
  tiếng: 'hour',
  ngày: 'day',
  đêm: 'day',
  tuần: 'week',
  tháng: 'month',
  năm: 'year',
};

/** How long a temporary change lasts: "for a day", "for 24 hours", "trong một tuần". */
export function findDuration(text: string, language: ScenarioLanguage): Found<Duration> | undefined {
  if (language === 'vi') {
    const match = text.match(
      /(?:trong(?:\s+vòng)?|suốt)\s+(\d+|một|hai|ba|bốn|năm|sáu|bảy|mười)\s+(phút|giờ|tiếng|ngày|đêm|tuần|tháng|năm)(?:\s+liền)?/i,
    );
    if (!match) return undefined;
    const amount = /^\d+$/.test(match[1]!) ? Number(match[1]) : vietnameseNumbers[match[1]!.toLowerCase()]!;
    return { value: { unit: vietnameseUnits[match[2]!.toLowerCase()]!, amount }, text: match[0] };
  }
  const match = text.match(
    /\bfor\s+(?:(?:a|an|one)\s+(?:single|whole|entire)\s+|(\d+|a|an|one|two|three|four|five|six|seven|ten|twelve|twenty-four|a single|a whole|an entire)\s+)?(minute|hour|day|night|week|month|year)s?\b/i,
  );
  if (!match) return undefined;
  const word = (match[1] ?? 'one').toLowerCase().replace(/^(a|an) /, '');
  const amount = /^\d+$/.test(word) ? Number(word) : (englishNumbers[word] ?? 1);
  return { value: { unit: englishUnits[match[2]!.toLowerCase()]!, amount }, text: match[0] };
}

/** An age the question names for a personal change: "at 20", "when I was 20", "năm 20 tuổi". */
export function findAge(text: string, language: ScenarioLanguage): Found<number> | undefined {
  const match =
    language === 'vi'
      ? text.match(/(?:(?:vào\s+)?(?:năm|lúc|khi|ở tuổi)\s+)?(\d{1,2})\s*tuổi/i)
      : text.match(/\b(?:at(?: the age of)?|aged|when (?:i|you) (?:was|were)|age)\s+(\d{1,2})\b/i);
  return match ? { value: Number(match[1]), text: match[0] } : undefined;
}

/** The text with a found expression taken out and the spaces tidied. */
export function without(text: string, found: { text: string } | undefined): string {
  if (!found) return text;
  return text
    .replace(found.text, ' ')
    .replace(/\s+([,.?!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
