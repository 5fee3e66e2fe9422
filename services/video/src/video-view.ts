import type { DownloadLink, VideoStorage } from './storage/video-storage';
import type { VideoRecord } from './video';

/** A video as clients see it: the record without the scenario copy, with links once it is done. */
export interface VideoView {
  id: string;
  scenarioId: string;
  title: string;
  language: string;
  status: VideoRecord['status'];
  stage: VideoRecord['stage'];
  stagePercent: number;
  percent: number;
  options: VideoRecord['options'];
  /** The share the video was made from, when the scenario is not the caller's own. */
  shareSlug?: string;
  /** In a list: why a video made from a share is no longer served (the share's status). */
  withdrawn?: string;
  attempts: number;
  failure?: VideoRecord['failure'];
  durationSeconds?: number;
  width?: number;
  height?: number;
  bytes?: number;
  files?: { video: DownloadLink; captions: DownloadLink; poster: DownloadLink };
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
}

/** The name a download is saved under: the title, made safe for file systems. */
function downloadName(record: VideoRecord, extension: string): string {
  const base = record.title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'video'}.${extension}`;
}

export async function videoView(
  record: VideoRecord,
  storage: VideoStorage,
  withLinks: boolean,
): Promise<VideoView> {
  const view: VideoView = {
    id: record.id,
    scenarioId: record.scenarioId,
    title: record.title,
    language: record.language,
    status: record.status,
    stage: record.stage ?? null,
    stagePercent: record.stagePercent ?? 0,
    percent: record.percent ?? 0,
    options: record.options,
    ...(record.shareSlug ? { shareSlug: record.shareSlug } : {}),
    attempts: record.attempts,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.startedAt ? { startedAt: record.startedAt } : {}),
    ...(record.finishedAt ? { finishedAt: record.finishedAt } : {}),
    ...(record.failure ? { failure: record.failure } : {}),
  };
  if (record.status === 'succeeded' && record.result) {
    const { result } = record;
    Object.assign(view, {
      durationSeconds: result.durationSeconds,
      width: result.width,
      height: result.height,
      bytes: result.bytes,
    });
    if (withLinks) {
      view.files = {
        video: await storage.link(record.id, 'video.mp4', downloadName(record, 'mp4')),
        captions: await storage.link(record.id, 'captions.vtt', downloadName(record, 'vtt')),
        poster: await storage.link(record.id, 'poster.jpg', downloadName(record, 'jpg')),
      };
    }
  }
  return view;
}
