import type { Scenario } from '@what-if/contracts';

/** What a caller chooses about a video; the defaults fill in what they leave out. */
export interface VideoOptions {
  /** `short`: a summary of about 30 s; `full`: every section, at most five minutes. */
  length: 'short' | 'full';
  resolution: '720p' | '1080p';
  /** The voice in the scenario's language. */
  voice: 'female' | 'male';
  /** Speaking rate, 1 being the voice's natural pace. */
  rate: number;
  /** Captions drawn into the picture as well as the WebVTT file. */
  burnCaptions: boolean;
}

export const defaultVideoOptions: VideoOptions = {
  length: 'short',
  resolution: '720p',
  voice: 'female',
  rate: 1,
  burnCaptions: false,
};

export const resolutions = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
} as const;

export const videoStatuses = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export type VideoStatus = (typeof videoStatuses)[number];
export const finishedStatuses: readonly VideoStatus[] = ['succeeded', 'failed', 'canceled'];

/** The pipeline's stages, in order; progress is reported per stage and overall. */
export const videoStages = ['script', 'speech', 'frames', 'encode', 'upload'] as const;
export type VideoStage = (typeof videoStages)[number];

/** How much of the whole each stage is, measured on renders at 720p on one core (encode dominates). */
export const stageWeights: Record<VideoStage, number> = {
  script: 2,
  speech: 18,
  frames: 10,
  encode: 65,
  upload: 5,
};

/** Overall progress from a stage and the percentage done within it. */
export function overallPercent(stage: VideoStage, stagePercent: number): number {
  let before = 0;
  for (const candidate of videoStages) {
    if (candidate === stage) break;
    before += stageWeights[candidate];
  }
  const total = Object.values(stageWeights).reduce((sum, weight) => sum + weight, 0);
  return Math.min(100, Math.round(((before + (stageWeights[stage] * stagePercent) / 100) / total) * 100));
}

/** Why a video failed, as the user reads it: a stable code and a sentence. */
export interface VideoFailure {
  reason:
    | 'missing-program'
    | 'speech-failed'
    | 'encoder-failed'
    | 'disk-full'
    | 'timed-out'
    | 'worker-lost'
    | 'storage-failed'
    | 'internal';
  message: string;
}

/** The files of a finished video, as keys in the storage. */
export interface VideoFiles {
  video: string;
  captions: string;
  poster: string;
}

export interface VideoResult {
  durationSeconds: number;
  width: number;
  height: number;
  bytes: number;
  files: VideoFiles;
}

/** Where a job stands: the durable record's view of progress. */
export interface VideoProgress {
  status: VideoStatus;
  stage: VideoStage | null;
  stagePercent: number;
  percent: number;
}

/** The durable record of one video job. */
export interface VideoRecord extends VideoProgress {
  id: string;
  ownerId: string;
  scenarioId: string;
  title: string;
  language: Scenario['language'];
  options: VideoOptions;
  /**
   * The share the scenario was opened through, when it is not the caller's own: the video is
   * served only while that share still shows it (not hidden or removed by moderation, not
   * revoked, expired or deleted).
   */
  shareSlug?: string;
  /** The scenario as it was when the video was requested: the worker narrates this. */
  scenario: Scenario;
  /** Attempts started so far. */
  attempts: number;
  failure?: VideoFailure;
  result?: VideoResult;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
}
