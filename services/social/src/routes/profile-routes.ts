import { authenticate, principalOf } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { pageBody, readPageQuery } from '../page-query';
import type { FollowItem } from '../store/follows';

/** The social side of a public profile: its counts, its followers and the accounts it follows. */
export function profileRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  router.get('/api/v1/social/users/:userId', anyone, async (req, res) => {
    const userId = String(req.params['userId']);
    const viewer = principalOf(res)?.userId;
    const counts = await deps.store.counts(userId);
    const relationship =
      viewer && viewer !== userId
        ? {
            following: await deps.store.isFollowing(viewer, userId),
            followedBy: await deps.store.isFollowing(userId, viewer),
            blocking: (await deps.store.blocksOf(viewer)).some((entry) => entry.blockedId === userId),
          }
        : null;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ userId, counts, relationship });
  });

  router.get('/api/v1/social/users/:userId/followers', anyone, async (req, res) => {
    const page = readPageQuery(req);
    const followers = await deps.store.followers(String(req.params['userId']), page.limit, page.after);
    res.setHeader('Cache-Control', 'no-store');
    res.json(pageBody(followers, (edge: FollowItem) => ({ userId: edge.followerId, since: edge.createdAt })));
  });

  router.get('/api/v1/social/users/:userId/following', anyone, async (req, res) => {
    const page = readPageQuery(req);
    const following = await deps.store.following(String(req.params['userId']), page.limit, page.after);
    res.setHeader('Cache-Control', 'no-store');
    res.json(pageBody(following, (edge: FollowItem) => ({ userId: edge.followeeId, since: edge.createdAt })));
  });

  router.get('/api/v1/social/users/:userId/following/:otherId', anyone, async (req, res) => {
    const follows = await deps.store.isFollowing(String(req.params['userId']), String(req.params['otherId']));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ follows });
  });

  return router;
}
