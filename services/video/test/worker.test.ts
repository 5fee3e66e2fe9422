import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '../../../test/support/eventually';
import { scratchPrefix } from '../src/jobs/scratch';
import { readEvents } from './support/event-stream';
import { englishScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';
import { startWorkerProcess } from './support/worker-process';

let video: VideoHarness;
let bin: string;

beforeAll(async () => {
  video = await startVideo({ VIDEO_JOB_ATTEMPTS: '2' });
  bin = await mkdtemp(path.join(tmpdir(), 'what-if-video-bin-'));
});

afterAll(async () => {
  await video?.stop();
  await rm(bin, { recursive: true, force: true });
});

interface VideoBody {
  id: string;
  status: string;
  stage: string | null;
  attempts: number;
  failure?: { reason: string; message: string };
  files?: Record<'video' | 'captions' | 'poster', { url: string }>;
}

/** A video of a new user's scenario, spoken fast so the test renders little. */
async function requestVideo() {
  const user = video.newUser();
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  const answer = await video.call<VideoBody>('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: scenario.id, rate: 1.5 },
  });
  expect(answer.status).toBe(202);
  return { ...user, id: answer.body.id };
}

const read = async (job: { id: string; token: string }) =>
  (await video.call<VideoBody>('GET', `/api/v1/videos/${job.id}`, { token: job.token })).body;

async function waitFor(
  job: { id: string; token: string },
  check: (body: VideoBody) => boolean,
  timeoutMs = 90_000,
) {
  return eventually(
    async () => {
      const body = await read(job);
      if (!check(body)) throw new Error(`video ${job.id} is ${body.status} at ${body.stage}`);
      return body;
    },
    timeoutMs,
    200,
  );
}

const scratchLeft = async () =>
  (await readdir(video.env['VIDEO_WORK_DIR']!).catch(() => [])).filter((name) =>
    name.startsWith(scratchPrefix),
  );
const storedFiles = async (id: string) => readdir(path.join(video.storageDir, 'videos', id)).catch(() => []);

test('canceling mid-encode stops the render and leaves nothing behind; the worker goes on to the next video', async () => {
  const worker = await video.startWorker();
  try {
    const job = await requestVideo();
    const stream = await readEvents(`${video.url}/api/v1/videos/${job.id}/events`, job.token, (event) => {
      if (event.type === 'progress' && event.data['stage'] === 'encode') {
        void video.call('POST', `/api/v1/videos/${job.id}/cancel`, { token: job.token });
      }
      return event.type === 'done';
    });
    expect(stream.events.at(-1)).toMatchObject({ type: 'done', data: { status: 'canceled' } });
    await eventually(async () => expect(await scratchLeft()).toEqual([]));
    expect(await storedFiles(job.id)).toEqual([]);

    const next = await requestVideo();
    expect((await waitFor(next, (body) => body.status === 'succeeded')).files).toBeDefined();
  } finally {
    await worker.stop();
  }
}, 180_000);

test('a worker killed mid-job: the job completes once a worker runs again; deleting it removes its files', async () => {
  const first = await startWorkerProcess(video.env);
  const job = await requestVideo();
  await waitFor(job, (body) => body.stage === 'encode');
  await first.kill();
  expect((await read(job)).status).toBe('running');

  const restarted = await startWorkerProcess(video.env);
  try {
    const done = await waitFor(job, (body) => body.status === 'succeeded');
    expect(done.attempts).toBe(2);
    // The restarted worker also cleared what the killed one left in its scratch directory.
    // The record says how the attempt ended before the attempt removes its scratch directory.
    await eventually(async () => expect(await scratchLeft()).toEqual([]));
    expect((await storedFiles(job.id)).sort()).toEqual(['captions.vtt', 'poster.jpg', 'video.mp4']);

    expect((await video.call('DELETE', `/api/v1/videos/${job.id}`, { token: job.token })).status).toBe(204);
    expect(await storedFiles(job.id)).toEqual([]);
    expect((await fetch(new URL(done.files!.video.url, video.url))).status).toBe(404);
    expect((await video.call('GET', `/api/v1/videos/${job.id}`, { token: job.token })).status).toBe(404);
  } finally {
    await restarted.stop();
  }
}, 180_000);

test('a worker told to stop mid-job hands the job back; the next worker renders it', async () => {
  const stopping = await startWorkerProcess({ ...video.env, SHUTDOWN_TIMEOUT_MS: '300' });
  const job = await requestVideo();
  await waitFor(job, (body) => body.stage === 'encode');
  expect(await stopping.stop()).toBe(0);
  expect(stopping.logs.some((line) => line['msg'] === 'video: handed back to the queue at shutdown')).toBe(
    true,
  );
  expect((await read(job)).status).toBe('queued');

  const next = await startWorkerProcess(video.env);
  try {
    const done = await waitFor(job, (body) => body.status === 'succeeded');
    // Handing back spends no attempt.
    expect(done.attempts).toBe(1);
  } finally {
    await next.stop();
  }
}, 180_000);

test('a full disk fails the job with that reason after its attempts, cleans up, and the worker keeps serving', async () => {
  const marker = path.join(bin, 'disk-is-full');
  await writeFile(marker, '');
  // An ffmpeg that reports a full disk while the marker exists, and is the real one after.
  await writeFile(
    path.join(bin, 'ffmpeg'),
    `#!/bin/sh\nif [ -f '${marker}' ]; then echo 'video.mp4: No space left on device' >&2; exit 1; fi\nexec /usr/bin/ffmpeg "$@"\n`,
  );
  await chmod(path.join(bin, 'ffmpeg'), 0o755);
  const worker = await startWorkerProcess({ ...video.env, PATH: `${bin}:${process.env['PATH']}` });
  try {
    const job = await requestVideo();
    const failed = await waitFor(job, (body) => body.status === 'failed');
    expect(failed.failure).toEqual({ reason: 'disk-full', message: 'The renderer ran out of disk space.' });
    expect(failed.attempts).toBe(2);
    // The record says how the attempt ended before the attempt removes its scratch directory.
    await eventually(async () => expect(await scratchLeft()).toEqual([]));

    await rm(marker);
    const next = await requestVideo();
    expect((await waitFor(next, (body) => body.status === 'succeeded')).failure).toBeUndefined();
  } finally {
    await worker.stop();
  }
}, 180_000);

test('a missing program fails the job at once with a reason that names it', async () => {
  const worker = await startWorkerProcess({ ...video.env, PATH: bin });
  try {
    const job = await requestVideo();
    const failed = await waitFor(job, (body) => body.status === 'failed');
    expect(failed.failure).toEqual({
      reason: 'missing-program',
      message: 'The renderer is not set up: espeak-ng is not installed on the worker.',
    });
    // Not the kind of failure another attempt mends.
    expect(failed.attempts).toBe(1);
    // The record says how the attempt ended before the attempt removes its scratch directory.
    await eventually(async () => expect(await scratchLeft()).toEqual([]));
  } finally {
    await worker.stop();
  }
}, 60_000);
