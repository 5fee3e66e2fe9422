import {
  HttpProblem,
  authenticate,
  logSecurityEvent,
  requirePrincipal,
  validationProblem,
} from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { readPageQuery } from '../page-query';
import { presentAccounts } from '../presenters';
import type { BlockItem } from '../store/blocks';

function notYourself(action: string): never {
  throw validationProblem([
    { path: '/path/userId', message: `must be someone other than you: you cannot ${action} yourself` },
  ]);
}

/** The caller's follows and blocks. Every write is idempotent and answers 204. */
export function followRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  router.put('/api/v1/social/following/:userId', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const target = String(req.params['userId']);
    if (target === me) notYourself('follow');
    const refuse = () => {
      logSecurityEvent(deps.logger, 'authorization', 'denied', {
        userId: me,
        reason: 'follow across a block',
        path: req.path,
      });
      return new HttpProblem(403, 'You cannot follow this account.', { type: 'blocked' });
    };
    if (await deps.store.blockedEitherWay(me, target)) throw refuse();
    const followed = await deps.store.follow(me, target);
    // A block written while the edge was: the block wins, whichever landed first.
    if (await deps.store.blockedEitherWay(me, target)) {
      await deps.store.unfollow(me, target);
      throw refuse();
    }
    if (followed) {
      const firstTime = await deps.engagement.record({
        kind: 'follower-gained',
        userId: target,
        followerId: me,
      });
      // Following again after unfollowing tells nobody twice.
      if (firstTime)
        await deps.notifier.notify({
          recipientId: target,
          type: 'follow',
          groupKey: 'follow',
          actorId: me,
          subject: {},
        });
    }
    res.status(204).end();
  });

  router.delete('/api/v1/social/following/:userId', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    await deps.store.unfollow(me, String(req.params['userId']));
    res.status(204).end();
  });

  router.get('/api/v1/social/blocks', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const page = readPageQuery(req);
    const blocks = await deps.store.listBlocks(me, page.limit, page.after);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await presentAccounts(deps, {
        items: blocks.items.map((entry: BlockItem) => ({ userId: entry.blockedId, since: entry.createdAt })),
        ...(blocks.after ? { after: blocks.after } : {}),
      }),
    );
  });

  router.put('/api/v1/social/blocks/:userId', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const target = String(req.params['userId']);
    if (target === me) notYourself('block');
    await deps.store.block(me, target);
    // The block first, then the follows both ways: a follow racing it sees the block and undoes itself.
    await deps.store.unfollow(me, target);
    await deps.store.unfollow(target, me);
    res.status(204).end();
  });

  router.delete('/api/v1/social/blocks/:userId', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    await deps.store.unblock(me, String(req.params['userId']));
    res.status(204).end();
  });

  return router;
}
