'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { api } from '@/api/client';
import type { Video } from '@/api/types';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { PagedList, usePagedList } from '@/components/usePagedList';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { VideoDialog } from './VideoDialog';

/** A share link's slug, as the share page's "Make a video" link puts it in `?share=`. */
const shareSlugPattern = /^[A-Za-z0-9_-]{12}$/;

export function VideosPage() {
  return (
    <RequireSession>
      <Videos />
    </RequireSession>
  );
}

/**
 * The caller's videos, newest first, each with its state; a video's page plays or deletes it.
 * `?share=<slug>` (the share page's "Make a video" link) opens the dialog for that share.
 */
function Videos() {
  const { t, dateTime } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const share = useQuery()?.get('share') ?? null;
  const shareSlug = share && shareSlugPattern.test(share) ? share : null;
  // Closing the dialog also drops `?share=` from the address (a replace, which useQuery does not hear).
  const [shareDialogClosed, setShareDialogClosed] = useState(false);
  // The dialog opened with the page, not from a control: on closing, the keyboard starts at the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const list = usePagedList<Video>('/api/v1/videos', { limit: 20 });
  const [doomed, setDoomed] = useState<Video | null>(null);
  const [error, setError] = useState<unknown>();
  const remove = async (video: Video) => {
    setError(undefined);
    try {
      await api(`/api/v1/videos/${encodeURIComponent(video.id)}`, { method: 'DELETE' });
      await list.refresh();
      announce(t('video.deleted'));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('video.heading')}
      </h1>
      <p className="lede">{t('video.lede')}</p>
      <PagedList list={list} empty={t('video.empty')}>
        {(items) => (
          <ul className="item-list" aria-label={t('video.listLabel')}>
            {items.map((video) => (
              <li key={video.id} className="item">
                <div className="item-main">
                  <Link
                    className="item-title"
                    lang={video.language}
                    href={`${path('/video')}?id=${encodeURIComponent(video.id)}`}
                  >
                    {video.title}
                  </Link>
                  <p className="item-meta">
                    {video.withdrawn ? (
                      <span className="badge badge-withdrawn">{t('video.status.withdrawn')}</span>
                    ) : (
                      <span className={`badge badge-${video.status}`}>
                        {t(`video.status.${video.status}`)}
                      </span>
                    )}{' '}
                    {video.status === 'running' ? `${video.percent}% · ` : ''}
                    {t(`video.length.${video.options.length}`)} · {dateTime(video.createdAt)}
                    {video.shareSlug ? ` · ${t('video.fromShare')}` : ''}
                  </p>
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => setDoomed(video)}
                  >
                    {t('video.delete')}
                    <span className="visually-hidden">: {video.title}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
      {error ? <ProblemMessage error={error} /> : null}
      {shareSlug && !shareDialogClosed ? (
        <VideoDialog
          source={{ shareSlug }}
          open
          onClose={() => {
            setShareDialogClosed(true);
            router.replace(path('/videos'));
            requestAnimationFrame(() => heading.current?.focus());
          }}
        />
      ) : null}
      <ConfirmDialog
        open={doomed !== null}
        title={t('video.deleteTitle')}
        confirmLabel={t('video.delete')}
        danger
        onConfirm={() => {
          if (doomed) void remove(doomed);
          setDoomed(null);
        }}
        onCancel={() => setDoomed(null)}
      >
        <p>{t('video.deleteLede')}</p>
      </ConfirmDialog>
    </>
  );
}
