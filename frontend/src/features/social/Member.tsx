'use client';

import Link from 'next/link';
import useSWR from 'swr';
import { api } from '@/api/client';
import type { Author } from '@/api/types';
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

/** The most ids one names request carries (social's bound). */
const namesPerRequest = 50;

/** Every name of these ids, read 50 at a time in parallel. */
async function readNames(ids: readonly string[]): Promise<Map<string, Author>> {
  const requests: Array<Promise<{ items: Author[] }>> = [];
  for (let start = 0; start < ids.length; start += namesPerRequest) {
    const chunk = ids.slice(start, start + namesPerRequest).map(encodeURIComponent);
    requests.push(api<{ items: Author[] }>(`/api/v1/social/profiles?ids=${chunk.join(',')}`));
  }
  const pages = await Promise.all(requests);
  return new Map(pages.flatMap((page) => page.items.map((author) => [author.id, author] as const)));
}

/**
 * Members' names when only their ids are known (notifications, the leaderboard): one batched
 * read for every id on the page (social's `GET /api/v1/social/profiles?ids=`), not one profile
 * read per member. While a newly loaded page's names arrive, the names already read stay.
 */
export function useMemberNames(ids: ReadonlyArray<string | null>): (userId: string | null) => string {
  const { t } = useI18n();
  const session = useSession();
  const myId = session.user?.id;
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id) && id !== myId))].sort();
  const names = useSWR(
    wanted.length > 0 ? ['member-names', wanted.join(',')] : null,
    () => readNames(wanted),
    {
      revalidateOnFocus: false,
      keepPreviousData: true,
    },
  );
  return (userId) => (userId ? memberName(userId, names.data?.get(userId), t, myId) : '');
}
