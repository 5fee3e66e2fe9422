/**
 * Folds text for search: lower case, accents and the Vietnamese đ removed, whitespace
 * collapsed, so "Việt Nam", "viet nam" and "VIET  NAM" all find one another.
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
