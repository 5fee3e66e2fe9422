import type { SocialDependencies } from '../dependencies';
import { maySee } from '../post-access';
import type { PostItem } from '../store/post-records';
import { type Mention, mentionedUsernames } from './mention-text';

/**
 * The accounts a caption or comment mentions, from the user service's usernames (the profile
 * directory's cached lookups, one per name, at once). A name nobody has is plain text. When
 * the user service cannot answer, the names it did not resolve stay plain text and the write
 * goes on: a mention is worth less than the comment it is in (an edit resolves them again).
 */
export async function resolveMentions(
  deps: Pick<SocialDependencies, 'profiles' | 'logger'>,
  text: string,
): Promise<Mention[]> {
  const usernames = mentionedUsernames(text);
  const answers = await Promise.allSettled(usernames.map((username) => deps.profiles.byUsername(username)));
  const failed = answers.filter((answer) => answer.status === 'rejected');
  if (failed.length > 0) {
    deps.logger.warn(
      { err: (failed[0] as PromiseRejectedResult).reason, unresolved: failed.length },
      'mentions left unresolved: the user service did not answer',
    );
  }
  const mentioned = new Set<string>();
  return usernames.flatMap((username, index) => {
    const answer = answers[index]!;
    const profile = answer.status === 'fulfilled' ? answer.value : undefined;
    if (!profile || mentioned.has(profile.id)) return [];
    mentioned.add(profile.id);
    return [{ username, userId: profile.id }];
  });
}

/**
 * Tells each newly mentioned account, once per text: not the writer, not anyone already told
 * about this text, not anyone who may not read the post (a followers-only post, a block with
 * its author); the notifier leaves out blocks with the writer and a type turned off. Never
 * throws: the write it follows stands.
 */
export async function notifyMentions(
  deps: SocialDependencies,
  request: {
    post: PostItem;
    /** The comment the mentions are in; absent for the post's caption. */
    commentId?: string;
    writerId: string;
    mentions: readonly Mention[];
    alreadyTold: ReadonlySet<string>;
  },
): Promise<void> {
  const { post, commentId, writerId } = request;
  const recipients = request.mentions
    .map((mention) => mention.userId)
    .filter((userId) => userId !== writerId && !request.alreadyTold.has(userId));
  await Promise.all(
    recipients.map(async (recipientId) => {
      try {
        if (!(await maySee(deps, post, { userId: recipientId }))) return;
        await deps.notifier.notify({
          recipientId,
          type: 'mention',
          groupKey: commentId ? `mention#comment#${commentId}` : `mention#post#${post.id}`,
          actorId: writerId,
          subject: { postId: post.id, ...(commentId ? { commentId } : {}) },
          ...(commentId ? { removedWithComment: commentId } : {}),
        });
      } catch (error) {
        deps.logger.error({ err: error, recipientId, postId: post.id }, 'mention not notified');
      }
    }),
  );
}
