/** The element id of a comment on its post's page; links name it after `#` (the moderation queue does). */
export const commentAnchor = (commentId: string) => `comment-${commentId}`;
