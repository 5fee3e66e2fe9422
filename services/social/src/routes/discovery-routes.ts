import { authenticate, principalOf, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import { encodeCursor } from '../cursor';
import type { SocialDependencies } from '../dependencies';
import { readPageQuery } from '../page-query';
import { presentPosts } from '../presenters';
import { searchTokens } from '../search-text';

/** The most words of a query that are searched for; the rest are ignored. */
const maxQueryWords = 8;

/** Finding posts beyond the feeds: search over titles, questions, captions and tags. */
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

  return router;
}
