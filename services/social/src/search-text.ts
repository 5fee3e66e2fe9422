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
