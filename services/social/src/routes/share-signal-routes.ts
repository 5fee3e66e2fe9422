import { shareSignalsSchema } from '@what-if/contracts';
import { allowCallers, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';

/**
 * Sharing's shares and views of a scenario, for trending (README, Trending): each share's whole
 * state, sent by sharing's outbox whenever it changed. Kept only when newer than the snapshot
 * held, refused for a share already purged; 204 either way, so a repeat is harmless.
 */
export function shareSignalRoutes(deps: SocialDependencies): Router {
  const router = Router();

  router.put('/internal/v1/share-signals/:slug', allowCallers(deps.logger, 'sharing'), async (req, res) => {
    const parsed = shareSignalsSchema.safeParse(req.body);
    if (!parsed.success) {
      throw validationProblem(
        parsed.error.issues.map((issue) => ({
          path: ['/body', ...issue.path.map(String)].join('/'),
          message: issue.message,
        })),
      );
    }
    if (parsed.data.slug !== req.params['slug']) {
      throw validationProblem([{ path: '/body/slug', message: 'must be the slug the address names' }]);
    }
    const outcome = await deps.store.applyShareSignals(parsed.data);
    deps.logger.debug({ slug: parsed.data.slug, version: parsed.data.version, outcome }, 'share signals');
    res.status(204).end();
  });

  return router;
}
