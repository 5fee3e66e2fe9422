import type { ScenarioLanguage } from '@what-if/contracts';
import type { TimePoint } from './facts';

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

/** A century is told by its middle: "the 16th century" is a story of the 1550s. */
const centuryToYear = (century: number, beforeCommonEra: boolean) =>
  beforeCommonEra ? -(century * 100 - 50) : century * 100 - 50;

function yearScaleEnglish(text: string): TimePoint | undefined {
  const millions = text.match(/\b(\d+(?:\.\d+)?)\s*million years ago\b/i);
  if (millions) return { scale: 'deep', yearsAgo: Math.round(Number(millions[1]) * 1_000_000) };
  const century = text.match(/\b(\d{1,2})(?:st|nd|rd|th)[ -]century(\s*(?:bc|bce))?/i);
  if (century) return { scale: 'year', year: centuryToYear(Number(century[1]), Boolean(century[2])) };
  const beforeCommonEra = text.match(/\b(\d{1,4})\s*(?:bc|bce)\b/i);
  if (beforeCommonEra) return { scale: 'year', year: -Number(beforeCommonEra[1]) };
  const commonEra = text.match(/\b(?:(?:ad|ce)\s*(\d{1,4})|(\d{1,4})\s*(?:ad|ce))\b/i);
  if (commonEra) return { scale: 'year', year: Number(commonEra[1] ?? commonEra[2]) };
  const decade = text.match(/\b(1\d|20)(\d)0s\b/);
  if (decade) return { scale: 'year', year: Number(`${decade[1]}${decade[2]}0`) };
  const year = text.match(/\b(1\d{3}|20\d{2})\b/);
  if (year) return { scale: 'year', year: Number(year[1]) };
  return undefined;
}

function yearScaleVietnamese(text: string): TimePoint | undefined {
  const millions = text.match(/(\d+(?:[.,]\d+)?)\s*triệu năm trước/i);
  if (millions)
    return { scale: 'deep', yearsAgo: Math.round(Number(millions[1]!.replace(',', '.')) * 1_000_000) };
  const century = text.match(/thế kỷ\s*(\d{1,2}|[IVXLC]+)\b(\s*(?:trước công nguyên|tcn))?/i);
  if (century) {
    const value = /^\d+$/.test(century[1]!) ? Number(century[1]) : fromRoman(century[1]!);
    return { scale: 'year', year: centuryToYear(value, Boolean(century[2])) };
  }
  const beforeCommonEra = text.match(/(?:năm\s*)?(\d{1,4})\s*(?:trước công nguyên|tcn)/i);
  if (beforeCommonEra) return { scale: 'year', year: -Number(beforeCommonEra[1]) };
  const decade = text.match(/những năm\s*(1\d|20)(\d)0\b/i);
  if (decade) return { scale: 'year', year: Number(`${decade[1]}${decade[2]}0`) };
  const year = text.match(/năm\s*(\d{3,4})\b/i) ?? text.match(/\b(1\d{3}|20\d{2})\b/);
  if (year) return { scale: 'year', year: Number(year[1]) };
  return undefined;
}

/** An age the question names for a personal change: "at 20", "when I was 20", "năm 20 tuổi". */
export function extractAge(question: string, language: ScenarioLanguage): number | undefined {
  const match =
    language === 'vi'
      ? question.match(/(\d{1,2})\s*tuổi/i)
      : question.match(/\b(?:at(?: the age of)?|aged|when i was|age)\s+(\d{1,2})\b/i);
  return match ? Number(match[1]) : undefined;
}

/** The date the question names itself, if it names one: a year, a decade, a century, an era. */
export function extractEra(question: string, language: ScenarioLanguage): TimePoint | undefined {
  return language === 'vi'
    ? (yearScaleVietnamese(question) ?? yearScaleEnglish(question))
    : yearScaleEnglish(question);
}
