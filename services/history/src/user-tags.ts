import { validationProblem } from '@what-if/kit';
import { z } from 'zod';

/** A user's tag in a query string: trimmed and lower-cased, so "Rome " and "rome" are one tag. */
export const userTagSchema = z.string().trim().toLowerCase().min(1).max(40);

/**
 * A user's tags as a request body sends them, whose count and lengths the contract has checked:
 * trimmed and lower-cased, duplicates once. A tag of spaces only is refused, naming where it is.
 */
export function userTags(sent: readonly string[], path: string): string[] {
  const tags = sent.map((tag) => tag.trim().toLowerCase());
  const blank = tags.findIndex((tag) => tag === '');
  if (blank !== -1) throw validationProblem([{ path: `${path}/${blank}`, message: 'must not be blank' }]);
  return [...new Set(tags)];
}
