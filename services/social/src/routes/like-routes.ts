import { HttpProblem, authenticate, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { visiblePost } from '../post-access';
import type { LikeTarget } from '../store/likes';

/** Likes of posts and comments: PUT likes, DELETE takes it back; both idempotent. */
export function likeRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  /** The target and whose it is (who receives the like), or the 404 of anything unseen. */
  async function resolve(
    postId: string,
    commentId: string | undefined,
    res: Parameters<typeof requirePrincipal>[0],
  ) {
    const post = await visiblePost(deps, postId, requirePrincipal(res));
    if (!commentId) {
      // Likes earn points per scenario, so a post deleted and published again starts nothing anew.
      const counted = `scenario:${post.scenario.id}`;
      return { target: { kind: 'post', postId } as LikeTarget, authorId: post.authorId, counted };
    }
    const comment = await deps.store.comment(postId, commentId);
    if (!comment?.authorId) {
      throw new HttpProblem(
        404,
        `The post ${postId} has no comment with the id ${commentId} that you can like.`,
      );
    }
    return {
      target: { kind: 'comment', postId, commentId } as LikeTarget,
      authorId: comment.authorId,
      counted: `comment:${commentId}`,
    };
  }

  async function answer(target: LikeTarget, userId: string, res: Parameters<typeof requirePrincipal>[0]) {
    const [liked, likes] = await Promise.all([
      deps.store.likes(target, userId),
      deps.store.likeCount(target),
    ]);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ liked, likes });
  }

  for (const path of [
    '/api/v1/social/posts/:postId/like',
    '/api/v1/social/posts/:postId/comments/:commentId/like',
  ]) {
    router.put(path, signedIn, async (req, res) => {
      const me = requirePrincipal(res).userId;
      const commentId = req.params['commentId'] ? String(req.params['commentId']) : undefined;
      const { target, authorId, counted } = await resolve(String(req.params['postId']), commentId, res);
      if (await deps.store.like(target, authorId, me)) {
        const firstTime = await deps.engagement.record({
          kind: 'like-received',
          userId: authorId,
          likerId: me,
          target: counted,
        });
        // A like taken back and given again tells nobody twice.
        if (firstTime)
          await deps.notifier.notify({
            recipientId: authorId,
            type: 'like',
            groupKey: commentId ? `like#comment#${commentId}` : `like#post#${target.postId}`,
            actorId: me,
            subject: { postId: target.postId, ...(commentId ? { commentId } : {}) },
          });
      }
      await answer(target, me, res);
    });
    router.delete(path, signedIn, async (req, res) => {
      const me = requirePrincipal(res).userId;
      const commentId = req.params['commentId'] ? String(req.params['commentId']) : undefined;
      const { target, authorId } = await resolve(String(req.params['postId']), commentId, res);
      await deps.store.unlike(target, authorId, me);
      await answer(target, me, res);
    });
  }

  return router;
}
