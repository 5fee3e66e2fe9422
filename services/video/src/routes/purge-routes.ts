import { purgeSenders } from '@what-if/catalog';
import { type PurgeInstruction, purgesPath } from '@what-if/contracts';
import { allowCallers } from '@what-if/kit';
import { Router } from 'express';
import type { VideoDependencies } from '../dependencies';
import { videoRemoval } from '../video-removal';

/** The videos a purge instruction reaches: an account's, or a scenario's. */
function videosOf(deps: VideoDependencies, instruction: PurgeInstruction): Promise<string[]> {
  switch (instruction.kind) {
    case 'account':
      return deps.store.ofOwner(instruction.subjectId);
    case 'scenario':
      return deps.store.ofScenario(instruction.subjectId);
    case 'share':
    case 'post':
      // Shares and posts are others'; no video derives from them.
      return Promise.resolve([]);
  }
}

/**
 * Durable deletion (docs/cross-service.md §2): the owner of a deleted account relays it here
 * until acknowledged; each of its videos is stopped if still being made, then its files and
 * its record go. A repeat finds nothing left and answers 204 too.
 */
export function purgeRoutes(deps: VideoDependencies): Router {
  const router = Router();
  const removal = videoRemoval(deps);

  router.post(purgesPath, allowCallers(deps.logger, ...purgeSenders('video')), async (req, res) => {
    const instruction = req.body as PurgeInstruction;
    let removed = 0;
    for (const videoId of await videosOf(deps, instruction)) {
      const record = await deps.store.read(videoId);
      // Gone meanwhile: the owner's own delete, or an earlier delivery of this instruction.
      if (!record) continue;
      await removal.remove(record);
      removed += 1;
    }
    deps.logger.info(
      { purgeId: instruction.id, kind: instruction.kind, origin: instruction.origin, videos: removed },
      'purge applied',
    );
    res.status(204).end();
  });

  return router;
}
