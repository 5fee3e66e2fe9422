import { type HttpProblem, validationProblem } from '@what-if/kit';

/**
 * Cursors are opaque to clients (base64url JSON), so the paging scheme behind them can
 * change without breaking anyone; a cursor that does not decode is a 400, not a first page.
 */
function decode(cursor: unknown): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // Falls through to the problem below.
  }
  throw badCursor();
}

function badCursor(): HttpProblem {
  return validationProblem([{ path: '/query/cursor', message: 'is not one this API handed out' }]);
}

function encode(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** For short lists read whole (a user's sessions): the position in the sorted list. */
export function encodeOffsetCursor(offset: number): string {
  return encode({ offset });
}

export function decodeOffsetCursor(cursor: unknown): number {
  const value = decode(cursor);
  if (!value) return 0;
  const offset = value['offset'];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badCursor();
  return offset;
}

/** Keyset position for newest-first lists: the last row's creation time and id. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

export function encodeKeysetCursor(position: KeysetPosition): string {
  return encode({ createdAt: position.createdAt, id: position.id });
}

export function decodeKeysetCursor(cursor: unknown): KeysetPosition | undefined {
  const value = decode(cursor);
  if (!value) return undefined;
  const { createdAt, id } = value;
  if (
    typeof createdAt !== 'string' ||
    Number.isNaN(Date.parse(createdAt)) ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(id)
  ) {
    throw badCursor();
  }
  return { createdAt, id };
}
