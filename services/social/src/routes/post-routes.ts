import { randomUUID } from 'node:crypto';
import { HttpProblem, type Principal, authenticate, principalOf, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { normalizeTags } from '../post-tags';
import { type PostItem, type PostVisibility, postView } from '../store/post-records';

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

/** Missing, hidden, followers-only and across a block answer alike, so ids cannot be probed. */
function notFound(id: string): HttpProblem {
  return new HttpProblem(404, `There is no post with the id ${id} that you can see.`);
}

/** Whether the viewer may see a post: its author always; others only visible posts they are allowed. */
async function maySee(
  deps: SocialDependencies,
  post: PostItem,
  viewer: Principal | undefined,
): Promise<boolean> {
  if (viewer?.userId === post.authorId) return true;
  if (post.moderation !== 'visible') return false;
  if (viewer && (await deps.store.blockedEitherWay(viewer.userId, post.authorId))) return false;
  if (post.visibility === 'public') return true;
  return viewer !== undefined && deps.store.isFollowing(viewer.userId, post.authorId);
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
    const published = await deps.store.publish({
      id: randomUUID(),
      authorId: author.userId,
      scenario,
      caption: body.caption?.trim() ?? '',
      tags,
      visibility: body.visibility ?? 'public',
    });
    if (published.outcome === 'claimed-by-another') {
      throw new HttpProblem(409, `The scenario ${body.scenarioId} is already published by another account.`);
    }
    res.setHeader('Cache-Control', 'no-store');
    if (published.outcome === 'created')
      res.setHeader('Location', `/api/v1/social/posts/${published.post.id}`);
    res.status(published.outcome === 'created' ? 201 : 200).json(postView(published.post));
  });

  router.get('/api/v1/social/posts/:postId', anyone, async (req, res) => {
    const id = String(req.params['postId']);
    const post = await deps.store.post(id);
    if (!post || !(await maySee(deps, post, principalOf(res)))) throw notFound(id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(postView(post));
  });

  router.patch('/api/v1/social/posts/:postId', signedIn, async (req, res) => {
    const author = requirePrincipal(res);
    const id = String(req.params['postId']);
    const body = req.body as PostChangesBody;
    const changes = {
      ...(body.caption !== undefined ? { caption: body.caption.trim() } : {}),
      ...(body.tags ? { tags: normalizeTags(body.tags, '/body/tags') } : {}),
      ...(body.visibility ? { visibility: body.visibility } : {}),
    };
    const updated = await deps.store.editPost(author.userId, id, changes);
    if (!updated) throw notFound(id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(postView(updated));
  });

  router.delete('/api/v1/social/posts/:postId', signedIn, async (req, res) => {
    const author = requirePrincipal(res);
    const id = String(req.params['postId']);
    if (!(await deps.store.deletePost(author.userId, id))) throw notFound(id);
    res.status(204).end();
  });

  return router;
}
