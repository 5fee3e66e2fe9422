import { authorPartition, gsi1, gsi2, publicFeedPartition, tagPartition } from './keys';
import type { PostItem } from './post-records';
import { readPosts } from './posts';
import { type Page, type PageRequest, baseTable, readPage } from './read-page';
import type { StoreContext } from './store-context';

const publicFeed = { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey };
const authorPosts = { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey };

/** Leaves out the posts of the given authors (those who block the reader), in DynamoDB's filter. */
function excludingAuthors(authorIds: readonly string[]): PageRequest['filter'] {
  if (authorIds.length === 0) return undefined;
  const values: Record<string, unknown> = {};
  const clauses: string[] = [];
  // IN takes at most 100 operands.
  for (let start = 0; start < authorIds.length; start += 100) {
    const names = authorIds.slice(start, start + 100).map((id, offset) => {
      values[`:blocker${start + offset}`] = id;
      return `:blocker${start + offset}`;
    });
    clauses.push(`NOT (authorId IN (${names.join(', ')}))`);
  }
  return { expression: clauses.join(' AND '), values };
}

/** Public, visible posts, newest first, without the posts of anyone who blocks the reader. */
export function latestPosts(
  context: StoreContext,
  request: { limit: number; after?: string; hiddenAuthors: readonly string[] },
): Promise<Page<PostItem>> {
  const filter = excludingAuthors(request.hiddenAuthors);
  return readPage<PostItem & Record<string, unknown>>(context, {
    listing: publicFeed,
    partition: publicFeedPartition,
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
    ...(filter ? { filter } : {}),
  });
}

/** One author's visible posts, newest first; followers-only ones only for those allowed them. */
export function postsOfAuthor(
  context: StoreContext,
  request: { authorId: string; limit: number; after?: string; includeFollowersOnly: boolean },
): Promise<Page<PostItem>> {
  return readPage<PostItem & Record<string, unknown>>(context, {
    listing: authorPosts,
    partition: authorPartition(request.authorId),
    limit: request.limit,
    ...(request.after ? { after: request.after } : {}),
    ...(request.includeFollowersOnly
      ? {}
      : { filter: { expression: 'visibility = :public', values: { ':public': 'public' } } }),
  });
}

/**
 * Public posts carrying a tag, newest first. Tag entries point at posts; a post deleted, hidden,
 * made followers-only or from someone who blocks the reader is skipped as the page is read.
 */
export async function postsWithTag(
  context: StoreContext,
  request: { tag: string; limit: number; after?: string; hiddenAuthors: readonly string[] },
): Promise<Page<PostItem>> {
  const hidden = new Set(request.hiddenAuthors);
  const items: PostItem[] = [];
  let after = request.after;
  let rounds = 0;
  // A few rounds at most: entries whose post may not be shown are rare, and a short page still carries its cursor.
  while (items.length < request.limit && rounds < 5) {
    rounds += 1;
    const entries = await readPage<{ pk: string; sk: string; postId: string }>(context, {
      listing: baseTable,
      partition: tagPartition(request.tag),
      limit: request.limit - items.length,
      ...(after ? { after } : {}),
    });
    const posts = await readPosts(
      context,
      entries.items.map((entry) => entry.postId),
    );
    items.push(
      ...posts.filter(
        (post) => post.visibility === 'public' && post.moderation === 'visible' && !hidden.has(post.authorId),
      ),
    );
    after = entries.after;
    if (!after) return { items };
  }
  return { items, ...(after ? { after } : {}) };
}
