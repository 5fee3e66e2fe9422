import { likeTargetOf } from './store/likes';
import type { SocialStore } from './store/social-store';
import type { Page } from './store/read-page';

/** What an account purge removed here. */
export interface AccountPurgeOutcome {
  posts: number;
  /** Its comments on anyone's posts (tombstones where others replied). */
  comments: number;
  /** Its likes of anyone's posts and comments, taken back. */
  likes: number;
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
 * Everything social derived from a deleted account (docs/cross-service.md §2): its comments and
 * likes on anyone's posts (found through its gsi2 entries), its posts with their comments, likes,
 * tag entries and cases, its follows both ways and its blocks both ways (each
 * through the store's own delete, so every counter moves as for the user's own unfollow or
 * post deletion), then its counters. Safe to repeat: a second run finds nothing.
 */
export async function purgeAccount(store: SocialStore, userId: string): Promise<AccountPurgeOutcome> {
  const outcome: AccountPurgeOutcome = { posts: 0, comments: 0, likes: 0, follows: 0, blocks: 0 };
  // What it wrote and liked on anyone's posts, each as its own delete or unlike would go: the
  // words and the author leave (a tombstone keeps a thread's shape), every counter follows.
  const comments = await everyItem((after) => store.commentsBy(userId, pageSize, after));
  for (const comment of comments) {
    const request = { postId: comment.postId, commentId: comment.id, authorId: userId };
    if (await store.deleteComment(request)) outcome.comments += 1;
  }
  const likes = await everyItem((after) => store.likesBy(userId, pageSize, after));
  for (const row of likes) {
    const target = likeTargetOf(row, userId);
    if (!target) continue;
    const liked =
      target.kind === 'post'
        ? await store.post(target.postId)
        : await store.comment(target.postId, target.commentId);
    if (await store.unlike(target, liked?.authorId, userId)) outcome.likes += 1;
  }
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
  for (const post of posts) if ((await store.purgePost(post.id, userId)).post) outcome.posts += 1;
  await store.forgetCounts(userId);
  await store.forgetTimeline(userId);
  return outcome;
}
