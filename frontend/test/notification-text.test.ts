import type { Notification } from '@/api/types';
import { notificationHref, notificationText } from '@/features/notifications/notification-text';
import { createI18n } from '@/i18n/I18nProvider';
import { catalogue } from '@/i18n/messages';

const en = createI18n('en', catalogue('en'));
const vi = createI18n('vi', catalogue('vi'));
const path = (to: string) => `/en${to}`;

function notification(overrides: Partial<Notification>): Notification {
  return {
    id: '0'.repeat(32),
    type: 'like',
    read: false,
    subject: {},
    actors: { count: 1, latest: 'u-ada', sample: ['u-ada'] },
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    ...overrides,
  };
}

describe('what a notification says', () => {
  test('one person, or the newest and how many others, in each language', () => {
    const one = notification({ subject: { postId: 'p1' } });
    expect(notificationText(one, 'Ada', en.t)).toBe('Ada liked your post');
    const many = notification({
      actors: { count: 13, latest: 'u-ada', sample: [] },
      subject: { postId: 'p1' },
    });
    expect(notificationText(many, 'Ada', en.t)).toBe('Ada and 12 others liked your post');
    expect(notificationText(many, 'Ada', vi.t)).toBe('Ada và 12 người khác đã thích bài đăng của bạn');
  });

  test('a moderation decision says which, without a person', () => {
    const hidden = notification({ type: 'moderation', subject: { postId: 'p1', action: 'hide' } });
    expect(notificationText(hidden, '', en.t)).toBe('Moderators hid something you posted');
  });
});

describe('where a notification leads', () => {
  test('a reply opens the comment on its post; a like the post; a follow the follower', () => {
    expect(
      notificationHref(
        notification({ type: 'reply', subject: { postId: 'p1', commentId: 'c9' } }),
        path,
        'me',
      ),
    ).toBe('/en/post?id=p1#comment-c9');
    expect(notificationHref(notification({ subject: { postId: 'p 1' } }), path, 'me')).toBe(
      '/en/post?id=p%201',
    );
    expect(notificationHref(notification({ type: 'follow' }), path, 'me')).toBe('/en/profile?id=u-ada');
  });

  test('an achievement opens your own achievements; a share your shares; nothing else, nowhere', () => {
    const achievement = notification({ type: 'achievement', actors: { count: 0, latest: null, sample: [] } });
    expect(notificationHref(achievement, path, 'me')).toBe('/en/profile?id=me#achievements');
    expect(
      notificationHref(notification({ type: 'moderation', subject: { shareId: 's1' } }), path, 'me'),
    ).toBe('/en/shares');
    expect(notificationHref(notification({ type: 'moderation', subject: {} }), path, 'me')).toBeNull();
  });
});
