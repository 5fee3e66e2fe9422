import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Job, UnrecoverableError, WaitingError } from 'bullmq';
import type { Logger } from '@what-if/kit';
import { renderVideo } from '../pipeline/render-video';
import { type SpeechProvider, providerFor } from '../speech/speech-provider';
import type { VideoStore } from '../store/video-store';
import { type VideoFileName, type VideoStorage } from '../storage/video-storage';
import { type VideoProgress, type VideoStage, overallPercent } from '../video';
import { classifyFailure } from './failures';
import { scratchDirectoryPrefix } from './scratch';
import type { VideoJobData } from './video-queue';
import type { VideoMetrics } from './video-metrics';

/** Why a running render was stopped from outside, as the abort reason says. */
export const stopReasons = { canceled: 'canceled', shutdown: 'shutdown' } as const;

export interface RenderJobDependencies {
  store: VideoStore;
  storage: VideoStorage;
  speech: { preferred: SpeechProvider; fallback: SpeechProvider };
  metrics: VideoMetrics;
  logger: Logger;
  settings: {
    workDir: string;
    fontDir: string;
    appUrl: string;
    attempts: number;
    timeoutSeconds: number;
  };
  /** Failed jobs that used up their attempts, for the alarm (CloudWatch in AWS). */
  onFinalFailure?: () => void;
}

/** How often progress reaches the durable record; the live feed gets every change. */
const recordEveryMs = 1_000;
const feedEveryMs = 200;

function stopReason(signal: AbortSignal): string | undefined {
  if (!signal.aborted) return undefined;
  const reason: unknown = signal.reason;
  return typeof reason === 'string' ? reason : reason instanceof Error ? reason.message : undefined;
}

/**
 * One attempt at one video: the record says running, the pipeline renders in a scratch
 * directory of its own, the files go to storage, the record says how it ended. The scratch
 * directory is removed whatever happens. Canceled jobs end quietly, a shutdown hands the job
 * back to the queue, failures say why and are retried only when another attempt may help.
 */
export function renderJobProcessor(deps: RenderJobDependencies) {
  const { store, storage, metrics, logger, settings } = deps;
  return async (job: Job<VideoJobData>, token: string | undefined, signal?: AbortSignal): Promise<string> => {
    const { videoId } = job.data;
    // A worker lost mid-job (its lock lapsed) spent an attempt too, though BullMQ counts it apart;
    // a job handed back at shutdown spent none.
    const attempt = job.attemptsMade + job.stalledCounter + 1;
    const record = await store.markRunning(videoId, attempt);
    if (!record) return 'gone';
    const started = performance.now();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort('timed-out'), settings.timeoutSeconds * 1000);
    const stop = AbortSignal.any([timeout.signal, ...(signal ? [signal] : [])]);
    const canceledHere = new AbortController();
    const abort = AbortSignal.any([stop, canceledHere.signal]);
    const workDir = await mkdtemp(path.join(settings.workDir, scratchDirectoryPrefix(videoId)));
    const log = logger.child({ videoId, attempt });

    let lastRecorded = 0;
    let lastFed = 0;
    let lastStage: VideoStage | undefined;
    const report = (stage: VideoStage, stagePercent: number) => {
      const progress: VideoProgress = {
        status: 'running',
        stage,
        stagePercent: Math.round(stagePercent),
        percent: overallPercent(stage, stagePercent),
      };
      const now = Date.now();
      const stageChanged = stage !== lastStage;
      lastStage = stage;
      if (stageChanged || now - lastFed >= feedEveryMs) {
        lastFed = now;
        void job.updateProgress({ ...progress }).catch(() => undefined);
      }
      if (stageChanged || now - lastRecorded >= recordEveryMs) {
        lastRecorded = now;
        void store
          .recordProgress(videoId, progress)
          .then((running) => {
            // Canceled or deleted while the message to stop went missing: stop anyway.
            if (!running) canceledHere.abort(stopReasons.canceled);
          })
          .catch((error: unknown) => log.warn({ err: error }, 'video: could not record progress'));
      }
    };

    const uploaded: VideoFileName[] = [];
    try {
      const speech = providerFor(record.language, deps.speech.preferred, deps.speech.fallback);
      const rendered = await renderVideo({
        scenario: record.scenario,
        options: record.options,
        speech,
        fontDir: settings.fontDir,
        appUrl: settings.appUrl,
        workDir,
        signal: abort,
        onProgress: report,
      });
      report('upload', 0);
      const files = [
        ['video.mp4', rendered.video],
        ['captions.vtt', rendered.captions],
        ['poster.jpg', rendered.poster],
      ] as const;
      let bytes = 0;
      for (const [index, [name, file]] of files.entries()) {
        abort.throwIfAborted();
        const size = await storage.put(videoId, name, file);
        uploaded.push(name);
        if (name === 'video.mp4') bytes = size;
        report('upload', ((index + 1) / files.length) * 100);
      }
      const finished = await store.finish(videoId, {
        status: 'succeeded',
        result: {
          durationSeconds: Math.round(rendered.durationSeconds * 100) / 100,
          width: rendered.width,
          height: rendered.height,
          bytes,
          files: { video: 'video.mp4', captions: 'captions.vtt', poster: 'poster.jpg' },
        },
      });
      if (!finished) {
        // Canceled or deleted during the upload: what was uploaded must not outlive the record.
        await storage.remove(videoId);
        return 'gone';
      }
      metrics.finished.inc({ status: 'succeeded', reason: '' });
      metrics.renderSeconds.observe((performance.now() - started) / 1000);
      log.info({ seconds: rendered.durationSeconds }, 'video: rendered');
      return 'succeeded';
    } catch (error) {
      const reason = stopReason(abort);
      if (reason === stopReasons.canceled) {
        if (uploaded.length > 0) await storage.remove(videoId).catch(() => undefined);
        log.info('video: render stopped, the job was canceled');
        return 'canceled';
      }
      if (reason === stopReasons.shutdown && token) {
        // The worker is stopping: the job goes back to the queue as it was, attempt not spent.
        await store.markQueued(videoId);
        await job.moveToWait(token);
        log.info('video: handed back to the queue at shutdown');
        throw new WaitingError();
      }
      const failure = classifyFailure(
        error,
        reason === 'timed-out' ? { seconds: settings.timeoutSeconds } : undefined,
      );
      const final = !failure.retryable || attempt >= settings.attempts;
      log.warn({ err: error, reason: failure.reason, final }, 'video: render failed');
      if (uploaded.length > 0) await storage.remove(videoId).catch(() => undefined);
      if (!final) {
        await store.markQueued(videoId);
        throw error;
      }
      const { retryable: _retryable, ...shown } = failure;
      if (await store.finish(videoId, { status: 'failed', failure: shown })) {
        metrics.finished.inc({ status: 'failed', reason: failure.reason });
        deps.onFinalFailure?.();
      }
      throw new UnrecoverableError(failure.message);
    } finally {
      clearTimeout(timer);
      await rm(workDir, { recursive: true, force: true });
    }
  };
}
