import { authenticate, principalOf, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import { encodeCursor } from '../cursor';
import type { SocialDependencies } from '../dependencies';
import { readPageQuery } from '../page-query';
import { presentPosts } from '../presenters';
import { searchTokens } from '../search-text';
import type { TrendingWindow } from '../trending-score';

/** The most words of a query that are searched for; the rest are ignored. */
const maxQueryWords = 8;

/** Finding posts beyond the feeds: trending, and search over titles, questions, captions and tags. */
export function discoveryRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  router.get('/api/v1/feed/search', anyone, async (req, res) => {
    const words = searchTokens(String(req.query['q'] ?? '')).slice(0, maxQueryWords);
    if (words.length === 0) {
      throw validationProblem([
        {
          path: '/query/q',
          message:
            'needs a word of two or more letters or digits that is not a common one ("the", "what", "if", "nếu")',
        },
      ]);
    }
    const page = readPageQuery(req);
    const viewer = principalOf(res)?.userId;
    const posts = await deps.store.search({
      ...page,
      words,
      hiddenAuthors: viewer ? await deps.store.blockersOf(viewer) : [],
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: await presentPosts(deps, posts.items, viewer),
      nextCursor: posts.after ? encodeCursor(posts.after) : null,
    });
  });

  router.get('/api/v1/feed/trending', anyone, async (req, res) => {
    const window = (req.query['window'] ?? '7d') as TrendingWindow;
    const page = readPageQuery(req);
    const viewer = principalOf(res)?.userId;
    const ranked = await deps.trending.page({ window, ...page });
    const hidden = new Set(viewer ? await deps.store.blockersOf(viewer) : []);
    // The ranking is a list of ids: a post deleted, hidden or made followers-only since it was
    // ranked, or by someone who blocks the reader, is left out as the page is read.
    const posts = (await deps.store.posts(ranked.postIds)).filter(
      (post) => post.visibility === 'public' && post.moderation === 'visible' && !hidden.has(post.authorId),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      window,
      items: await presentPosts(deps, posts, viewer),
      nextCursor: ranked.after ? encodeCursor(ranked.after) : null,
    });
  });

  return router;
}
