import { authenticate, requirePrincipal, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import type { HistoryDependencies } from '../dependencies';
import { deleteScenarioDurably } from '../scenario-deletion';
import type { SummaryChanges } from '../store/update-scenario';
import { userTags } from '../user-tags';

/** Enough for a "select all on this page" and a bit; each id costs a few store calls. */
export const maxBulkIds = 100;
/** Store calls in flight at once for one bulk request, so one request cannot flood the table. */
const bulkConcurrency = 8;

/** The request, as the contract (openapi.yaml, BulkRequest) has already checked its shape. */
interface BulkRequest {
  action: 'delete' | 'favorite' | 'unfavorite' | 'tag' | 'untag';
  ids: string[];
  tags?: string[];
}

export type BulkStatus = 'ok' | 'not_found' | 'too_many_tags';

/** The change each id gets (none for delete); tags only for tag and untag, which must have them. */
function changesFor(request: BulkRequest): SummaryChanges {
  const tagging = request.action === 'tag' || request.action === 'untag';
  if (tagging && !request.tags) {
    throw validationProblem([
      { path: '/body/tags', message: `is required for the ${request.action} action` },
    ]);
  }
  if (!tagging && request.tags) {
    throw validationProblem([{ path: '/body/tags', message: 'is only for the tag and untag actions' }]);
  }
  const tags = userTags(request.tags ?? [], '/body/tags');
  switch (request.action) {
    case 'delete':
      return {};
    case 'favorite':
      return { favorite: true };
    case 'unfavorite':
      return { favorite: false };
    case 'tag':
      return { addTags: tags };
    default:
      return { removeTags: tags };
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
    const request = req.body as BulkRequest;
    const changes = changesFor(request);
    const ids = [...new Set(request.ids)];
    const act = async (id: string): Promise<{ id: string; status: BulkStatus }> => {
      if (request.action === 'delete') {
        return { id, status: (await deleteScenarioDurably(deps, owner.userId, id)) ? 'ok' : 'not_found' };
      }
      const updated = await deps.store.update(owner.userId, id, changes);
      const status = { updated: 'ok', 'not-found': 'not_found', 'too-many-tags': 'too_many_tags' } as const;
      return { id, status: status[updated.outcome] };
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json({ results: await inBatches(ids, bulkConcurrency, act) });
  });

  return router;
}
