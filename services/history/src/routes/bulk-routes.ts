import { authenticate, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import { z } from 'zod';
import type { HistoryDependencies } from '../dependencies';
import { parseInput } from '../request-validation';
import type { SummaryChanges } from '../store/update-scenario';
import { userTagListSchema } from '../user-tags';

/** Enough for a "select all on this page" and a bit; each id costs a few store calls. */
export const maxBulkIds = 100;
/** Store calls in flight at once for one bulk request, so one request cannot flood the table. */
const bulkConcurrency = 8;

const bulkSchema = z
  .object({
    action: z.enum(['delete', 'favorite', 'unfavorite', 'tag', 'untag']),
    ids: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(maxBulkIds)
      .transform((ids) => [...new Set(ids)]),
    tags: userTagListSchema.pipe(z.array(z.string()).min(1)).optional(),
  })
  .strict()
  .superRefine((request, context) => {
    const tagging = request.action === 'tag' || request.action === 'untag';
    if (tagging && !request.tags) {
      context.addIssue({
        code: 'custom',
        path: ['tags'],
        message: `is required for the ${request.action} action`,
      });
    }
    if (!tagging && request.tags) {
      context.addIssue({ code: 'custom', path: ['tags'], message: 'is only for the tag and untag actions' });
    }
  });
type BulkRequest = z.output<typeof bulkSchema>;

export type BulkStatus = 'ok' | 'not_found' | 'too_many_tags';

function changesFor(request: BulkRequest): SummaryChanges {
  switch (request.action) {
    case 'favorite':
      return { favorite: true };
    case 'unfavorite':
      return { favorite: false };
    case 'tag':
      return { addTags: request.tags ?? [] };
    default:
      return { removeTags: request.tags ?? [] };
  }
}

async function inBatches<Item, Result>(
  items: readonly Item[],
  size: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

/**
 * One action over many of the caller's scenarios, each id answered on its own: a missing
 * id or someone else's is `not_found` (the same, so nothing leaks) and never stops the rest.
 */
export function bulkRoutes(deps: HistoryDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  router.post('/api/v1/scenarios/bulk', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const request = parseInput(bulkSchema, req.body, '/body');
    const act = async (id: string): Promise<{ id: string; status: BulkStatus }> => {
      if (request.action === 'delete') {
        return { id, status: (await deps.store.delete(owner.userId, id)) ? 'ok' : 'not_found' };
      }
      const updated = await deps.store.update(owner.userId, id, changesFor(request));
      const status = { updated: 'ok', 'not-found': 'not_found', 'too-many-tags': 'too_many_tags' } as const;
      return { id, status: status[updated.outcome] };
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json({ results: await inBatches(request.ids, bulkConcurrency, act) });
  });

  return router;
}
