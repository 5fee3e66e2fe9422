import type { SocialDependencies } from './dependencies';

/**
 * Deletes the author's post durably (docs/cross-service.md §2): the purge instruction is
 * recorded first, then the post and everything derived from it go (comments, likes, tag
 * entries, its scenario's claim, moderation cases); social's relay repeats that purge until it
 * has completed, so a crash part-way leaves nothing behind for long. No other service derives
 * anything from a post, so the catalog names no receiver. False when the caller has no such post.
 */
export async function deletePostDurably(
  deps: Pick<SocialDependencies, 'store' | 'purges'>,
  authorId: string,
  postId: string,
): Promise<boolean> {
  const post = await deps.store.post(postId);
  if (!post || post.authorId !== authorId) return false;
  await deps.purges.record('post', postId, authorId);
  const purged = await deps.store.purgePost(postId, authorId);
  deps.purges.nudge();
  return purged.post;
}
