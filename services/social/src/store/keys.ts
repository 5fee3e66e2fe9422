/**
 * The key layout of the `social` table (the service README's "Table design" lists every access
 * pattern): one table, items told apart by their key prefixes, and two overloaded indexes.
 *
 * - gsi1: the public feed (`FEED#public`), a user's followers (`FOLLOWERS#<user>`), who has
 *   blocked a user (`BLOCKED_BY#<user>`) and a comment's replies (`THREAD#<post>#<parent>`).
 * - gsi2: an author's posts (`AUTHOR#<user>`), the accounts a user follows (`FOLLOWING#<user>`),
 *   the accounts a user blocks (`BLOCKING#<user>`), and what a user wrote or liked on anyone's
 *   posts (`COMMENTER#<user>`, `LIKER#<user>`), so an account's purge reaches its comments and
 *   likes on other people's posts.
 *
 * Feed positions are chronological keys: the creation time at millisecond precision (fixed
 * width, so strings sort as times do) and the id to break ties, newest first.
 */
export const gsi1 = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const gsi2 = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;

export const userPartition = (userId: string): string => `USER#${userId}`;
export const profileSortKey = 'PROFILE';

export const followPartition = (followerId: string): string => `FOLLOW#${followerId}`;
export const followersPartition = (userId: string): string => `FOLLOWERS#${userId}`;
export const followingPartition = (userId: string): string => `FOLLOWING#${userId}`;

export const blockSortKey = (blockedId: string): string => `BLOCKS#${blockedId}`;
export const blockedByPartition = (userId: string): string => `BLOCKED_BY#${userId}`;
/** gsi2: the accounts a user blocks, most recent first (the block list's pages). */
export const blockingPartition = (userId: string): string => `BLOCKING#${userId}`;

export const postPartition = (postId: string): string => `POST#${postId}`;
export const postSortKey = 'POST';
export const publicFeedPartition = 'FEED#public';
export const authorPartition = (authorId: string): string => `AUTHOR#${authorId}`;
export const tagPartition = (tag: string): string => `TAG#${tag}`;
/** A reader's following feed, written ahead (timelines.ts), and the marker that it was built. */
export const timelinePartition = (readerId: string): string => `TIMELINE#${readerId}`;
export const timelineMarkerKey = (readerId: string) => ({ pk: `USER#${readerId}`, sk: 'TIMELINE' }) as const;
/** Search entries: one per folded word of a post (search-index.ts). */
export const searchPartition = (word: string): string => `SEARCH#${word}`;

/** A post's comments and likes live in the post's partition: deleting a post finds them all. */
export const commentSortKey = (commentId: string): string => `COMMENT#${commentId}`;
export const threadPartition = (postId: string, parentId: string | null): string =>
  `THREAD#${postId}#${parentId ?? 'root'}`;
/** A like of the post itself, or of one of its comments. */
export const postLikePrefix = 'LIKE#POST#';
export const anyCommentLikePrefix = 'LIKE#COMMENT#';
export const commentLikePrefix = (commentId: string): string => `${anyCommentLikePrefix}${commentId}#`;
export const likeSortKey = (commentId: string | undefined, userId: string): string =>
  commentId ? `${commentLikePrefix(commentId)}${userId}` : `${postLikePrefix}${userId}`;

/** A comment's content id joins its post's id and its own: comments are found through their post. */
export const commentContentId = (postId: string, commentId: string): string => `${postId}:${commentId}`;

/** On gsi2: a user's comments and likes, wherever they are (an account's purge finds them there). */
export const commenterPartition = (userId: string): string => `COMMENTER#${userId}`;
export const likerPartition = (userId: string): string => `LIKER#${userId}`;

/** One post per scenario: this item claims the scenario for the post that publishes it. */
export const scenarioClaimKey = (scenarioId: string) =>
  ({ pk: `SCENARIO#${scenarioId}`, sk: 'PUBLISHED' }) as const;

export function chronologicalKey(createdAt: string, id: string): string {
  return `${new Date(createdAt).toISOString()}#${id}`;
}

/** Recognises a chronological key, for positions read back from cursors. */
export const chronologicalKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9-]{1,64}$/;
