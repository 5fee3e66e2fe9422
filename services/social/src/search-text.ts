/**
 * Folds text for search and tags: lower case, accents and the Vietnamese đ removed, whitespace
 * collapsed, so "Lịch sử", "lich su" and "LICH  SU" are one.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words too common to find anything by (every question starts "What if…", "Nếu…"): neither
 * indexed nor searched for. Folded, as the text they are compared with.
 */
const commonWords = new Set([
  // English
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'had',
  'has',
  'have',
  'if',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'were',
  'what',
  'with',
  'would',
  // Vietnamese (folded): if, then, of, is, and, the plural markers, what, will, happen
  'neu',
  'thi',
  'cua',
  'la',
  'va',
  'nhung',
  'cac',
  'gi',
  'se',
  'xay',
  'ra',
  'mot',
  'co',
  'khong',
  'duoc',
]);

/** The longest word indexed; longer ones are cut (nobody types more to find a post). */
const maxWordLength = 40;
/** The most words one post is indexed under. */
export const maxIndexedWords = 100;

/**
 * The words a text is indexed and searched by: folded (no case, no accents, đ as d), split at
 * anything that is not a letter or digit, at least two characters, common words left out,
 * each once, in order of first appearance.
 */
export function searchTokens(text: string): string[] {
  const words = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !commonWords.has(word))
    .map((word) => word.slice(0, maxWordLength));
  return [...new Set(words)].slice(0, maxIndexedWords);
}
