import { presentYear, type TimePoint } from './analysis';

/** A moment read back from a timeline label, with what a myth's years count from when it says. */
export interface ParsedMoment {
  point: TimePoint;
  epoch?: string;
}

const toNumber = (text: string) => Number(text.replace(/[.\s](?=\d{3}\b)/g, '').replace(',', '.'));

/**
 * Reads the labels this provider writes, in either language, and falls back on any year in
 * the text, so a continuation can pick up from a timeline a remote provider wrote.
 */
export function parseMoment(label: string): ParsedMoment | undefined {
  const text = label.trim();
  let match: RegExpMatchArray | null;
  if (/^(today|ngày nay)$/i.test(text)) return { point: { scale: 'year', year: presentYear } };
  if ((match = text.match(/^([\d.,\s]+)\s*(million|triệu)/i)))
    return { point: { scale: 'deep', yearsAgo: Math.round(toNumber(match[1]!) * 1_000_000) } };
  if ((match = text.match(/^([\d.,\s]+)\s*(thousand|nghìn)/i)))
    return { point: { scale: 'deep', yearsAgo: Math.round(toNumber(match[1]!) * 1000) } };
  if ((match = text.match(/^(?:age\s+(\d{1,3})|năm\s+(\d{1,3})\s+tuổi)$/i)))
    return { point: { scale: 'age', age: Number(match[1] ?? match[2]) } };
  if ((match = text.match(/^(?:year\s+(\d+)\s+after\s+(.+)|năm thứ\s+(\d+)\s+sau\s+(.+))$/i)))
    return { point: { scale: 'epoch', year: Number(match[1] ?? match[3]) }, epoch: match[2] ?? match[4] };
  if ((match = text.match(/^(?:generation\s+(\d+)|thế hệ thứ\s+(\d+))$/i)))
    return { point: { scale: 'generation', generation: Number(match[1] ?? match[2]) } };
  if ((match = text.match(/(\d{1,4})\s*(?:bc|bce|tcn)\b/i)))
    return { point: { scale: 'year', year: -Number(match[1]) } };
  if ((match = text.match(/\b(\d{1,4})\b/))) return { point: { scale: 'year', year: Number(match[1]) } };
  return undefined;
}
