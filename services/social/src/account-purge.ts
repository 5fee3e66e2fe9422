import type { SocialStore } from './store/social-store';
import type { Page } from './store/read-page';

/** What an account purge removed here. */
export interface AccountPurgeOutcome {
  posts: number;
  follows: number;
  blocks: number;
}

const pageSize = 100;

async function everyItem<Item>(read: (after?: string) => Promise<Page<Item>>): Promise<Item[]> {
  const items: Item[] = [];
  let after: string | undefined;
  do {
    const page = await read(after);
    items.push(...page.items);
    after = page.after;
  } while (after);
  return items;
}

/**
 * Everything social derived from a deleted account (docs/cross-service.md §2): its posts with
 * their comments, likes and tag entries, its follows both ways and its blocks both ways (each
 * through the store's own delete, so every counter moves as for the user's own unfollow or
 * post deletion), then its counters. Safe to repeat: a second run finds nothing.
 */
export async function purgeAccount(store: SocialStore, userId: string): Promise<AccountPurgeOutcome> {
  const outcome: AccountPurgeOutcome = { posts: 0, follows: 0, blocks: 0 };
  const following = await everyItem((after) => store.following(userId, pageSize, after));
  for (const edge of following) if (await store.unfollow(userId, edge.followeeId)) outcome.follows += 1;
  const followers = await everyItem((after) => store.followers(userId, pageSize, after));
  for (const edge of followers) if (await store.unfollow(edge.followerId, userId)) outcome.follows += 1;
  for (const block of await store.blocksOf(userId)) {
    await store.unblock(userId, block.blockedId);
    outcome.blocks += 1;
  }
  for (const blockerId of await store.blockersOf(userId)) {
    await store.unblock(blockerId, userId);
    outcome.blocks += 1;
  }
  // Every post, hidden and followers-only ones included, read in full before any goes.
  const posts = await everyItem((after) =>
    store.postsOfAuthor({
      authorId: userId,
      limit: pageSize,
      includeFollowersOnly: true,
      ...(after ? { after } : {}),
    }),
  );
  for (const post of posts) if (await store.deletePost(userId, post.id)) outcome.posts += 1;
  await store.forgetCounts(userId);
  await store.forgetTimeline(userId);
  return outcome;
}
