import type { Request } from 'express';
import { decodeCursor, encodeCursor } from './cursor';

export const pageLimits = { min: 1, max: 50, default: 20 } as const;

export interface PageQuery {
  limit: number;
  after?: string;
}

/** `limit` and `cursor` from the query string; the contract validator has checked their shape. */
export function readPageQuery(req: Request): PageQuery {
  const { limit, cursor } = req.query as { limit?: string | number; cursor?: string };
  const size = limit === undefined ? pageLimits.default : Number(limit);
  return { limit: size, ...(cursor ? { after: decodeCursor(cursor) } : {}) };
}

/** A page as every list answers it: the items and the cursor of the next page, null on the last. */
export function pageBody<Item, View>(page: { items: Item[]; after?: string }, view: (item: Item) => View) {
  return { items: page.items.map(view), nextCursor: page.after ? encodeCursor(page.after) : null };
}
