'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { fetcher } from '@/api/client';
import type { Author, SocialProfile } from '@/api/types';
import { useSession } from '@/api/useSession';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';

/** How a member is named: "You", their display name, their @username, else the id's start. */
export function memberName(
  userId: string,
  author: Pick<Author, 'username' | 'displayName'> | null | undefined,
  t: ReturnType<typeof useI18n>['t'],
  myId: string | undefined,
): string {
  if (myId === userId) return t('social.you');
  if (author?.displayName) return author.displayName;
  if (author?.username) return `@${author.username}`;
  return t('social.member', { id: userId.slice(0, 8) });
}

/** Who wrote something, as a link to their profile (with the @username beside a display name). */
export function Member({ userId, author }: { userId: string | null; author?: Author | null }) {
  const { t } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  if (!userId) return <span>{t('social.removedAuthor')}</span>;
  const name = memberName(userId, author, t, session.user?.id);
  const handle = author?.displayName && author.username ? ` @${author.username}` : '';
  return (
    <Link href={`${path('/profile')}?id=${encodeURIComponent(userId)}`}>
      {name}
      {handle ? <span className="member-handle">{handle}</span> : null}
    </Link>
  );
}

/**
 * A member's name when only the id is known (notifications, the leaderboard): their public
 * profile, read once per member and page (SWR shares one request among every use of an id).
 */
export function useMemberName(userId: string | null): string {
  const { t } = useI18n();
  const session = useSession();
  const profile = useSWR<SocialProfile>(
    userId && session.user?.id !== userId ? `/api/v1/social/users/${encodeURIComponent(userId)}` : null,
    fetcher,
    { revalidateOnFocus: false },
  );
  if (!userId) return '';
  return memberName(userId, profile.data?.profile, t, session.user?.id);
}
