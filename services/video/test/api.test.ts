import { randomUUID } from 'node:crypto';
import { readEvents } from './support/event-stream';
import { englishScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';

// No worker runs here: jobs stay queued, which is what these tests are about.
let video: VideoHarness;

beforeAll(async () => {
  video = await startVideo({ VIDEO_QUOTA_USER_PER_DAY: '3' });
});

afterAll(async () => {
  await video?.stop();
});

interface VideoBody {
  id: string;
  status: string;
  scenarioId: string;
  options: Record<string, unknown>;
}

function userWithScenario() {
  const user = video.newUser();
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  return { ...user, scenario };
}

test('a request is accepted at once: 202, Location, the options as resolved, queued', async () => {
  const user = userWithScenario();
  const answer = await video.call<VideoBody>('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: user.scenario.id, resolution: '1080p', rate: 1.25 },
  });
  expect(answer.status).toBe(202);
  expect(answer.headers.get('location')).toBe(`/api/v1/videos/${answer.body.id}`);
  expect(answer.body).toMatchObject({
    scenarioId: user.scenario.id,
    status: 'queued',
    options: { length: 'short', resolution: '1080p', voice: 'female', rate: 1.25, burnCaptions: false },
  });
  const read = await video.call<VideoBody>('GET', `/api/v1/videos/${answer.body.id}`, { token: user.token });
  expect(read.body).toMatchObject({ id: answer.body.id, status: 'queued', percent: 0 });
});

test('the same Idempotency-Key answers the same job and costs no quota; with another request it is refused', async () => {
  const user = userWithScenario();
  const key = randomUUID();
  const send = (body: Record<string, unknown>) =>
    video.call<VideoBody>('POST', '/api/v1/videos', {
      token: user.token,
      body,
      headers: { 'idempotency-key': key },
    });
  const first = await send({ scenarioId: user.scenario.id });
  const again = await Promise.all([
    send({ scenarioId: user.scenario.id }),
    send({ scenarioId: user.scenario.id }),
  ]);
  expect(first.status).toBe(202);
  for (const repeat of again) {
    expect(repeat.status).toBe(202);
    expect(repeat.body.id).toBe(first.body.id);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
  }
  const list = await video.call<{ items: VideoBody[] }>('GET', '/api/v1/videos', { token: user.token });
  expect(list.body.items.map((item) => item.id)).toEqual([first.body.id]);

  const other = await send({ scenarioId: user.scenario.id, length: 'full' });
  expect(other.status).toBe(422);
  expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(other.body).toMatchObject({ type: '/problems/idempotency-key-reused' });

  // The quota of 3 counted the first request only: two more videos fit, the next does not.
  for (let index = 0; index < 2; index += 1) {
    expect(
      (
        await video.call('POST', '/api/v1/videos', {
          token: user.token,
          body: { scenarioId: user.scenario.id },
        })
      ).status,
    ).toBe(202);
  }
  const over = await video.call('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: user.scenario.id },
  });
  expect(over.status).toBe(429);
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(over.body).toMatchObject({ type: '/problems/quota-exceeded', limit: 3 });
  // A replay still answers after the quota is spent: it makes nothing new.
  expect((await send({ scenarioId: user.scenario.id })).status).toBe(202);
});

test('an admin has the larger quota of their role', async () => {
  const admin = video.newUser({ roles: ['user', 'admin'] });
  const scenario = englishScenario();
  video.saveScenario(admin.userId, scenario);
  for (let index = 0; index < 4; index += 1) {
    expect(
      (await video.call('POST', '/api/v1/videos', { token: admin.token, body: { scenarioId: scenario.id } }))
        .status,
    ).toBe(202);
  }
});

test('anonymous callers get no videos, and every route says so', async () => {
  const owner = userWithScenario();
  const made = await video.call<VideoBody>('POST', '/api/v1/videos', {
    token: owner.token,
    body: { scenarioId: owner.scenario.id },
  });
  const routes: Array<[string, string, unknown?]> = [
    ['POST', '/api/v1/videos', { scenarioId: owner.scenario.id }],
    ['GET', '/api/v1/videos'],
    ['GET', `/api/v1/videos/${made.body.id}`],
    ['GET', `/api/v1/videos/${made.body.id}/events`],
    ['POST', `/api/v1/videos/${made.body.id}/cancel`],
    ['DELETE', `/api/v1/videos/${made.body.id}`],
  ];
  for (const [method, path, body] of routes) {
    const answer = await video.call(method, path, body ? { body } : {});
    expect([method, path, answer.status]).toEqual([method, path, 401]);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }
});

test("another user's video or scenario answers exactly like a missing one, on every route", async () => {
  const owner = userWithScenario();
  const intruder = userWithScenario();
  const made = await video.call<VideoBody>('POST', '/api/v1/videos', {
    token: owner.token,
    body: { scenarioId: owner.scenario.id },
  });
  const missing = randomUUID();
  for (const id of [made.body.id, missing]) {
    for (const [method, path] of [
      ['GET', `/api/v1/videos/${id}`],
      ['GET', `/api/v1/videos/${id}/events`],
      ['POST', `/api/v1/videos/${id}/cancel`],
      ['DELETE', `/api/v1/videos/${id}`],
    ] as const) {
      const answer = await video.call(method, path, { token: intruder.token });
      expect([method, path, answer.status]).toEqual([method, path, 404]);
      expect(answer.body['detail']).toBe(`You have no video with the id ${id}.`);
    }
  }
  const foreignScenario = await video.call('POST', '/api/v1/videos', {
    token: intruder.token,
    body: { scenarioId: owner.scenario.id },
  });
  expect(foreignScenario.status).toBe(404);
  expect(foreignScenario.body).toMatchObject({ type: '/problems/scenario-not-found' });
  const list = await video.call<{ items: VideoBody[] }>('GET', '/api/v1/videos', { token: intruder.token });
  expect(list.body.items).toEqual([]);
  // The owner's video is untouched by all of that.
  expect(
    (await video.call<VideoBody>('GET', `/api/v1/videos/${made.body.id}`, { token: owner.token })).body
      .status,
  ).toBe('queued');
});

test('lists page newest first with a cursor; a forged cursor is a 400 naming it', async () => {
  const user = video.newUser({ roles: ['admin'] });
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  const ids: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    const made = await video.call<VideoBody>('POST', '/api/v1/videos', {
      token: user.token,
      body: { scenarioId: scenario.id },
    });
    ids.push(made.body.id);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
    const page = await video.call<{ items: VideoBody[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/videos${query}`,
      { token: user.token },
    );
    expect(page.status).toBe(200);
    seen.push(...page.body.items.map((item) => item.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(seen).toEqual([...ids].reverse());
  const forged = await video.call('GET', '/api/v1/videos?cursor=bm90LWEtY3Vyc29y', { token: user.token });
  expect(forged.status).toBe(400);
  expect(forged.body['errors']).toEqual([expect.objectContaining({ path: '/query/cursor' })]);
});

test('bad options are a 400 naming each field', async () => {
  const user = userWithScenario();
  const answer = await video.call('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: user.scenario.id, resolution: '4k', rate: 3 },
  });
  expect(answer.status).toBe(400);
  const paths = (answer.body['errors'] as Array<{ path: string }>).map((error) => error.path).sort();
  expect(paths).toEqual(['/body/rate', '/body/resolution']);
});

test('canceling a queued video ends it at once; its stream ends with it; a second cancel is a 409', async () => {
  const user = userWithScenario();
  const made = await video.call<VideoBody>('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: user.scenario.id },
  });
  const stream = readEvents(`${video.url}/api/v1/videos/${made.body.id}/events`, user.token);
  const canceled = await video.call<VideoBody>('POST', `/api/v1/videos/${made.body.id}/cancel`, {
    token: user.token,
  });
  expect(canceled.status).toBe(200);
  expect(canceled.body.status).toBe('canceled');
  const { events } = await stream;
  expect(events.at(-1)).toMatchObject({ type: 'done', data: { status: 'canceled' } });
  const again = await video.call('POST', `/api/v1/videos/${made.body.id}/cancel`, { token: user.token });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ type: '/problems/video-finished' });
  const deleted = await video.call('DELETE', `/api/v1/videos/${made.body.id}`, { token: user.token });
  expect(deleted.status).toBe(204);
  expect((await video.call('GET', `/api/v1/videos/${made.body.id}`, { token: user.token })).status).toBe(404);
});
