import { HttpProblem, authenticate, principalOf } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { levelFor } from '../engagement/levels';
import { readPageQuery } from '../page-query';
import { presentAccounts } from '../presenters';
import type { PublicProfile } from '../profile-directory';
import type { FollowItem } from '../store/follows';

/** The social side of a public profile: its counts, its followers and the accounts it follows. */
export function profileRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  /** A public profile: the user service's fields, social's counts, how the viewer relates to it. */
  async function profileBody(userId: string, profile: PublicProfile | undefined, viewer: string | undefined) {
    const [counts, stats, relationship] = await Promise.all([
      deps.store.counts(userId),
      deps.engagementStore.stats(userId),
      viewer && viewer !== userId
        ? Promise.all([
            deps.store.isFollowing(viewer, userId),
            deps.store.isFollowing(userId, viewer),
            deps.store.isBlocking(viewer, userId),
          ]).then(([following, followedBy, blocking]) => ({ following, followedBy, blocking }))
        : Promise.resolve(null),
    ]);
    return {
      userId,
      profile: profile
        ? {
            username: profile.username,
            displayName: profile.displayName,
            bio: profile.bio,
            avatarUrl: profile.avatarUrl,
            joinedAt: profile.joinedAt,
          }
        : null,
      counts,
      level: levelFor(stats.points).level,
      relationship,
    };
  }

  router.get('/api/v1/social/users/:userId', anyone, async (req, res) => {
    const userId = String(req.params['userId']);
    const profile = (await deps.profiles.byIds([userId])).get(userId);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await profileBody(userId, profile, principalOf(res)?.userId));
  });

  router.get('/api/v1/social/profiles/:username', anyone, async (req, res) => {
    const username = String(req.params['username']);
    const profile = await deps.profiles.byUsername(username);
    if (!profile) {
      throw new HttpProblem(404, `No one has the username ${username}.`, {
        type: 'profile-not-found',
        title: 'Profile not found',
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await profileBody(profile.id, profile, principalOf(res)?.userId));
  });

  router.get('/api/v1/social/users/:userId/followers', anyone, async (req, res) => {
    const page = readPageQuery(req);
    const followers = await deps.store.followers(String(req.params['userId']), page.limit, page.after);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await presentAccounts(deps, {
        items: followers.items.map((edge: FollowItem) => ({
          userId: edge.followerId,
          since: edge.createdAt,
        })),
        ...(followers.after ? { after: followers.after } : {}),
      }),
    );
  });

  router.get('/api/v1/social/users/:userId/following', anyone, async (req, res) => {
    const page = readPageQuery(req);
    const following = await deps.store.following(String(req.params['userId']), page.limit, page.after);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await presentAccounts(deps, {
        items: following.items.map((edge: FollowItem) => ({
          userId: edge.followeeId,
          since: edge.createdAt,
        })),
        ...(following.after ? { after: following.after } : {}),
      }),
    );
  });

  router.get('/api/v1/social/users/:userId/following/:otherId', anyone, async (req, res) => {
    const follows = await deps.store.isFollowing(String(req.params['userId']), String(req.params['otherId']));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ follows });
  });

  return router;
}
