'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import type { Post, SocialProfile } from '@/api/types';
import { useSession } from '@/api/useSession';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useQuery } from '@/components/useQuery';
import { LoadMore, usePagedList } from '@/components/usePagedList';
import { useI18n } from '@/i18n/I18nProvider';
import { ExperienceSection } from '../engagement/ExperienceSection';
import { memberName } from './Member';
import { PostCard } from './PostCard';

/**
 * A member's public side: name, @username, about, level, counts, follow and block, and their
 * posts. `?id=` names the account; `?u=` a username (`/profile?u=ada`).
 */
export function ProfilePage() {
  const { t, number, date } = useI18n();
  const session = useSession();
  const params = useQuery();
  const requestedId = params?.get('id');
  const username = params?.get('u')?.replace(/^@/, '');
  const known = session.status !== 'unknown';
  const key = !known
    ? null
    : requestedId
      ? `/api/v1/social/users/${encodeURIComponent(requestedId)}`
      : username
        ? `/api/v1/social/profiles/${encodeURIComponent(username)}`
        : null;
  const profile = useSWR<SocialProfile>(key, fetcher);
  const id = requestedId ?? profile.data?.userId;
  const posts = usePagedList<Post>(
    known && id ? `/api/v1/social/users/${encodeURIComponent(id)}/posts` : null,
    { limit: 20 },
  );
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (params && !requestedId && !username) return <p className="problem">{t('problem.not-found')}</p>;
  if (profile.error) return <ProblemMessage error={profile.error} />;
  const data = profile.data;
  if (!data || !id) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const mine = session.user?.id === id;
  const relation = data.relationship;
  const act = async (method: 'PUT' | 'DELETE', what: 'following' | 'blocks', said: string) => {
    // The buttons stay focusable while busy (aria-disabled): a disabled one drops the focus.
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/api/v1/social/${what}/${encodeURIComponent(id)}`, { method });
      await profile.mutate();
      await posts.refresh();
      announce(said);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="profile-head">
        {data.profile?.avatarUrl ? (
          <img className="avatar" src={data.profile.avatarUrl} alt="" width={64} height={64} />
        ) : null}
        <div>
          <h1>{mine ? t('social.yourProfile') : memberName(id, data.profile, t, session.user?.id)}</h1>
          <p className="item-meta">
            {[
              data.profile?.username ? `@${data.profile.username}` : null,
              data.level ? t('social.level', { level: number(data.level) }) : null,
              data.profile ? t('social.joined', { when: date(data.profile.joinedAt) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      </div>
      {data.profile?.bio ? <p className="profile-bio">{data.profile.bio}</p> : null}
      {relation?.followedBy ? <p className="item-meta">{t('social.followsYou')}</p> : null}
      <dl className="stats">
        <div>
          <dt>{t('social.count.posts')}</dt>
          <dd>{number(data.counts.posts)}</dd>
        </div>
        <div>
          <dt>{t('social.count.followers')}</dt>
          <dd>{number(data.counts.followers)}</dd>
        </div>
        <div>
          <dt>{t('social.count.following')}</dt>
          <dd>{number(data.counts.following)}</dd>
        </div>
        <div>
          <dt>{t('social.count.likes')}</dt>
          <dd>{number(data.counts.likesReceived)}</dd>
        </div>
      </dl>
      {relation ? (
        <div className="row-actions">
          {relation.blocking ? null : (
            <button
              type="button"
              className={relation.following ? 'button' : 'button button-primary'}
              aria-disabled={busy || undefined}
              onClick={() =>
                void act(
                  relation.following ? 'DELETE' : 'PUT',
                  'following',
                  relation.following ? t('social.unfollowed') : t('social.followed'),
                )
              }
            >
              {relation.following ? t('social.unfollow') : t('social.follow')}
            </button>
          )}
          <button
            type="button"
            className="button button-danger"
            aria-disabled={busy || undefined}
            onClick={() =>
              relation.blocking ? void act('DELETE', 'blocks', t('social.unblocked')) : setConfirmBlock(true)
            }
          >
            {relation.blocking ? t('social.unblock') : t('social.block')}
          </button>
        </div>
      ) : null}
      {relation?.blocking ? <p className="notice">{t('social.blockingNotice')}</p> : null}
      {error ? <ProblemMessage error={error} /> : null}
      <ExperienceSection userId={id} mine={mine} />
      <h2>{t('social.postsHeading')}</h2>
      {posts.error ? <ProblemMessage error={posts.error} /> : null}
      {!posts.loading && posts.items.length === 0 && !posts.error ? <p>{t('social.noPosts')}</p> : null}
      <ul className="item-list post-list" aria-label={t('social.postsLabel')}>
        {posts.items.map((post) => (
          <li key={post.id} className="item">
            <PostCard post={post} headingLevel={3} />
          </li>
        ))}
      </ul>
      <LoadMore list={posts} />
      <ConfirmDialog
        open={confirmBlock}
        title={t('social.blockTitle')}
        confirmLabel={t('social.block')}
        danger
        onConfirm={() => {
          setConfirmBlock(false);
          void act('PUT', 'blocks', t('social.blocked'));
        }}
        onCancel={() => setConfirmBlock(false)}
      >
        <p>{t('social.blockLede')}</p>
      </ConfirmDialog>
    </>
  );
}
