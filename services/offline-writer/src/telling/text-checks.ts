import type { ScenarioLanguage } from '@what-if/contracts';

/**
 * Checks of the text itself, which the writer applies to every sentence before it keeps it
 * and the evaluation applies to every scenario: a sentence that says the same words twice,
 * or a scenario that says the same sentence twice, reads as a machine stuttering.
 */

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d“"(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

const stopwords: Record<ScenarioLanguage, ReadonlySet<string>> = {
  en: new Set<string>(
    'a an the of in on at to for and or but as by with from into is are was were be been it its their they them this that these those who which what when where how all every each one'.split(
      ' ',
    ),
  ),
  vi: new Set<string>(
    'và của là có được những các một cho với trong khi thì mà này đó ấy người không đã sẽ đang từ ra vào lại cũng như để nơi'.split(
      ' ',
    ),
  ),
};

function tokens(sentence: string): string[] {
  return sentence
    .toLocaleLowerCase()
    .replace(/[“”"'’(),.;:!?…—–-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * A phrase said twice inside one sentence ("in 1900 … in 1900", "the Moon … the Moon"): the
 * same year, or the same run of words (three in English, four syllables in Vietnamese) that
 * is not made only of small words.
 */
export function repeatedPhrase(sentence: string, language: ScenarioLanguage): string | undefined {
  const years: string[] = sentence.match(/\b\d{3,4}\b/g) ?? [];
  const year = years.find((value, index) => years.indexOf(value) !== index);
  if (year) return year;
  const words = tokens(sentence);
  const size = language === 'vi' ? 4 : 3;
  const seen = new Set<string>();
  for (let index = 0; index + size <= words.length; index += 1) {
    const gram = words.slice(index, index + size);
    if (gram.every((word) => stopwords[language].has(word))) continue;
    const key = gram.join(' ');
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

export function normalizedSentence(sentence: string): string {
  return tokens(sentence).join(' ');
}

/** The sentences said more than once across the texts. */
export function duplicateSentences(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const key = normalizedSentence(sentence);
      if (key.split(' ').length < 3) continue;
      if (seen.has(key)) duplicates.add(sentence);
      seen.add(key);
    }
  }
  return [...duplicates];
}

/** Words of a text that show careless assembly: empty slots, doubled words, "from in 509". */
export function assemblyFault(text: string): string | undefined {
  const patterns: RegExp[] = [
    /\{\w+\}/,
    /\bundefined\b|\bnull\b|\bNaN\b/,
    /\b(the|a|an|in|of|to|from|at)\s+\1\b/i,
    /\b(from|at|since|by)\s+(in|at|on)\s+\d/i,
    /(^|\s)(của|và|là|ở)\s+\2(\s|$)/i,
    /năm\s+năm\s+\d/i,
    /\s[,.;:]/,
    // A date cut out of its phrase: "since 1990" left as "since.", "từ năm 1990" as "từ.".
    /\s(?:since|từ|kể từ|the|của)[.,;:]/i,
    /[.,;:]{2,}/,
    / {2,}/,
  ];
  for (const pattern of patterns) {
    const match = text.match(pattern);
    if (match) return match[0];
  }
  return undefined;
}
