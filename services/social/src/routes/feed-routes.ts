import { authenticate, principalOf, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { encodeCursor } from '../cursor';
import { readPageQuery } from '../page-query';
import { normalizeTag } from '../post-tags';
import { presentPosts } from '../presenters';
import type { PostItem } from '../store/post-records';
import type { Page } from '../store/read-page';

/** The feeds: latest public posts, the people I follow, a tag, one author's posts. */
export function feedRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  /** A page of posts as the reader sees them (authors' names, whether the reader likes each). */
  const postPage = async (page: Page<PostItem>, viewerId: string | undefined) => {
    const items = await presentPosts(deps, page.items, viewerId);
    return { items, nextCursor: page.after ? encodeCursor(page.after) : null };
  };

  /** The authors whose posts a reader must not see: those who block them. */
  const hiddenAuthorsFor = async (viewer: string | undefined) =>
    viewer ? deps.store.blockersOf(viewer) : [];

  router.get('/api/v1/feed', anyone, async (req, res) => {
    const page = readPageQuery(req);
    const viewer = principalOf(res)?.userId;
    const posts = await deps.store.latest({ ...page, hiddenAuthors: await hiddenAuthorsFor(viewer) });
    res.setHeader('Cache-Control', 'no-store');
    res.json(await postPage(posts, viewer));
  });

  router.get('/api/v1/feed/following', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const page = readPageQuery(req);
    // Blocks end follows both ways, so everyone followed may be read; the reader's own posts belong too.
    const authorIds = [me, ...(await deps.store.followees(me))];
    const posts = await deps.store.followingFeed({ ...page, readerId: me, authorIds });
    res.setHeader('Cache-Control', 'no-store');
    res.json(await postPage(posts, me));
  });

  router.get('/api/v1/feed/tags/:tag', anyone, async (req, res) => {
    const tag = normalizeTag(String(req.params['tag']), '/path/tag');
    const page = readPageQuery(req);
    const viewer = principalOf(res)?.userId;
    const posts = await deps.store.postsWithTag({
      ...page,
      tag,
      hiddenAuthors: await hiddenAuthorsFor(viewer),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(await postPage(posts, viewer));
  });

  router.get('/api/v1/social/users/:userId/posts', anyone, async (req, res) => {
    const authorId = String(req.params['userId']);
    const viewer = principalOf(res)?.userId;
    const page = readPageQuery(req);
    if (viewer && viewer !== authorId && (await deps.store.blockedEitherWay(viewer, authorId))) {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ items: [], nextCursor: null });
      return;
    }
    const includeFollowersOnly =
      viewer !== undefined && (viewer === authorId || (await deps.store.isFollowing(viewer, authorId)));
    const posts = await deps.store.postsOfAuthor({ ...page, authorId, includeFollowersOnly });
    res.setHeader('Cache-Control', 'no-store');
    res.json(await postPage(posts, viewer));
  });

  return router;
}
