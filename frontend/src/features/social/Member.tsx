'use client';

import Link from 'next/link';
import { useSession } from '@/api/useSession';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';

/**
 * Who wrote something, as a link to their profile. The social API names accounts by id only
 * (display names and usernames are not public yet), so a member is shown by the id's start.
 */
export function Member({ userId }: { userId: string | null }) {
  const { t } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  if (!userId) return <span>{t('social.removedAuthor')}</span>;
  const label =
    session.user?.id === userId ? t('social.you') : t('social.member', { id: userId.slice(0, 8) });
  return <Link href={`${path('/profile')}?id=${encodeURIComponent(userId)}`}>{label}</Link>;
}
