import { purgeSenders } from '@what-if/catalog';
import { type PurgeInstruction, purgesPath } from '@what-if/contracts';
import { allowCallers } from '@what-if/kit';
import { Router } from 'express';
import { purgeAccount } from '../account-purge';
import type { SocialDependencies } from '../dependencies';

/**
 * Durable deletion (docs/cross-service.md §2): the owner of a deleted account relays it here
 * until acknowledged. Other kinds derive nothing here yet and are acknowledged as they are.
 * A repeat finds nothing left and answers 204 too.
 */
export function purgeRoutes(deps: SocialDependencies): Router {
  const router = Router();

  router.post(purgesPath, allowCallers(deps.logger, ...purgeSenders('social')), async (req, res) => {
    const instruction = req.body as PurgeInstruction;
    const removed =
      instruction.kind === 'account' ? await purgeAccount(deps.store, instruction.subjectId) : undefined;
    deps.logger.info(
      { purgeId: instruction.id, kind: instruction.kind, origin: instruction.origin, ...(removed ?? {}) },
      'purge applied',
    );
    res.status(204).end();
  });

  return router;
}
