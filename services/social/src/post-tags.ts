import { validationProblem } from '@what-if/kit';
import { foldForSearch } from './search-text';

export const maxTagsPerPost = 10;
/** A tag as stored and searched: folded (no case, no accents), words joined by hyphens. */
export const tagPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Folds the tags a client sent ("Lịch sử" becomes "lich-su"), refusing ones nothing is left of. */
export function normalizeTags(tags: readonly string[], location: string): string[] {
  const folded = tags.map((tag) => foldForSearch(tag).replace(/[\s_]+/g, '-'));
  const errors = folded.flatMap((tag, index) =>
    tagPattern.test(tag)
      ? []
      : [
          {
            path: `${location}/${index}`,
            message: 'must be letters and digits, words separated by spaces or hyphens',
          },
        ],
  );
  if (errors.length > 0) throw validationProblem(errors);
  const unique = [...new Set(folded)];
  if (unique.length > maxTagsPerPost) {
    throw validationProblem([
      { path: location, message: `must hold at most ${maxTagsPerPost} different tags` },
    ]);
  }
  return unique;
}

/** One tag from a path, folded the same way; an unusable one is a 400. */
export function normalizeTag(tag: string, location: string): string {
  const folded = foldForSearch(tag).replace(/[\s_]+/g, '-');
  if (!tagPattern.test(folded)) {
    throw validationProblem([
      { path: location, message: 'must be letters and digits, words separated by spaces or hyphens' },
    ]);
  }
  return folded;
}
