import type { Notification } from '@/api/types';
import type { Translate } from '@/i18n/I18nProvider';
import { commentAnchor } from '../social/comment-anchor';

/** What a notification says: who did what ("Ada and 12 others liked your post"). */
export function notificationText(notification: Notification, who: string, t: Translate): string {
  const { type, subject, actors } = notification;
  if (type === 'moderation') return t(`notifications.moderation.${subject.action ?? 'warn'}`);
  if (type === 'achievement') return t('notifications.achievement');
  const others = Math.max(0, actors.count - 1);
  return others > 0
    ? t(`notifications.${type}.many`, { who, others })
    : t(`notifications.${type}.one`, { who });
}

/**
 * Where a notification leads: a follower's profile, your achievements, the comment on its post,
 * the post, your shares; null when there is nothing to open. `path` makes a path in the page's
 * language.
 */
export function notificationHref(
  notification: Notification,
  path: (to: string) => string,
  myId: string | undefined,
): string | null {
  const { type, subject, actors } = notification;
  if (type === 'follow' && actors.latest)
    return `${path('/profile')}?id=${encodeURIComponent(actors.latest)}`;
  if (type === 'achievement') {
    return myId ? `${path('/profile')}?id=${encodeURIComponent(myId)}#achievements` : null;
  }
  if (subject.postId) {
    const post = `${path('/post')}?id=${encodeURIComponent(subject.postId)}`;
    return subject.commentId ? `${post}#${commentAnchor(subject.commentId)}` : post;
  }
  return subject.shareId ? path('/shares') : null;
}
