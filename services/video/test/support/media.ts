import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Probe {
  streams: Array<{
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    pix_fmt?: string;
  }>;
  format: { duration: string; format_name: string };
}

/** ffprobe's view of a media file. */
export async function probe(file: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    file,
  ]);
  return JSON.parse(stdout) as Probe;
}

/** Where the MP4's moov atom sits relative to its mdat: first means it plays while it downloads. */
export function moovBeforeMdat(mp4: Buffer): boolean {
  return mp4.indexOf('moov') !== -1 && mp4.indexOf('moov') < mp4.indexOf('mdat');
}

/** One frame of a video (or an image, at 0 s) as 8-bit grey pixels at the given size. */
export async function greyFrame(
  file: string,
  seconds: number,
  width: number,
  height: number,
): Promise<Buffer> {
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      String(seconds),
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      `scale=${width}:${height}`,
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** Mean absolute difference of two grey images of one size, 0–255. */
export function meanDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) throw new Error(`images differ in size: ${a.length} and ${b.length} pixels`);
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += Math.abs(a[index]! - b[index]!);
  return sum / a.length;
}

export interface VttCue {
  start: number;
  end: number;
  text: string;
}

/** The cues of a WebVTT file. */
export function parseVtt(text: string): VttCue[] {
  const seconds = (stamp: string) => {
    const [hours, minutes, rest] = stamp.split(':');
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(rest);
  };
  return text
    .split(/\n\n+/)
    .map((block) => /(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n([\s\S]+)/.exec(block))
    .flatMap((match) =>
      match ? [{ start: seconds(match[1]!), end: seconds(match[2]!), text: match[3]!.trim() }] : [],
    );
}

/** Where speech is heard in an audio track: silencedetect's quiet stretches turned inside out. */
export async function speechSpans(file: string): Promise<Array<{ start: number; end: number }>> {
  const { stderr } = await run('ffmpeg', [
    '-hide_banner',
    '-i',
    file,
    '-af',
    'silencedetect=noise=-40dB:d=0.2',
    '-f',
    'null',
    '-',
  ]);
  const duration = Number((await probe(file)).format.duration);
  const quiet: Array<{ start: number; end: number }> = [];
  let start: number | undefined;
  for (const line of stderr.split('\n')) {
    const began = /silence_start: ([\d.]+)/.exec(line);
    const ended = /silence_end: ([\d.]+)/.exec(line);
    if (began) start = Number(began[1]);
    if (ended && start !== undefined) {
      quiet.push({ start, end: Number(ended[1]) });
      start = undefined;
    }
  }
  if (start !== undefined) quiet.push({ start, end: duration });
  const spans: Array<{ start: number; end: number }> = [];
  let cursor = 0;
  for (const gap of quiet) {
    if (gap.start > cursor + 0.05) spans.push({ start: cursor, end: gap.start });
    cursor = gap.end;
  }
  if (duration > cursor + 0.05) spans.push({ start: cursor, end: duration });
  return spans;
}
