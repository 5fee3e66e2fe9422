import { purgeSenders } from '@what-if/catalog';
import { type PurgeInstruction, purgesPath } from '@what-if/contracts';
import { allowCallers } from '@what-if/kit';
import { Router } from 'express';
import { purgeAccount } from '../account-purge';
import type { SocialDependencies } from '../dependencies';

/** What an instruction removes here, by kind, for the log line. */
async function purge(deps: SocialDependencies, instruction: PurgeInstruction): Promise<object> {
  switch (instruction.kind) {
    case 'account':
      return purgeAccount(deps.store, instruction.subjectId);
    case 'scenario':
      // Its post (with comments, likes, tags and cases), whoever published it, and its own case;
      // the shares and views trending counted for it.
      return {
        post: (await deps.store.purgeScenarioPost(instruction.subjectId)) ?? null,
        shareSignals: await deps.store.forgetScenarioSignals(instruction.subjectId),
      };
    case 'share':
      // Sharing's share: the reports and the case social holds about it, and its views in trending.
      return {
        case: await deps.store.forgetCase('share', instruction.subjectId),
        shareSignals: await deps.store.forgetShareSignals(instruction.subjectId),
      };
    case 'post':
      // Social's own, applied by its relay; the catalog lists no sender of it here.
      return deps.store.purgePost(instruction.subjectId, instruction.ownerId);
  }
}

/**
 * Durable deletion (docs/cross-service.md §2): the owners of deleted accounts (user), scenarios
 * (history) and shares (sharing) relay them here until acknowledged. A repeat finds nothing
 * left and answers 204 too.
 */
export function purgeRoutes(deps: SocialDependencies): Router {
  const router = Router();

  router.post(purgesPath, allowCallers(deps.logger, ...purgeSenders('social')), async (req, res) => {
    const instruction = req.body as PurgeInstruction;
    const removed = {
      ...(await purge(deps, instruction)),
      ...(instruction.kind === 'account'
        ? {
            // Its notifications, and its part in everyone else's.
            notifications: await deps.notificationStore.forgetAccount(instruction.subjectId),
            // Points, streak, achievements and leaderboard entries: one partition of its own.
            experienceItems: await deps.engagementStore.forgetExperience(instruction.subjectId),
          }
        : {}),
    };
    deps.logger.info(
      { purgeId: instruction.id, kind: instruction.kind, origin: instruction.origin, removed },
      'purge applied',
    );
    res.status(204).end();
  });

  return router;
}
