import { createHmac, timingSafeEqual } from 'node:crypto';
import { validationProblem } from '@what-if/kit';
import { chronologicalKeyPattern } from './store/keys';
import type { ListFilters } from './store/list-scenarios';

/** Whose list and which query a cursor continues; it is valid for nothing else. */
export interface CursorBinding {
  ownerId: string;
  filters: ListFilters;
}

const version = 'v1';

/**
 * The MAC covers the position and, without carrying them, the caller and the filters: a
 * cursor replayed by another user or with other filters fails verification like a forged
 * one. Limits are not bound, so a client may change its page size between pages.
 */
function signature(key: Buffer, payload: string, binding: CursorBinding): Buffer {
  const { tag, favorite, category, q, language } = binding.filters;
  const query = JSON.stringify([
    tag ?? null,
    favorite ?? null,
    category ?? null,
    q ?? null,
    language ?? null,
  ]);
  return createHmac('sha256', key)
    .update(`history-cursor:${version}\n${binding.ownerId}\n${query}\n${payload}`)
    .digest();
}

/** An opaque, tamper-evident cursor: base64url(JSON position) "." base64url(HMAC-SHA256). */
export function signCursor(key: Buffer, after: string, binding: CursorBinding): string {
  const payload = Buffer.from(JSON.stringify({ v: version, after }), 'utf8').toString('base64url');
  return `${payload}.${signature(key, payload, binding).toString('base64url')}`;
}

function invalidCursor(): never {
  throw validationProblem([
    {
      path: '/query/cursor',
      message: 'is not a cursor this API handed out to you for this query; start again from the first page',
    },
  ]);
}

/** The position a cursor holds; a 400 problem for anything forged, altered, replayed or malformed. */
export function readCursor(key: Buffer, cursor: string, binding: CursorBinding): string {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(cursor);
  if (!match) invalidCursor();
  const [, payload = '', mac = ''] = match;
  const expected = signature(key, payload, binding);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) invalidCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return invalidCursor();
  }
  const { v, after } = (decoded ?? {}) as { v?: unknown; after?: unknown };
  if (v !== version || typeof after !== 'string' || !chronologicalKeyPattern.test(after)) invalidCursor();
  return after;
}
