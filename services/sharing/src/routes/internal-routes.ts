import type { ModerationAction } from '@what-if/contracts';
import { HttpProblem } from '@what-if/kit';
import { Router } from 'express';
import type { SharingDependencies } from '../dependencies';

/**
 * Social's decisions about shares (docs/cross-service.md §3), sent through its outbox: safe to
 * repeat, and a decision older than the one applied changes nothing. A share that no longer
 * exists has nothing to hide: 204 as well, so the sender stops retrying.
 */
export function internalRoutes(deps: SharingDependencies): Router {
  const router = Router();

  router.post('/internal/v1/moderation-actions', async (req, res) => {
    const action = req.body as ModerationAction;
    if (action.target.kind !== 'share') {
      throw new HttpProblem(422, `The sharing service holds shares only, not a ${action.target.kind}.`, {
        type: 'unprocessable',
      });
    }
    const outcome = await deps.store.applyModeration(action.target.id, action);
    deps.metrics.moderationActions.inc({ action: action.action, outcome });
    deps.logger.info(
      { moderationActionId: action.id, slug: action.target.id, action: action.action, outcome },
      'moderation action',
    );
    res.status(204).end();
  });

  return router;
}
