import { HttpProblem, type Principal } from '@what-if/kit';
import type { SocialDependencies } from './dependencies';
import type { PostItem } from './store/post-records';

/** Missing, hidden, followers-only and across a block answer alike, so ids cannot be probed. */
export function postNotFound(id: string): HttpProblem {
  return new HttpProblem(404, `There is no post with the id ${id} that you can see.`);
}

/** Whether the viewer may see a post: its author always; others only visible posts they are allowed. */
export async function maySee(
  deps: SocialDependencies,
  post: PostItem,
  viewer: Pick<Principal, 'userId'> | undefined,
): Promise<boolean> {
  if (viewer?.userId === post.authorId) return true;
  if (post.moderation !== 'visible') return false;
  if (viewer && (await deps.store.blockedEitherWay(viewer.userId, post.authorId))) return false;
  if (post.visibility === 'public') return true;
  return viewer !== undefined && deps.store.isFollowing(viewer.userId, post.authorId);
}

/** The post, when the viewer may see it; else the 404 every unseen post answers. */
export async function visiblePost(
  deps: SocialDependencies,
  postId: string,
  viewer: Principal | undefined,
): Promise<PostItem> {
  const post = await deps.store.post(postId);
  if (!post || !(await maySee(deps, post, viewer))) throw postNotFound(postId);
  return post;
}
