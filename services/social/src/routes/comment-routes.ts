import { randomUUID } from 'node:crypto';
import { HttpProblem, authenticate, principalOf, requirePrincipal, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { notifyMentions, resolveMentions } from '../mentions/mentions';
import { encodeCursor } from '../cursor';
import { readPageQuery } from '../page-query';
import { visiblePost } from '../post-access';
import { presentComments } from '../presenters';
import type { CommentItem } from '../store/comments';
import type { PostItem } from '../store/post-records';

/** How many comments one user may write per minute, across every post. */
export const commentsPerMinute = 10;
/** How many of each top-level comment's replies come with a page of comments. */
const firstRepliesShown = 3;

interface CommentBody {
  body: string;
  parentId?: string;
}

function commentText(body: string): string {
  const text = body.trim();
  if (text === '') throw validationProblem([{ path: '/body/body', message: 'must not be blank' }]);
  return text;
}

/**
 * A reply tells the author of the comment it answers; any comment tells the post's author
 * (once: a reply to the author's own comment is a reply, not also a comment).
 */
async function notifyOfComment(
  deps: SocialDependencies,
  post: PostItem,
  comment: CommentItem,
): Promise<void> {
  const actorId = comment.authorId;
  if (!actorId) return;
  const parent = comment.parentId ? await deps.store.comment(post.id, comment.parentId) : undefined;
  if (parent?.authorId) {
    await deps.notifier.notify({
      recipientId: parent.authorId,
      type: 'reply',
      groupKey: `reply#${parent.id}`,
      actorId,
      subject: { postId: post.id, commentId: parent.id },
    });
  }
  if (parent?.authorId !== post.authorId) {
    await deps.notifier.notify({
      recipientId: post.authorId,
      type: 'comment',
      groupKey: `comment#${post.id}`,
      actorId,
      subject: { postId: post.id },
    });
  }
}

function commentNotFound(postId: string, commentId: string): HttpProblem {
  return new HttpProblem(404, `The post ${postId} has no comment with the id ${commentId} of yours.`);
}

/** Threaded comments on posts: write, reply, read a page with first replies, edit, delete. */
export function commentRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });
  const order = (value: unknown) => (value === 'newest' ? 'newest' : 'oldest');
  const presentOne = async (comment: CommentItem, viewerId: string) =>
    (await presentComments(deps, [comment], viewerId)).get(comment.id)!;

  router.post('/api/v1/social/posts/:postId/comments', signedIn, async (req, res) => {
    const me = requirePrincipal(res);
    const postId = String(req.params['postId']);
    const body = req.body as CommentBody;
    const text = commentText(body.body);
    const post = await visiblePost(deps, postId, me);
    if (
      !(await deps.store.takeAllowance({
        action: 'comment',
        userId: me.userId,
        perMinute: commentsPerMinute,
      }))
    ) {
      res.setHeader('Retry-After', String(60 - new Date().getUTCSeconds()));
      throw new HttpProblem(
        429,
        `You may write ${commentsPerMinute} comments a minute; wait a moment and send it again.`,
      );
    }
    const mentions = await resolveMentions(deps, text);
    const added = await deps.store.addComment({
      id: randomUUID(),
      postId,
      authorId: me.userId,
      body: text,
      mentions,
      ...(body.parentId ? { parentId: body.parentId } : {}),
    });
    if (added.outcome === 'parent-not-found') {
      throw validationProblem([
        { path: '/body/parentId', message: `must be a comment of the post ${postId}` },
      ]);
    }
    if (added.outcome === 'post-gone')
      throw new HttpProblem(404, `There is no post with the id ${postId} that you can see.`);
    await deps.engagement.record({ kind: 'comment-written', userId: me.userId, commentId: added.comment.id });
    await deps.engagement.record({
      kind: 'comment-received',
      userId: post.authorId,
      commenterId: me.userId,
      scenarioId: post.scenario.id,
    });
    await notifyOfComment(deps, post, added.comment);
    await notifyMentions(deps, {
      post,
      commentId: added.comment.id,
      writerId: me.userId,
      mentions,
      alreadyTold: new Set(),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await presentOne(added.comment, me.userId));
  });

  router.get('/api/v1/social/posts/:postId/comments', anyone, async (req, res) => {
    const postId = String(req.params['postId']);
    const viewer = principalOf(res);
    await visiblePost(deps, postId, viewer);
    const page = readPageQuery(req);
    const comments = await deps.store.replies({
      postId,
      parentId: null,
      ...page,
      order: order(req.query['order']),
    });
    const firstReplies = await Promise.all(
      comments.items.map(async (comment) =>
        comment.replies > 0
          ? (
              await deps.store.replies({
                postId,
                parentId: comment.id,
                limit: firstRepliesShown,
                order: 'oldest',
              })
            ).items
          : [],
      ),
    );
    const shown = await presentComments(deps, [...comments.items, ...firstReplies.flat()], viewer?.userId);
    const items = comments.items.map((comment, index) => ({
      ...shown.get(comment.id)!,
      firstReplies: firstReplies[index]!.map((reply) => shown.get(reply.id)!),
    }));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items, nextCursor: comments.after ? encodeCursor(comments.after) : null });
  });

  router.get('/api/v1/social/posts/:postId/comments/:commentId/replies', anyone, async (req, res) => {
    const postId = String(req.params['postId']);
    const commentId = String(req.params['commentId']);
    const viewer = principalOf(res);
    await visiblePost(deps, postId, viewer);
    if (!(await deps.store.comment(postId, commentId))) {
      throw new HttpProblem(404, `The post ${postId} has no comment with the id ${commentId}.`);
    }
    const page = readPageQuery(req);
    const replies = await deps.store.replies({
      postId,
      parentId: commentId,
      ...page,
      order: order(req.query['order']),
    });
    const shown = await presentComments(deps, replies.items, viewer?.userId);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: replies.items.map((reply) => shown.get(reply.id)!),
      nextCursor: replies.after ? encodeCursor(replies.after) : null,
    });
  });

  router.patch('/api/v1/social/posts/:postId/comments/:commentId', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const postId = String(req.params['postId']);
    const commentId = String(req.params['commentId']);
    const text = commentText((req.body as { body: string }).body);
    // Who the comment told before, so an edit tells only the accounts it newly mentions.
    const before = await deps.store.comment(postId, commentId);
    const mentions = await resolveMentions(deps, text);
    const edited = await deps.store.editComment({ postId, commentId, authorId: me, body: text, mentions });
    if (!edited) throw commentNotFound(postId, commentId);
    const post = await deps.store.post(postId);
    if (post) {
      await notifyMentions(deps, {
        post,
        commentId,
        writerId: me,
        mentions,
        alreadyTold: before?.mentionsNotified ?? new Set(),
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await presentOne(edited, me));
  });

  router.delete('/api/v1/social/posts/:postId/comments/:commentId', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const postId = String(req.params['postId']);
    const commentId = String(req.params['commentId']);
    const comment = await deps.store.comment(postId, commentId);
    if (comment?.authorId !== me) throw commentNotFound(postId, commentId);
    // The notifications of the mentions in it go first: a failure part-way leaves the comment to
    // delete again, never a notification pointing at words that are gone.
    await deps.notificationStore.forgetComment(commentId);
    if (!(await deps.store.deleteComment({ postId, commentId, authorId: me }))) {
      throw commentNotFound(postId, commentId);
    }
    res.status(204).end();
  });

  return router;
}
