import { validationProblem } from '@what-if/kit';
import { chronologicalKeyPattern } from './store/keys';

/**
 * Cursors are opaque to clients: base64url of a versioned position. A position is only a place
 * in a list ordered by time and id, never a permission, so it needs no signature: an altered
 * one can only start a list at another place the caller could have paged to anyway.
 */
const version = 1;

export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ v: version, after }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { v, after } = (decoded ?? {}) as { v?: unknown; after?: unknown };
  if (v !== version || typeof after !== 'string' || !chronologicalKeyPattern.test(after)) {
    throw validationProblem([
      {
        path: '/query/cursor',
        message: 'is not a cursor this API handed out; start again from the first page',
      },
    ]);
  }
  return after;
}
