import { randomUUID } from 'node:crypto';
import { eventually } from '../../../test/support/eventually';
import { readEvents } from './support/event-stream';
import { englishScenario } from './support/scenarios';
import { type FakeShare, type VideoHarness, startVideo } from './support/video-harness';

let video: VideoHarness;

beforeAll(async () => {
  video = await startVideo();
});

afterAll(async () => {
  await video?.stop();
});

interface VideoBody {
  id: string;
  status: string;
  scenarioId: string;
  shareSlug?: string;
  withdrawn?: string;
  files?: Record<'video' | 'captions' | 'poster', { url: string }>;
}

interface Problem {
  type: string;
  status: number;
  detail: string;
  reason?: string;
  errors?: Array<{ path: string; message: string }>;
}

let slugCount = 0;

/** Someone else's scenario, shared under a fresh slug. */
function sharedScenario(options: Partial<FakeShare> = {}) {
  slugCount += 1;
  const slug = `share${String(slugCount).padStart(7, '0')}`;
  const share: FakeShare = {
    ownerId: `owner-${randomUUID()}`,
    scenario: englishScenario(),
    status: 'available',
    ...options,
  };
  video.sharing.shares.set(slug, share);
  return { slug, share };
}

const request = (token: string, body: Record<string, unknown>) =>
  video.call<VideoBody & Problem>('POST', '/api/v1/videos', { token, body });

test("a video of someone else's share: made from what the share shows, served only while the share shows it", async () => {
  const viewer = video.newUser();
  const { slug, share } = sharedScenario();
  const accepted = await request(viewer.token, { shareSlug: slug, rate: 1.5 });
  expect(accepted.status).toBe(202);
  expect(accepted.body).toMatchObject({ scenarioId: share.scenario.id, shareSlug: slug, status: 'queued' });
  expect(video.sharing.opened.at(-1)).toEqual({ viewerId: viewer.userId });
  const id = accepted.body.id;

  const worker = await video.startWorker();
  let done: VideoBody;
  try {
    done = await eventually(
      async () => {
        const read = await video.call<VideoBody>('GET', `/api/v1/videos/${id}`, { token: viewer.token });
        if (read.body.status !== 'succeeded') throw new Error(`video ${id} is ${read.body.status}`);
        return read.body;
      },
      120_000,
      250,
    );
  } finally {
    await worker.stop();
  }
  const link = new URL(done.files!.video.url, video.url);
  expect((await fetch(link, { headers: { range: 'bytes=0-99' } })).status).toBe(206);

  // Moderators hide the share: every read and download of the video stops, saying why.
  share.status = 'hidden';
  const hidden = await video.call<Problem>('GET', `/api/v1/videos/${id}`, { token: viewer.token });
  expect(hidden.status).toBe(410);
  expect(hidden.body).toMatchObject({ type: '/problems/video-withdrawn', reason: 'hidden' });
  expect(hidden.body.detail).toContain('moderators have hidden');
  const file = await fetch(link);
  expect(file.status).toBe(410);
  expect(((await file.json()) as Problem).reason).toBe('hidden');
  expect((await readEvents(`${video.url}/api/v1/videos/${id}/events`, viewer.token)).status).toBe(410);
  const list = await video.call<{ items: VideoBody[] }>('GET', '/api/v1/videos', { token: viewer.token });
  expect(list.body.items).toEqual([expect.objectContaining({ id, withdrawn: 'hidden' })]);

  // Restored: served again. Then revoked by its owner: withdrawn again.
  share.status = 'available';
  expect((await video.call('GET', `/api/v1/videos/${id}`, { token: viewer.token })).status).toBe(200);
  expect((await fetch(link, { headers: { range: 'bytes=0-99' } })).status).toBe(206);
  share.status = 'revoked';
  const revoked = await video.call<Problem>('GET', `/api/v1/videos/${id}`, { token: viewer.token });
  expect(revoked.body.reason).toBe('revoked');

  // The viewer may still delete it.
  expect((await video.call('DELETE', `/api/v1/videos/${id}`, { token: viewer.token })).status).toBe(204);
}, 180_000);

test('a share that ended while its video rendered: the stream ends with withdrawn, never with links', async () => {
  const viewer = video.newUser();
  const { slug, share } = sharedScenario();
  const accepted = await request(viewer.token, { shareSlug: slug, rate: 1.5 });
  const worker = await video.startWorker();
  try {
    const stream = await readEvents(
      `${video.url}/api/v1/videos/${accepted.body.id}/events`,
      viewer.token,
      (event) => {
        if (event.type === 'progress' && event.data['stage'] === 'encode') share.status = 'removed';
        return event.type !== 'progress';
      },
    );
    expect(stream.events.at(-1)).toEqual({
      type: 'withdrawn',
      data: { id: accepted.body.id, reason: 'removed' },
    });
  } finally {
    await worker.stop();
  }
}, 180_000);

test('a protected share needs its password, which is passed on and never kept', async () => {
  const viewer = video.newUser();
  const { slug } = sharedScenario({ password: 'correct horse' });
  const without = await request(viewer.token, { shareSlug: slug });
  expect(without.status).toBe(403);
  expect(without.body.type).toBe('/problems/share-password-required');
  const wrong = await request(viewer.token, { shareSlug: slug, sharePassword: 'battery staple' });
  expect(wrong.status).toBe(403);
  expect(wrong.body.type).toBe('/problems/share-password-wrong');

  const right = await request(viewer.token, { shareSlug: slug, sharePassword: 'correct horse' });
  expect(right.status).toBe(202);
  expect(video.sharing.opened.at(-1)).toEqual({ viewerId: viewer.userId, password: 'correct horse' });
  expect(JSON.stringify(await video.store.read(right.body.id))).not.toContain('correct horse');
});

test('a share that shows nothing makes no video: 410 naming why, 404 when unknown', async () => {
  const viewer = video.newUser();
  for (const status of ['hidden', 'removed', 'revoked', 'expired', 'deleted'] as const) {
    const { slug } = sharedScenario({ status });
    const refused = await request(viewer.token, { shareSlug: slug });
    expect(refused.status).toBe(410);
    expect(refused.body).toMatchObject({ type: '/problems/share-gone', reason: status });
  }
  const unknown = await request(viewer.token, { shareSlug: 'noSuchShare0' });
  expect(unknown.status).toBe(404);
  expect(unknown.body.type).toBe('/problems/share-not-found');
  const list = await video.call<{ items: unknown[] }>('GET', '/api/v1/videos', { token: viewer.token });
  expect(list.body.items).toEqual([]);
});

test('a request names exactly one of a scenario and a share, and a password only with a share', async () => {
  const viewer = video.newUser();
  const { slug } = sharedScenario();
  const cases: Array<[Record<string, unknown>, string]> = [
    [{}, '/body/scenarioId'],
    [{ scenarioId: randomUUID(), shareSlug: slug }, '/body/shareSlug'],
    [{ scenarioId: randomUUID(), sharePassword: 'x' }, '/body/sharePassword'],
  ];
  for (const [body, path] of cases) {
    const refused = await request(viewer.token, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.path)).toContain(path);
  }
});

test('the same Idempotency-Key with the same share answers the same job', async () => {
  const viewer = video.newUser();
  const { slug } = sharedScenario({ password: 'pw' });
  const key = randomUUID();
  const send = (password: string) =>
    video.call<VideoBody>('POST', '/api/v1/videos', {
      token: viewer.token,
      body: { shareSlug: slug, sharePassword: password },
      headers: { 'idempotency-key': key },
    });
  const first = await send('pw');
  const again = await send('pw');
  expect(again.status).toBe(202);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(again.body.id).toBe(first.body.id);
});

test("a video of one's own scenario never asks sharing", async () => {
  const user = video.newUser();
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  const before = video.sharing.opened.length;
  const accepted = await request(user.token, { scenarioId: scenario.id });
  expect(accepted.status).toBe(202);
  expect(accepted.body.shareSlug).toBeUndefined();
  expect((await video.call('GET', `/api/v1/videos/${accepted.body.id}`, { token: user.token })).status).toBe(
    200,
  );
  expect(video.sharing.opened.length).toBe(before);
});
