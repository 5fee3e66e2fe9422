'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { trendingWindows, type Post, type TrendingWindow } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { PagedList, type PagedListState, usePagedList } from '@/components/usePagedList';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { PostCard } from './PostCard';

type Feed = 'latest' | 'following' | 'trending';
const feeds: readonly Feed[] = ['latest', 'following', 'trending'];

/** The API path and query of a feed (or of a search, which replaces the feed while it shows). */
function feedSource(
  feed: Feed,
  period: TrendingWindow,
  search: string,
): { path: string; params: Record<string, string | number> } {
  if (search) return { path: '/api/v1/feed/search', params: { q: search, limit: 20 } };
  if (feed === 'following') return { path: '/api/v1/feed/following', params: { limit: 20 } };
  if (feed === 'trending') return { path: '/api/v1/feed/trending', params: { window: period, limit: 20 } };
  return { path: '/api/v1/feed', params: { limit: 20 } };
}

/**
 * The feeds: everyone's public posts, newest first; those of the accounts one follows; trending
 * over a day, a week or a month; or a search of public posts. With `?tag=` in the address, the
 * public posts carrying that tag (a post's tags link here); `?q=` starts with a search.
 */
export function FeedPage() {
  // The query is read after hydration: the page is prerendered as the latest feed.
  const params = useQuery();
  const tag = params?.get('tag')?.trim();
  const search = params?.get('q')?.trim() ?? '';
  return tag ? <TagFeed tag={tag} /> : <Feeds key={search} initialSearch={search} />;
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

function Feeds({ initialSearch }: { initialSearch: string }) {
  const { t } = useI18n();
  const path = useLocalePath();
  const session = useSession();
  const id = useId();
  const [feed, setFeed] = useState<Feed>('latest');
  const [period, setPeriod] = useState<TrendingWindow>('7d');
  const [typed, setTyped] = useState(initialSearch);
  const [search, setSearch] = useState(initialSearch);
  const signedIn = session.status === 'signed-in';
  const shown: Feed = feed === 'following' && !signedIn ? 'latest' : feed;
  const source = feedSource(shown, period, search);
  // Wait until the session is known: a signed-in reader's feed leaves out those who block them.
  const list = usePagedList<Post>(session.status === 'unknown' ? null : source.path, source.params);
  // The focus stays in the search box: what the search found is said politely.
  const searched = search && !list.loading && !list.error ? list.items.length : null;
  const more = list.hasMore;
  useEffect(() => {
    if (searched === null) return;
    announce(
      searched === 0
        ? t('social.searchEmpty', { query: search })
        : t(more ? 'social.searchFoundMore' : 'social.searchFound', { query: search, count: searched }),
    );
  }, [searched, more, search, t]);
  const empty = search
    ? t('social.searchEmpty', { query: search })
    : shown === 'following'
      ? t('social.followingEmpty')
      : shown === 'trending'
        ? t('social.trendingEmpty')
        : t('social.feedEmpty');
  return (
    <>
      <h1>{t('social.feedHeading')}</h1>
      <p className="lede">{t('social.feedLede')}</p>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('social.searchLabel')}</label>
          <input
            id={`${id}-search`}
            type="search"
            maxLength={200}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              // Emptying the box (or its clear button) goes back to the feed.
              if (!event.target.value.trim()) setSearch('');
            }}
          />
        </div>
        <button type="submit" className="button">
          {t('social.search')}
        </button>
      </form>
      {search ? (
        <h2>{t('social.searchHeading', { query: search })}</h2>
      ) : (
        <>
          <div className="toolbar" role="group" aria-label={t('social.whichFeed')}>
            {feeds.map((name) => (
              <button
                key={name}
                type="button"
                className="button"
                aria-pressed={shown === name}
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
          {shown === 'trending' ? (
            <div className="toolbar" role="group" aria-label={t('social.trendingWindow')}>
              {trendingWindows.map((value) => (
                <button
                  key={value}
                  type="button"
                  className="button button-small"
                  aria-pressed={period === value}
                  onClick={() => setPeriod(value)}
                >
                  {t(`social.window.${value}`)}
                </button>
              ))}
            </div>
          ) : null}
        </>
      )}
      <PostList list={list} empty={empty} />
    </>
  );
}

function PostList({ list, empty }: { list: PagedListState<Post>; empty: string }) {
  const { t } = useI18n();
  return (
    <PagedList list={list} empty={empty}>
      {(items) => (
        <ul className="item-list post-list" aria-label={t('social.postsLabel')}>
          {items.map((post) => (
            <li key={post.id} className="item">
              <PostCard post={post} />
            </li>
          ))}
        </ul>
      )}
    </PagedList>
  );
}
