import { randomUUID } from 'node:crypto';
import { HttpProblem, authenticate, principalOf, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { notifyMentions, resolveMentions } from '../mentions/mentions';
import { maySee, postNotFound as notFound } from '../post-access';
import { deletePostDurably } from '../post-deletion';
import { normalizeTags } from '../post-tags';
import { presentPost } from '../presenters';
import type { PostVisibility } from '../store/post-records';

interface NewPostBody {
  scenarioId: string;
  caption?: string;
  tags?: string[];
  visibility?: PostVisibility;
}

interface PostChangesBody {
  caption?: string;
  tags?: string[];
  visibility?: PostVisibility;
}

/** Publishing scenarios as posts; reading, editing and deleting them. */
export function postRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  router.post('/api/v1/social/posts', signedIn, async (req, res) => {
    const author = requirePrincipal(res);
    const body = req.body as NewPostBody;
    const tags = normalizeTags(body.tags ?? [], '/body/tags');
    // The scenario must be the caller's: history answers 404 for anyone else's.
    const scenario = await deps.scenarios.preview(body.scenarioId, String(req.headers.authorization));
    const caption = body.caption?.trim() ?? '';
    const mentions = await resolveMentions(deps, caption);
    const published = await deps.store.publish({
      id: randomUUID(),
      authorId: author.userId,
      scenario,
      caption,
      mentions,
      tags,
      visibility: body.visibility ?? 'public',
    });
    if (published.outcome === 'claimed-by-another') {
      throw new HttpProblem(409, `The scenario ${body.scenarioId} is already published by another account.`);
    }
    if (published.outcome === 'created') {
      await deps.engagement.record({
        kind: 'post-published',
        userId: author.userId,
        scenarioId: published.post.scenario.id,
      });
      await notifyMentions(deps, {
        post: published.post,
        writerId: author.userId,
        mentions,
        alreadyTold: new Set(),
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    if (published.outcome === 'created')
      res.setHeader('Location', `/api/v1/social/posts/${published.post.id}`);
    res
      .status(published.outcome === 'created' ? 201 : 200)
      .json(await presentPost(deps, published.post, author.userId));
  });

  router.get('/api/v1/social/posts/:postId', anyone, async (req, res) => {
    const id = String(req.params['postId']);
    const post = await deps.store.post(id);
    const viewer = principalOf(res);
    if (!post || !(await maySee(deps, post, viewer))) throw notFound(id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await presentPost(deps, post, viewer?.userId));
  });

  router.patch('/api/v1/social/posts/:postId', signedIn, async (req, res) => {
    const author = requirePrincipal(res);
    const id = String(req.params['postId']);
    const body = req.body as PostChangesBody;
    const caption = body.caption?.trim();
    // Who the caption told before, so an edit tells only the accounts it newly mentions.
    const before = caption !== undefined ? await deps.store.post(id) : undefined;
    const mentions = caption !== undefined ? await resolveMentions(deps, caption) : undefined;
    const changes = {
      ...(caption !== undefined ? { caption, mentions } : {}),
      ...(body.tags ? { tags: normalizeTags(body.tags, '/body/tags') } : {}),
      ...(body.visibility ? { visibility: body.visibility } : {}),
    };
    const updated = await deps.store.editPost(author.userId, id, changes);
    if (!updated) throw notFound(id);
    if (mentions) {
      await notifyMentions(deps, {
        post: updated,
        writerId: author.userId,
        mentions,
        alreadyTold: before?.mentionsNotified ?? new Set(),
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(await presentPost(deps, updated, author.userId));
  });

  router.delete('/api/v1/social/posts/:postId', signedIn, async (req, res) => {
    const author = requirePrincipal(res);
    const id = String(req.params['postId']);
    if (!(await deletePostDurably(deps, author.userId, id))) throw notFound(id);
    res.status(204).end();
  });

  return router;
}
