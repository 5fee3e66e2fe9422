import { searchTokens } from '../search-text';
import { searchPartition } from './keys';
import type { PostItem } from './post-records';
import { readPosts } from './posts';
import { type Page, baseTable, readPage } from './read-page';
import type { StoreContext } from './store-context';

/** How many rounds of entries one search page reads at most before answering a short page. */
const searchRounds = 5;

/**
 * Public, visible posts holding every word of the query, newest first. The rarest-looking word
 * (the longest) is the one whose entries are read; each candidate post is then checked for the
 * other words and for whether the reader may see it (deleted, hidden, followers-only and blocking
 * authors' posts are skipped as the page is read, as the tag feed does). A page can be short
 * while its cursor goes on, when many candidates were skipped.
 */
export async function searchPosts(
  context: StoreContext,
  request: { words: readonly string[]; limit: number; after?: string; hiddenAuthors: readonly string[] },
): Promise<Page<PostItem>> {
  const [driver] = [...request.words].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (!driver) return { items: [] };
  const hidden = new Set(request.hiddenAuthors);
  const items: PostItem[] = [];
  let after = request.after;
  for (let round = 0; round < searchRounds && items.length < request.limit; round += 1) {
    const entries = await readPage<{ pk: string; sk: string; postId: string }>(context, {
      listing: baseTable,
      partition: searchPartition(driver),
      limit: request.limit - items.length,
      ...(after ? { after } : {}),
    });
    const posts = await readPosts(
      context,
      entries.items.map((entry) => entry.postId),
    );
    items.push(
      ...posts.filter((post) => {
        if (post.visibility !== 'public' || post.moderation !== 'visible' || hidden.has(post.authorId))
          return false;
        const words = new Set(searchTokens(post.searchText));
        return request.words.every((word) => words.has(word));
      }),
    );
    after = entries.after;
    if (!after) return { items };
  }
  return { items, ...(after ? { after } : {}) };
}
