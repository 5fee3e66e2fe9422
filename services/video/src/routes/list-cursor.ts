import { validationProblem } from '@what-if/kit';
import { chronologicalKeyPattern } from '../store/keys';

/**
 * List cursors carry a position in the caller's own list and nothing else: the query always
 * reads the caller's partition, so a cursor altered or taken from another user can only move
 * the caller within their own videos. Its format is still checked, so junk is a clear 400.
 */
export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  let after: unknown;
  try {
    ({ after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown });
  } catch {
    after = undefined;
  }
  if (typeof after !== 'string' || !chronologicalKeyPattern.test(after)) {
    throw validationProblem([
      {
        path: '/query/cursor',
        message: 'is not a cursor this API handed out; start again from the first page',
      },
    ]);
  }
  return after;
}
