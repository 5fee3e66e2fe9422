import { HttpProblem, authenticate, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import { readCursor, signCursor } from '../cursor';
import type { HistoryDependencies } from '../dependencies';
import { deleteScenarioDurably } from '../scenario-deletion';
import { userTags } from '../user-tags';
import { readListQuery } from './list-query';

/** The PATCH body, as the contract (openapi.yaml, ScenarioChanges) has already checked it. */
interface ScenarioChanges {
  favorite?: boolean;
  tags?: string[];
  rating?: number | null;
}

/** Missing and someone else's answer alike, so ids cannot be probed for existence. */
function notFound(id: string): HttpProblem {
  return new HttpProblem(404, `You have no saved scenario with the id ${id}.`);
}

/** The caller's own history: list, read, change, delete. */
export function scenarioRoutes(deps: HistoryDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  router.get('/api/v1/scenarios', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const query = readListQuery(req);
    const binding = { ownerId: owner.userId, filters: query.filters };
    const key = await deps.cursorKey();
    const after = query.cursor ? readCursor(key, query.cursor, binding) : undefined;
    const page = await deps.store.list({
      ownerId: owner.userId,
      limit: query.limit,
      filters: query.filters,
      ...(after ? { after } : {}),
    });
    deps.metrics.listReads.observe({ filtered: String(page.filtered) }, page.summariesRead);
    if (page.cutShort) deps.metrics.listsCutShort.inc();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items: page.items, nextCursor: page.after ? signCursor(key, page.after, binding) : null });
  });

  router.get('/api/v1/scenarios/:id', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const id = String(req.params['id']);
    const saved = await deps.store.read(owner.userId, id);
    if (!saved) throw notFound(id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(saved);
  });

  router.patch('/api/v1/scenarios/:id', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const id = String(req.params['id']);
    const sent = req.body as ScenarioChanges;
    const changes = sent.tags ? { ...sent, tags: userTags(sent.tags, '/body/tags') } : sent;
    // Tags here replace the old ones, so the only way this fails is a scenario that is not the caller's.
    const updated = await deps.store.update(owner.userId, id, changes);
    if (updated.outcome !== 'updated') throw notFound(id);
    const saved = await deps.store.read(owner.userId, id);
    if (!saved) throw notFound(id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(saved);
  });

  router.delete('/api/v1/scenarios/:id', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    const id = String(req.params['id']);
    if (!(await deleteScenarioDurably(deps, owner.userId, id))) throw notFound(id);
    res.status(204).end();
  });

  return router;
}
