import { encodeCursor } from './cursor';
import type { SocialDependencies } from './dependencies';
import type { Mention } from './mentions/mention-text';
import type { PublicProfile } from './profile-directory';
import { type CommentView, commentView } from './store/comment-records';
import type { CommentItem } from './store/comments';
import { likeStateKey } from './store/like-states';
import type { LikeTarget } from './store/likes';
import { type PostItem, type PostView, postView } from './store/post-records';

/** Who wrote a post or comment, as a feed shows them; names are null when the user service has none to give. */
export interface AuthorView {
  id: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

export type PresentedPost = PostView & { author: AuthorView; likedByMe: boolean | null };
export type PresentedComment = CommentView & { author: AuthorView | null; likedByMe: boolean | null };

function authorView(id: string, profiles: Map<string, PublicProfile>): AuthorView {
  const profile = profiles.get(id);
  return {
    id,
    username: profile?.username ?? null,
    displayName: profile?.displayName ?? null,
    avatarUrl: profile?.avatarUrl ?? null,
  };
}

/**
 * The mentions of a text that still name an account the user service shows: a deleted or
 * disabled account's id leaves every answer (its @name stays in the words, which are the
 * writer's). They come from the same batched lookup as the authors.
 */
function shownMentions(mentions: readonly Mention[], profiles: Map<string, PublicProfile>): Mention[] {
  return mentions.filter((mention) => profiles.has(mention.userId));
}

const mentionedIdsOf = (items: ReadonlyArray<{ mentions: readonly Mention[] }>): string[] =>
  items.flatMap((item) => item.mentions.map((mention) => mention.userId));

/**
 * A page of accounts (followers, following, blocks) with their names: one batched, cached
 * lookup in the user service for the page.
 */
export async function presentAccounts(
  deps: Pick<SocialDependencies, 'profiles'>,
  page: { items: ReadonlyArray<{ userId: string; since: string }>; after?: string },
) {
  const profiles = await deps.profiles.byIds(page.items.map((item) => item.userId));
  return {
    items: page.items.map(({ userId, since }) => {
      const { username, displayName, avatarUrl } = authorView(userId, profiles);
      return { userId, username, displayName, avatarUrl, since };
    }),
    nextCursor: page.after ? encodeCursor(page.after) : null,
  };
}

/**
 * Posts as a reader sees them: with their authors' names (one batched, cached lookup in the
 * user service per page) and, for a signed-in reader, whether they like each one (one batched
 * read of their like rows). `likedByMe` is null for a reader who is not signed in.
 */
export async function presentPosts(
  deps: Pick<SocialDependencies, 'profiles' | 'store'>,
  posts: readonly PostItem[],
  viewerId: string | undefined,
): Promise<PresentedPost[]> {
  const views = posts.map(postView);
  const [profiles, liked] = await Promise.all([
    deps.profiles.byIds([...posts.map((post) => post.authorId), ...mentionedIdsOf(views)]),
    viewerId
      ? deps.store.likedAmong(
          posts.map((post) => ({ kind: 'post', postId: post.id })),
          viewerId,
        )
      : Promise.resolve(undefined),
  ]);
  return posts.map((post, index) => ({
    ...views[index]!,
    mentions: shownMentions(views[index]!.mentions, profiles),
    author: authorView(post.authorId, profiles),
    likedByMe: liked ? liked.has(likeStateKey({ kind: 'post', postId: post.id })) : null,
  }));
}

export async function presentPost(
  deps: Pick<SocialDependencies, 'profiles' | 'store'>,
  post: PostItem,
  viewerId: string | undefined,
): Promise<PresentedPost> {
  return (await presentPosts(deps, [post], viewerId))[0]!;
}

/**
 * Comments (and the first replies under them) as a reader sees them, with one author lookup and
 * one read of like rows for all of them. A deleted or hidden comment shows no author.
 */
export async function presentComments(
  deps: Pick<SocialDependencies, 'profiles' | 'store'>,
  comments: readonly CommentItem[],
  viewerId: string | undefined,
): Promise<Map<string, PresentedComment>> {
  const views = comments.map(commentView);
  const targets: LikeTarget[] = comments.map((comment) => ({
    kind: 'comment',
    postId: comment.postId,
    commentId: comment.id,
  }));
  const [profiles, liked] = await Promise.all([
    deps.profiles.byIds([
      ...views.flatMap((view) => (view.authorId ? [view.authorId] : [])),
      ...mentionedIdsOf(views),
    ]),
    viewerId ? deps.store.likedAmong(targets, viewerId) : Promise.resolve(undefined),
  ]);
  return new Map(
    views.map((view, index) => [
      view.id,
      {
        ...view,
        mentions: shownMentions(view.mentions, profiles),
        author: view.authorId ? authorView(view.authorId, profiles) : null,
        likedByMe: liked ? liked.has(likeStateKey(targets[index]!)) : null,
      },
    ]),
  );
}
