'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { Post } from '@/api/types';
import { useSession } from '@/api/useSession';
import { ProblemMessage } from '@/components/ProblemMessage';
import { LoadMore, usePagedList } from '@/components/usePagedList';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { PostCard } from './PostCard';

type Feed = 'latest' | 'following';
const feedPaths: Record<Feed, string> = { latest: '/api/v1/feed', following: '/api/v1/feed/following' };

/**
 * The feeds: everyone's public posts, newest first, or those of the accounts one follows; with
 * `?tag=` in the address, the public posts carrying that tag (a post's tags link here).
 */
export function FeedPage() {
  // The query is read after hydration: the page is prerendered as the latest feed.
  const tag = useQuery()?.get('tag')?.trim();
  return tag ? <TagFeed tag={tag} /> : <Feeds />;
}

function TagFeed({ tag }: { tag: string }) {
  const { t } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  const list = usePagedList<Post>(
    session.status === 'unknown' ? null : `/api/v1/feed/tags/${encodeURIComponent(tag)}`,
    { limit: 20 },
  );
  return (
    <>
      <h1>{t('social.tagHeading', { tag })}</h1>
      <p>
        <Link href={path('/feed')}>{t('social.allPosts')}</Link>
      </p>
      <PostList list={list} empty={t('social.tagEmpty', { tag })} />
    </>
  );
}

function Feeds() {
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
      <PostList
        list={list}
        empty={feed === 'following' && signedIn ? t('social.followingEmpty') : t('social.feedEmpty')}
      />
    </>
  );
}

function PostList({ list, empty }: { list: ReturnType<typeof usePagedList<Post>>; empty: string }) {
  const { t } = useI18n();
  return (
    <>
      {list.error ? <ProblemMessage error={list.error} /> : null}
      {list.loading ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : list.items.length === 0 && !list.error ? (
        <p className="notice">{empty}</p>
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
