import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Scenario } from '@what-if/contracts';
import type { SpeechProvider } from '../speech/speech-provider';
import { type VideoOptions, type VideoStage, resolutions } from '../video';
import { captionCues, webVtt } from './captions';
import { composeVideo, extractPoster, probeVideo } from './compose';
import { narrate } from './narration';
import { writeScript } from './script';
import { registerSlideFonts, renderSlide } from './slides';

export interface RenderRequest {
  scenario: Scenario;
  options: VideoOptions;
  speech: SpeechProvider;
  fontDir: string;
  appUrl: string;
  /** A scratch directory of this render's own; the caller removes it. */
  workDir: string;
  signal: AbortSignal;
  onProgress: (stage: VideoStage, percent: number) => void;
}

export interface RenderedVideo {
  video: string;
  captions: string;
  poster: string;
  durationSeconds: number;
  width: number;
  height: number;
}

/**
 * The whole render of one video in a scratch directory: script, speech, slides, encode and
 * poster, with progress per stage. Upload is the caller's.
 */
export async function renderVideo(request: RenderRequest): Promise<RenderedVideo> {
  const { options, signal, workDir, onProgress } = request;
  const file = (name: string) => path.join(workDir, name);

  onProgress('script', 0);
  registerSlideFonts(request.fontDir);
  const script = writeScript(request.scenario, options);
  onProgress('script', 100);

  onProgress('speech', 0);
  const narration = await narrate(script, options, request.speech, {
    file: file('narration.wav'),
    workDir,
    signal,
    onProgress: (percent) => onProgress('speech', percent),
  });
  const captions = file('captions.vtt');
  await writeFile(captions, webVtt(captionCues(narration.sentences)), 'utf8');

  onProgress('frames', 0);
  const { width, height } = resolutions[options.resolution];
  const slides: string[] = [];
  for (const [index, slide] of script.slides.entries()) {
    signal.throwIfAborted();
    const png = file(`slide-${String(index).padStart(2, '0')}.png`);
    await writeFile(
      png,
      renderSlide(slide, { width, height, appUrl: request.appUrl, captionBand: options.burnCaptions }),
    );
    slides.push(png);
    onProgress('frames', ((index + 1) / script.slides.length) * 100);
  }

  onProgress('encode', 0);
  const video = file('video.mp4');
  await composeVideo({
    slides,
    slideSeconds: narration.slideSeconds,
    narration: file('narration.wav'),
    ...(options.burnCaptions ? { burnCaptions: captions } : {}),
    output: video,
    workDir,
    signal,
    onProgress: (percent) => onProgress('encode', percent),
  });
  const poster = file('poster.jpg');
  await extractPoster(video, poster, signal);
  const probed = await probeVideo(video, signal);
  return { video, captions, poster, ...probed };
}
