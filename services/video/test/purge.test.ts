import { randomUUID } from 'node:crypto';
import type { PurgeInstruction } from '@what-if/contracts';
import { englishScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';

// No worker runs here: the videos stay queued, and a purge must take them out of the queue too.
let video: VideoHarness;

beforeAll(async () => {
  video = await startVideo();
});

afterAll(async () => {
  await video?.stop();
});

function accountPurge(userId: string): PurgeInstruction {
  return {
    id: randomUUID(),
    kind: 'account',
    subjectId: userId,
    ownerId: userId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
}

async function videoOf(user: { userId: string; token: string }): Promise<string> {
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  const answer = await video.call<{ id: string }>('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: scenario.id },
  });
  expect(answer.status).toBe(202);
  return answer.body.id;
}

test("a deleted account's videos all go, queued ones included; a repeat is 204 too; others' stay", async () => {
  const leaving = video.newUser();
  const staying = video.newUser();
  const gone = [await videoOf(leaving), await videoOf(leaving)];
  const kept = await videoOf(staying);

  const instruction = accountPurge(leaving.userId);
  expect((await video.callAs('user', 'POST', '/internal/v1/purges', { body: instruction })).status).toBe(204);
  for (const id of gone) {
    expect((await video.call('GET', `/api/v1/videos/${id}`, { token: leaving.token })).status).toBe(404);
  }
  const list = await video.call<{ items: unknown[] }>('GET', '/api/v1/videos', { token: leaving.token });
  expect(list.body.items).toEqual([]);
  expect((await video.callAs('user', 'POST', '/internal/v1/purges', { body: instruction })).status).toBe(204);
  expect((await video.call('GET', `/api/v1/videos/${kept}`, { token: staying.token })).status).toBe(200);
});

test('only a purge owner of the catalog may send one: no token is 401, another service 403', async () => {
  const instruction = accountPurge(randomUUID());
  const anonymous = await video.call('POST', '/internal/v1/purges', { body: instruction });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body['type']).toBe('/problems/invalid-service-token');
  const gateway = await video.callAs('gateway', 'POST', '/internal/v1/purges', { body: instruction });
  expect(gateway.status).toBe(403);
  expect(gateway.body['type']).toBe('/problems/caller-not-allowed');
});
