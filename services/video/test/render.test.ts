import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeScript } from '../src/pipeline/script';
import { registerSlideFonts, renderSlide } from '../src/pipeline/slides';
import { readEvents } from './support/event-stream';
import { greyFrame, meanDifference, moovBeforeMdat, parseVtt, probe, speechSpans } from './support/media';
import { englishScenario, vietnameseScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';

let video: VideoHarness;
let scratch: string;

beforeAll(async () => {
  video = await startVideo();
  await video.startWorker();
  scratch = await mkdtemp(path.join(tmpdir(), 'what-if-video-render-'));
});

afterAll(async () => {
  await video?.stop();
  await rm(scratch, { recursive: true, force: true });
});

interface VideoBody {
  id: string;
  status: string;
  durationSeconds?: number;
  width?: number;
  height?: number;
  files?: Record<'video' | 'captions' | 'poster', { url: string; expiresAt: string }>;
  failure?: { reason: string; message: string };
}

async function download(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: Headers }> {
  const response = await fetch(new URL(url, video.url), { headers });
  return {
    status: response.status,
    body: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

/** Requests a video and follows its event stream to the end; answers the `done` event's video. */
async function render(token: string, body: Record<string, unknown>) {
  const requested = await video.call<VideoBody>('POST', '/api/v1/videos', { token, body });
  expect(requested.status).toBe(202);
  expect(requested.headers.get('location')).toBe(`/api/v1/videos/${requested.body.id}`);
  const stream = await readEvents(`${video.url}/api/v1/videos/${requested.body.id}/events`, token);
  return {
    id: requested.body.id,
    events: stream.events,
    done: stream.events.at(-1)?.data as unknown as VideoBody,
  };
}

test('a short English video: H.264 and AAC at 720p, as long as its narration, captions covering the speech, a poster', async () => {
  const user = video.newUser();
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);

  const { events, done } = await render(user.token, { scenarioId: scenario.id });
  expect(events.at(-1)?.type).toBe('done');
  expect(done.failure).toBeUndefined();
  expect(done.status).toBe('succeeded');

  // Progress is real: every stage reported in order, percentages never going back.
  const progress = events.filter((event) => event.type === 'progress').map((event) => event.data);
  const stages = [...new Set(progress.map((event) => event['stage']).filter(Boolean))];
  expect(stages).toEqual(['script', 'speech', 'frames', 'encode', 'upload']);
  const percents = progress.map((event) => Number(event['percent']));
  expect(percents).toEqual([...percents].sort((a, b) => a - b));

  const mp4 = await download(done.files!.video.url);
  expect(mp4.status).toBe(200);
  expect(mp4.headers.get('content-type')).toBe('video/mp4');
  expect(moovBeforeMdat(mp4.body)).toBe(true);
  const file = path.join(scratch, 'english.mp4');
  await writeFile(file, mp4.body);
  const probed = await probe(file);
  const videoStream = probed.streams.find((stream) => stream.codec_type === 'video');
  expect(videoStream).toMatchObject({ codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' });
  expect(probed.streams.find((stream) => stream.codec_type === 'audio')?.codec_name).toBe('aac');

  // The narration is what is heard: the video lasts as long as the speech plus its pauses.
  const speech = await speechSpans(file);
  const lastSpeech = speech.at(-1)!.end;
  const duration = Number(probed.format.duration);
  expect(Math.abs(duration - done.durationSeconds!) / duration).toBeLessThan(0.1);
  expect(duration).toBeGreaterThan(lastSpeech);
  expect(duration - lastSpeech).toBeLessThan(0.1 * duration + 3.5); // the silent end card is 3 s

  // Captions: cues in order, within the video, covering the speech they caption.
  const captions = await download(done.files!.captions.url);
  expect(captions.headers.get('content-type')).toMatch(/^text\/vtt/);
  const text = captions.body.toString('utf8');
  expect(text.startsWith('WEBVTT')).toBe(true);
  const cues = parseVtt(text);
  expect(cues.length).toBeGreaterThanOrEqual(3);
  for (const [index, cue] of cues.entries()) {
    expect(cue.end).toBeGreaterThan(cue.start);
    if (index > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[index - 1]!.end - 0.001);
  }
  expect(cues.at(-1)!.end).toBeLessThanOrEqual(duration);
  expect(cues.map((cue) => cue.text.replace(/\n/g, ' ')).join(' ')).toContain(
    'Imagine a world in which Rome never fell.',
  );
  for (const span of speech.filter((candidate) => candidate.end - candidate.start > 0.3)) {
    const middle = (span.start + span.end) / 2;
    expect(cues.some((cue) => cue.start - 0.25 <= middle && middle <= cue.end + 0.25)).toBe(true);
  }

  const poster = await download(done.files!.poster.url);
  expect(poster.headers.get('content-type')).toBe('image/jpeg');
  expect(poster.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

  // Range requests let a player seek; a link whose signature was altered opens nothing.
  const part = await download(done.files!.video.url, { range: 'bytes=1000-1999' });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${mp4.body.length}`);
  expect(part.body).toEqual(mp4.body.subarray(1000, 2000));
  const tampered = done.files!.video.url.replace(/signature=[^&]+/, 'signature=AAAA');
  expect((await download(tampered)).status).toBe(403);
}, 120_000);

test('a Vietnamese video speaks Vietnamese and shows its diacritics on the slides', async () => {
  const user = video.newUser();
  const scenario = vietnameseScenario();
  video.saveScenario(user.userId, scenario);
  const { done } = await render(user.token, { scenarioId: scenario.id, burnCaptions: true });
  expect(done.status).toBe('succeeded');
  const mp4 = path.join(scratch, 'vietnamese.mp4');
  await writeFile(mp4, (await download(done.files!.video.url)).body);
  const captions = parseVtt((await download(done.files!.captions.url)).body.toString('utf8'));
  expect(captions.map((cue) => cue.text.replace(/\n/g, ' ')).join(' ')).toContain(
    'Thăng Long rơi vào tay giặc',
  );

  // The summary slide, shown while its first sentence is spoken, against renderings of the same
  // slide with and without the diacritics: the frame must match the one with them.
  const script = writeScript(scenario, { length: 'short', rate: 1 });
  const summary = script.slides.find((slide) => slide.kind === 'section')!;
  const cue = captions.find((candidate) => candidate.text.startsWith(summary.sentences[0]!.slice(0, 20)))!;
  registerSlideFonts('/usr/share/fonts/truetype/dejavu');
  const frame = { width: 1280, height: 720, appUrl: 'http://localhost:3007', captionBand: true };
  const expected = path.join(scratch, 'expected.png');
  const stripped = path.join(scratch, 'stripped.png');
  await writeFile(expected, renderSlide(summary, frame));
  const withoutMarks = (text: string) =>
    text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  await writeFile(
    stripped,
    renderSlide(
      { ...summary, heading: withoutMarks(summary.heading), body: summary.body.map(withoutMarks) },
      frame,
    ),
  );
  const shown = await greyFrame(mp4, (cue.start + cue.end) / 2, 640, 360);
  const reference = await greyFrame(expected, 0, 640, 360);
  const strippedReference = await greyFrame(stripped, 0, 640, 360);
  // Compared above the caption band: the burned-in caption is not on the reference slide.
  const band = 360 * 0.75 * 640;
  const right = meanDifference(shown.subarray(0, band), reference.subarray(0, band));
  const wrong = meanDifference(shown.subarray(0, band), strippedReference.subarray(0, band));
  expect(right).toBeLessThan(wrong / 2);
  // The captions were burned in: the lower band differs from the bare slide.
  expect(meanDifference(shown.subarray(band), reference.subarray(band))).toBeGreaterThan(right * 2);
}, 120_000);
