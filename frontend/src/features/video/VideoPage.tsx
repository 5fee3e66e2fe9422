'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import useSWR from 'swr';
import { api, fetcher } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import type { Video, VideoProgress } from '@/api/types';
import { announce } from '@/components/Announcer';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ProblemMessage } from '@/components/ProblemMessage';
import { RequireSession } from '@/components/SessionGate';
import { useQuery } from '@/components/useQuery';
import { useI18n } from '@/i18n/I18nProvider';
import { useLocalePath } from '@/i18n/useLocalePath';
import { useVideoProgress } from './useVideoProgress';
import { useGoneText } from './VideoProblem';

export function VideoPage() {
  return (
    <RequireSession>
      <VideoView />
    </RequireSession>
  );
}

function isWorking(video: Video | undefined): boolean {
  return video?.status === 'queued' || video?.status === 'running';
}

/** One video: its progress live while it is made, then the player with captions and a download. */
function VideoView() {
  const { t, number } = useI18n();
  const path = useLocalePath();
  const router = useRouter();
  const params = useQuery();
  const id = params?.get('id') ?? null;
  const key = id ? `/api/v1/videos/${encodeURIComponent(id)}` : null;
  const video = useSWR<Video>(key, fetcher, { revalidateOnFocus: false });
  const [progress, setProgress] = useState<VideoProgress | null>(null);
  const [deleted, setDeleted] = useState(false);
  // Why the share it was made from stopped showing its scenario (the stream's end, or a 410).
  const [withdrawnReason, setWithdrawnReason] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>();
  const announcedStage = useRef<string | null>(null);
  const canceledNotice = useRef<HTMLParagraphElement>(null);
  const { connectionLost } = useVideoProgress(id, isWorking(video.data), (event) => {
    if (event.kind === 'progress') {
      // Each stage is announced once as it starts, never every percent.
      const stage = event.progress.stage;
      if (stage && stage !== announcedStage.current) {
        announcedStage.current = stage;
        announce(t('video.stageStarted', { stage: t(`video.stage.${stage}`) }));
      }
      setProgress(event.progress);
    } else if (event.kind === 'done') {
      void video.mutate(event.video, { revalidate: false });
      announce(t(`video.finished.${event.video.status}`));
    } else if (event.kind === 'withdrawn') {
      setWithdrawnReason(event.reason);
    } else {
      setDeleted(true);
    }
  });

  if (params && !id) return <p className="problem">{t('problem.not-found')}</p>;
  if (deleted) return <p className="notice">{t('video.deletedElsewhere')}</p>;
  const withdrawn =
    withdrawnReason ??
    (video.error instanceof ApiProblem && video.error.kind === 'video-withdrawn'
      ? (video.error.problem.reason ?? '')
      : null);
  if (withdrawn !== null && key) {
    return <Withdrawn videoKey={key} reason={withdrawn} takeFocus={withdrawnReason !== null} />;
  }
  if (video.error) return <ProblemMessage error={video.error} />;
  const data = video.data;
  if (!data) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const working = isWorking(data);
  const shown = working && progress ? progress : data;
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <article>
      <p>
        <Link href={path('/videos')}>{t('video.allVideos')}</Link>
      </p>
      <h1 lang={data.language}>{data.title}</h1>
      <p className="item-meta">
        <span className={`badge badge-${data.status}`}>{t(`video.status.${data.status}`)}</span>{' '}
        {t(`video.length.${data.options.length}`)} · {data.options.resolution} ·{' '}
        {t(`video.voice.${data.options.voice}`)}
      </p>
      {working ? (
        <section aria-labelledby="progress-heading" className="card">
          <h2 id="progress-heading">{t('video.progressHeading')}</h2>
          <label htmlFor="video-progress">
            {shown.stage
              ? t('video.stageProgress', {
                  stage: t(`video.stage.${shown.stage}`),
                  percent: shown.stagePercent,
                })
              : t('video.waiting')}
          </label>
          <progress id="video-progress" max={100} value={shown.percent}>
            {shown.percent}%
          </progress>
          <p className="item-meta">{t('video.overall', { percent: shown.percent })}</p>
          {connectionLost ? <p className="notice">{t('video.connectionLost')}</p> : null}
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(async () => {
                await video.mutate(await api<Video>(`${key}/cancel`, { method: 'POST' }), {
                  revalidate: false,
                });
                // The button goes with the progress; keep the keyboard's place on what replaced it.
                requestAnimationFrame(() => canceledNotice.current?.focus());
              })
            }
          >
            {t('video.cancel')}
          </button>
        </section>
      ) : null}
      {data.status === 'succeeded' && data.files ? (
        <section aria-labelledby="player-heading">
          <h2 id="player-heading" className="visually-hidden">
            {t('video.player')}
          </h2>
          {/* On ECS the files are presigned S3 links, another origin: a caption track loads only
              over CORS, so the player asks with it (the bucket answers the site's origin). */}
          <video
            className="video-player"
            crossOrigin="anonymous"
            controls
            preload="metadata"
            poster={data.files.poster.url}
            width={data.width}
            height={data.height}
          >
            <source src={data.files.video.url} type="video/mp4" />
            <track
              kind="captions"
              src={data.files.captions.url}
              srcLang={data.language}
              label={t(`video.captionsLabel.${data.language}`)}
              default
            />
            {t('video.noPlayer')}
          </video>
          <p className="item-meta">
            {t('video.duration', { seconds: number(Math.round(data.durationSeconds ?? 0)) })} ·{' '}
            {t('video.size', { megabytes: number(Math.round(((data.bytes ?? 0) / 1_048_576) * 10) / 10) })}
          </p>
          <div className="row-actions">
            <a className="button" href={data.files.video.url} download={`${data.title}.mp4`}>
              {t('video.download')}
            </a>
            <a className="button" href={data.files.captions.url} download={`${data.title}.vtt`}>
              {t('video.downloadCaptions')}
            </a>
          </div>
        </section>
      ) : null}
      {data.status === 'failed' ? (
        <div className="problem" role="alert">
          <p>{t('video.failed', { reason: data.failure?.reason ?? 'internal' })}</p>
        </div>
      ) : null}
      {data.status === 'canceled' ? (
        <p className="notice" ref={canceledNotice} tabIndex={-1}>
          {t('video.canceled')}
        </p>
      ) : null}
      <div className="row-actions">
        {data.shareSlug ? (
          <a className="button" href={`/s/${encodeURIComponent(data.shareSlug)}`}>
            {t('video.openShare')}
          </a>
        ) : (
          <Link className="button" href={`${path('/scenario')}?id=${encodeURIComponent(data.scenarioId)}`}>
            {t('video.openScenario')}
          </Link>
        )}
        <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
          {t('video.delete')}
        </button>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('video.deleteTitle')}
        confirmLabel={t('video.delete')}
        danger
        onConfirm={() => {
          setConfirmDelete(false);
          void act(async () => {
            await api(key ?? '', { method: 'DELETE' });
            router.push(path('/videos'));
          });
        }}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('video.deleteLede')}</p>
      </ConfirmDialog>
    </article>
  );
}

/**
 * A video made from a share that no longer shows its scenario: why, in the person's language,
 * and the one thing left to do with it (delete it). Restoring the share serves it again. When
 * it replaces the progress (and its Cancel button) the notice takes the keyboard's place.
 */
function Withdrawn({
  videoKey,
  reason,
  takeFocus,
}: {
  videoKey: string;
  reason: string;
  takeFocus: boolean;
}) {
  const { t } = useI18n();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) notice.current?.focus();
  }, [takeFocus]);
  const path = useLocalePath();
  const router = useRouter();
  const goneText = useGoneText();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <article>
      <p>
        <Link href={path('/videos')}>{t('video.allVideos')}</Link>
      </p>
      <div className="notice" role="alert" ref={notice} tabIndex={-1}>
        <p>{goneText('withdrawn', reason) ?? t('problem.video-withdrawn')}</p>
        <p>{t('video.withdrawnDelete')}</p>
      </div>
      <div className="row-actions">
        <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
          {t('video.delete')}
        </button>
      </div>
      {error ? <ProblemMessage error={error} /> : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('video.deleteTitle')}
        confirmLabel={t('video.delete')}
        danger
        onConfirm={() => {
          setConfirmDelete(false);
          setError(undefined);
          api(videoKey, { method: 'DELETE' }).then(
            () => router.push(path('/videos')),
            (failure: unknown) => setError(failure),
          );
        }}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t('video.deleteLede')}</p>
      </ConfirmDialog>
    </article>
  );
}
