import { runProgram } from './programs';

/** Slides fade into one another over this long. */
export const crossFadeSeconds = 0.5;
const framesPerSecond = 25;

export interface Composition {
  /** PNG files, one per slide, in order. */
  slides: readonly string[];
  /** How long each slide is the one in view; they add up to the narration's length. */
  slideSeconds: readonly number[];
  narration: string;
  /** A WebVTT file to burn into the picture, or none. */
  burnCaptions?: string;
  output: string;
  workDir: string;
  signal: AbortSignal;
  /** 0–100 as ffmpeg reports its position in the output. */
  onProgress: (percent: number) => void;
}

/** The filter that chains the slides with cross-fades (and burns the captions in, when asked). */
export function slideFilter(slideSeconds: readonly number[], burnCaptions?: string): string {
  const parts = slideSeconds.map(
    (_, index) => `[${index}:v]format=yuv420p,setsar=1,fps=${framesPerSecond}[s${index}]`,
  );
  let previous = 's0';
  let offset = 0;
  for (let index = 1; index < slideSeconds.length; index += 1) {
    // Each fade starts where the outgoing slide's time ends: the incoming slide is fully in
    // view as its own narration begins (after its lead-in quiet).
    offset += slideSeconds[index - 1]!;
    const label = `x${index}`;
    parts.push(
      `[${previous}][s${index}]xfade=transition=fade:duration=${crossFadeSeconds}:offset=${(offset - crossFadeSeconds / 2).toFixed(3)}[${label}]`,
    );
    previous = label;
  }
  if (burnCaptions) {
    const escaped = burnCaptions.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/:/g, '\\:');
    parts.push(
      `[${previous}]subtitles='${escaped}':force_style='FontName=DejaVu Sans,FontSize=20,Outline=2,MarginV=28'[video]`,
    );
  } else parts.push(`[${previous}]null[video]`);
  return parts.join(';');
}

/**
 * Encodes the slides and the narration to an MP4 (H.264 + AAC, moov atom first so playback
 * starts before the download ends). Every slide input runs half a fade longer at each end it
 * shares with a neighbour, so the cross-fades keep the picture in step with the voice.
 */
export async function composeVideo(composition: Composition): Promise<void> {
  const total = composition.slideSeconds.reduce((sum, seconds) => sum + seconds, 0);
  const last = composition.slides.length - 1;
  const inputs = composition.slides.flatMap((file, index) => {
    const seconds =
      composition.slideSeconds[index]! +
      (index > 0 ? crossFadeSeconds / 2 : 0) +
      (index < last ? crossFadeSeconds / 2 : 0);
    return ['-loop', '1', '-framerate', String(framesPerSecond), '-t', seconds.toFixed(3), '-i', file];
  });
  const args = [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-loglevel',
    'error',
    '-progress',
    'pipe:1',
    '-nostats',
    ...inputs,
    '-i',
    composition.narration,
    '-filter_complex',
    slideFilter(composition.slideSeconds, composition.burnCaptions),
    '-map',
    '[video]',
    '-map',
    `${composition.slides.length}:a`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-tune',
    'stillimage',
    '-crf',
    '23',
    '-pix_fmt',
    'yuv420p',
    '-r',
    String(framesPerSecond),
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-ar',
    '44100',
    '-t',
    total.toFixed(3),
    '-movflags',
    '+faststart',
    composition.output,
  ];
  await runProgram('ffmpeg', args, {
    signal: composition.signal,
    cwd: composition.workDir,
    // libass caches fonts under the home directory, which a read-only container does not have.
    env: { ...process.env, HOME: composition.workDir, XDG_CACHE_HOME: composition.workDir },
    onLine: (line) => {
      const match = /^out_time_us=(\d+)/.exec(line);
      if (match && total > 0) composition.onProgress(Math.min(99, (Number(match[1]) / 1e6 / total) * 100));
    },
  });
  composition.onProgress(100);
}

/** The poster: a frame of the title card, as a JPEG. */
export async function extractPoster(video: string, poster: string, signal: AbortSignal): Promise<void> {
  await runProgram(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-y',
      '-loglevel',
      'error',
      '-ss',
      '1',
      '-i',
      video,
      '-frames:v',
      '1',
      '-q:v',
      '3',
      poster,
    ],
    { signal },
  );
}

export interface ProbedVideo {
  durationSeconds: number;
  width: number;
  height: number;
}

/** What ffprobe reads from the finished file: the figures the record keeps. */
export async function probeVideo(video: string, signal: AbortSignal): Promise<ProbedVideo> {
  let output = '';
  await runProgram(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height:format=duration',
      '-of',
      'json',
      video,
    ],
    { signal, onLine: (line) => (output += line) },
  );
  const parsed = JSON.parse(output) as {
    streams?: Array<{ width: number; height: number }>;
    format?: { duration: string };
  };
  const stream = parsed.streams?.[0];
  return {
    durationSeconds: Number(parsed.format?.duration ?? 0),
    width: stream?.width ?? 0,
    height: stream?.height ?? 0,
  };
}
