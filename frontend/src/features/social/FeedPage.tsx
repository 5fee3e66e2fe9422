'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Post } from '@/api/types';
import { useSession } from '@/api/useSession';
import { ProblemMessage } from '@/components/ProblemMessage';
import { LoadMore, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { PostCard } from './PostCard';

type Feed = 'latest' | 'following';
const feedPaths: Record<Feed, string> = { latest: '/api/v1/feed', following: '/api/v1/feed/following' };

/** The feeds: everyone's public posts, newest first, or those of the accounts one follows. */
export function FeedPage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  const [feed, setFeed] = useState<Feed>('latest');
  const signedIn = session.status === 'signed-in';
  // Wait until the session is known: a signed-in reader's feed leaves out those who block them.
  const list = usePagedList<Post>(
    session.status === 'unknown' ? null : feedPaths[signedIn ? feed : 'latest'],
    {
      limit: 20,
    },
  );
  return (
    <>
      <h1>{t('social.feedHeading')}</h1>
      <p className="lede">{t('social.feedLede')}</p>
      <div className="toolbar" role="group" aria-label={t('social.whichFeed')}>
        {(['latest', 'following'] as const).map((name) => (
          <button
            key={name}
            type="button"
            className="button"
            aria-pressed={(signedIn ? feed : 'latest') === name}
            disabled={name === 'following' && !signedIn}
            onClick={() => setFeed(name)}
          >
            {t(`social.feed.${name}`)}
          </button>
        ))}
        {signedIn && session.user ? (
          <Link href={`${path('/profile')}?id=${encodeURIComponent(session.user.id)}`}>
            {t('social.yourProfile')}
          </Link>
        ) : (
          <Link href={`${path('/sign-in')}?next=${encodeURIComponent(path('/feed'))}`}>
            {t('social.signInToFollow')}
          </Link>
        )}
      </div>
      {list.error ? <ProblemMessage error={list.error} /> : null}
      {list.loading ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="notice">
          {feed === 'following' && signedIn ? t('social.followingEmpty') : t('social.feedEmpty')}
        </p>
      ) : (
        <ul className="item-list post-list" aria-label={t('social.postsLabel')}>
          {list.items.map((post) => (
            <li key={post.id} className="item">
              <PostCard post={post} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </>
  );
}
