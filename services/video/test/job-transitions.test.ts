import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createVideoStore } from '../src/store/video-store';
import { englishScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';

/**
 * The job state machine as the store enforces it (queued → running → succeeded | failed,
 * queued | running → canceled): every move the worker, the sweeper or the owner may try, from
 * every state. No worker or sweeper runs here, so only the test moves the jobs.
 */
let video: VideoHarness;

beforeAll(async () => {
  video = await startVideo({ VIDEO_QUOTA_USER_PER_DAY: '100', VIDEO_SWEEP_INTERVAL_SECONDS: '3600' });
});

afterAll(async () => {
  await video?.stop();
});

const result = {
  durationSeconds: 42,
  width: 1280,
  height: 720,
  bytes: 123_456,
  files: { video: 'v/video.mp4', captions: 'v/captions.vtt', poster: 'v/poster.jpg' },
};
const failure = { reason: 'encoder-failed' as const, message: 'The encoder stopped.' };

async function queuedJob(): Promise<{ ownerId: string; id: string }> {
  const user = video.newUser();
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  const answer = await video.call<{ id: string; status: string }>('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: scenario.id },
  });
  expect(answer.status).toBe(202);
  return { ownerId: user.userId, id: answer.body.id };
}

/** Tries every move on a job that has ended, expecting each refused and the job unchanged. */
async function expectEnded(id: string, ownerId: string): Promise<void> {
  const before = await video.store.read(id);
  expect(await video.store.markRunning(id, 9)).toBeUndefined();
  expect(await video.store.recordProgress(id, { stage: 'frames', stagePercent: 5, percent: 30 })).toBe(false);
  expect(await video.store.finish(id, { status: 'succeeded', result })).toBeUndefined();
  expect(await video.store.finish(id, { status: 'failed', failure })).toBeUndefined();
  expect(await video.store.markQueued(id)).toBeUndefined();
  expect(await video.store.cancel(ownerId, id)).toBeUndefined();
  expect(await video.store.read(id)).toEqual(before);
  expect(await video.store.active()).not.toContain(id);
}

test('a job runs, reports progress and succeeds; then nothing moves it again', async () => {
  const { ownerId, id } = await queuedJob();
  expect(await video.store.active()).toContain(id);
  expect(await video.store.recordProgress(id, { stage: 'speech', stagePercent: 10, percent: 5 })).toBe(false);

  const running = await video.store.markRunning(id, 1);
  expect(running).toMatchObject({
    id,
    status: 'running',
    attempts: 1,
    stage: 'script',
    stagePercent: 0,
    percent: 0,
  });
  expect(running?.startedAt).toEqual(expect.any(String));
  expect(await video.store.recordProgress(id, { stage: 'frames', stagePercent: 50, percent: 60 })).toBe(true);
  expect(await video.store.read(id)).toMatchObject({
    status: 'running',
    stage: 'frames',
    stagePercent: 50,
    percent: 60,
  });
  expect(await video.store.active()).toContain(id);

  const succeeded = await video.store.finish(id, { status: 'succeeded', result });
  expect(succeeded).toMatchObject({ status: 'succeeded', result, percent: 100, stagePercent: 100 });
  expect(succeeded?.finishedAt).toEqual(expect.any(String));
  expect(succeeded?.failure).toBeUndefined();
  await expectEnded(id, ownerId);
});

test('a failed job records why, and stays failed', async () => {
  const { ownerId, id } = await queuedJob();
  await video.store.markRunning(id, 1);
  const failed = await video.store.finish(id, { status: 'failed', failure });
  expect(failed).toMatchObject({ status: 'failed', failure, percent: 0 });
  expect(failed?.result).toBeUndefined();
  expect(failed?.finishedAt).toEqual(expect.any(String));
  await expectEnded(id, ownerId);
});

test('an attempt handed back queues the job again; the next attempt starts it afresh and keeps its first start', async () => {
  const { id } = await queuedJob();
  const first = await video.store.markRunning(id, 1);
  await video.store.recordProgress(id, { stage: 'encode', stagePercent: 40, percent: 80 });
  const requeued = await video.store.markQueued(id);
  expect(requeued).toMatchObject({ status: 'queued', attempts: 1 });
  expect(requeued?.stage ?? null).toBeNull();
  expect(await video.store.active()).toContain(id);
  expect(await video.store.recordProgress(id, { stage: 'encode', stagePercent: 50, percent: 85 })).toBe(
    false,
  );
  const second = await video.store.markRunning(id, 2);
  expect(second).toMatchObject({ status: 'running', attempts: 2, stage: 'script', percent: 0 });
  expect(second?.startedAt).toBe(first?.startedAt);
});

test('only the owner cancels, queued or running; a canceled job never runs or finishes', async () => {
  const queued = await queuedJob();
  expect(await video.store.cancel('someone-else', queued.id)).toBeUndefined();
  expect(await video.store.read(queued.id)).toMatchObject({ status: 'queued' });
  const canceled = await video.store.cancel(queued.ownerId, queued.id);
  expect(canceled).toMatchObject({ status: 'canceled' });
  expect(canceled?.finishedAt).toEqual(expect.any(String));
  await expectEnded(queued.id, queued.ownerId);

  const running = await queuedJob();
  await video.store.markRunning(running.id, 1);
  expect(await video.store.cancel('someone-else', running.id)).toBeUndefined();
  expect(await video.store.cancel(running.ownerId, running.id)).toMatchObject({ status: 'canceled' });
  await expectEnded(running.id, running.ownerId);
});

test('a deleted job is never brought back by a worker that had not heard', async () => {
  const { ownerId, id } = await queuedJob();
  await video.store.markRunning(id, 1);
  expect(await video.store.delete(id, ownerId)).toBe(true);
  expect(await video.store.markRunning(id, 2)).toBeUndefined();
  expect(await video.store.recordProgress(id, { stage: 'upload', stagePercent: 1, percent: 99 })).toBe(false);
  expect(await video.store.finish(id, { status: 'succeeded', result })).toBeUndefined();
  expect(await video.store.markQueued(id)).toBeUndefined();
  expect(await video.store.cancel(ownerId, id)).toBeUndefined();
  expect(await video.store.read(id)).toBeUndefined();
});

test('a store that cannot be reached is an error, never taken for a job that ended', async () => {
  const unreachable = new DynamoDBClient({
    endpoint: 'http://127.0.0.1:1',
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const store = createVideoStore(DynamoDBDocumentClient.from(unreachable), 'videos');
  try {
    // A worker that read "ended" here would drop a job that is still queued.
    await expect(store.markRunning('any-video', 1)).rejects.toThrow();
    await expect(store.cancel('any-owner', 'any-video')).rejects.toThrow();
  } finally {
    unreachable.destroy();
  }
});
