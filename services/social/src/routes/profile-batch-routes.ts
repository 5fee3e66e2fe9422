import { authenticate } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';

/** The most accounts one batch read names (a page of notifications or of the leaderboard). */
export const profileBatchLimit = 50;

/**
 * Several accounts' names at once, for a client that holds only their ids (notifications, the
 * leaderboard): one batched, cached lookup in the user service instead of one profile read per
 * member. The contract (openapi.yaml) has already split `ids` on its commas and checked each.
 */
export function profileBatchRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  router.get('/api/v1/social/profiles', anyone, async (req, res) => {
    const raw = req.query['ids'];
    const ids = [...new Set((Array.isArray(raw) ? raw : [raw]).map(String))];
    const profiles = await deps.profiles.byIds(ids);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: ids.map((id) => {
        const profile = profiles.get(id);
        return {
          id,
          username: profile?.username ?? null,
          displayName: profile?.displayName ?? null,
          avatarUrl: profile?.avatarUrl ?? null,
        };
      }),
    });
  });

  return router;
}
