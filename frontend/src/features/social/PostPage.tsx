'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import type { Post } from '@/api/types';
import { useSession } from '@/api/useSession';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { Comments } from './Comments';
import { EditPostDialog } from './EditPostDialog';
import { PostCard } from './PostCard';
import { ReportDialog } from './ReportDialog';

/** One post with its comments; its author may delete it, anyone signed in may report it. */
export function PostPage() {
  const { t } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const session = useSession();
  const params = useQuery();
  const id = params?.get('id');
  const key = id && session.status !== 'unknown' ? `/api/v1/social/posts/${encodeURIComponent(id)}` : null;
  const post = useSWR<Post>(key, fetcher);
  const [reporting, setReporting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>();

  if (params && !id) return <p className="problem">{t('problem.not-found')}</p>;
  if (post.error) {
    return (
      <>
        <ProblemMessage error={post.error} />
        <p>
          <Link href={path('/feed')}>{t('social.backToFeed')}</Link>
        </p>
      </>
    );
  }
  const data = post.data;
  if (!data) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const signedIn = session.status === 'signed-in';
  const mine = signedIn && session.user?.id === data.authorId;
  const remove = async () => {
    try {
      await api(`/api/v1/social/posts/${encodeURIComponent(data.id)}`, { method: 'DELETE' });
      router.push(path('/feed'));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <p>
        <Link href={path('/feed')}>{t('social.backToFeed')}</Link>
      </p>
      <h1 className="visually-hidden">{t('social.postTitle')}</h1>
      <PostCard post={data} />
      <div className="row-actions">
        {mine ? (
          <>
            <Link
              className="button button-small"
              href={`${path('/scenario')}?id=${encodeURIComponent(data.scenario.id)}`}
            >
              {t('social.openScenario')}
            </Link>
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {t('social.editPost')}
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => setConfirmDelete(true)}
            >
              {t('social.deletePost')}
            </button>
          </>
        ) : signedIn ? (
          <button type="button" className="button button-small" onClick={() => setReporting(true)}>
            {t('social.reportPost')}
          </button>
        ) : null}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      <Comments postId={data.id} />
      {mine ? (
        <EditPostDialog
          post={data}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            void post.mutate(saved, { revalidate: false });
            setEditing(false);
          }}
        />
      ) : null}
      <ReportDialog
        open={reporting}
        path={`/api/v1/social/posts/${encodeURIComponent(data.id)}/reports`}
        onClose={() => setReporting(false)}
      />
      <ConfirmDialog
        open={confirmDelete}
        title={t('social.deletePostTitle')}
        confirmLabel={t('social.deletePost')}
        danger
        onConfirm={() => {
          setConfirmDelete(false);
          void remove();
        }}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('social.deletePostLede')}</p>
      </ConfirmDialog>
    </>
  );
}
