import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { service } from '@what-if/catalog';
import { type ApiCall, apiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { type FakeIdentity, startFakeIdentity } from './support/fake-identity';
import { makeScenario } from './support/scenario-fixtures';
import { type TestStores, provisionStores } from './support/service-chassis';
import { serviceToken } from './support/service-identity';
import { type ServiceProcess, startServiceProcess } from './support/service-processes';
import { signAccessToken } from './support/tokens';

/**
 * A video of someone else's share, with history, sharing and video each in its own process and
 * signing its own calls: video opens the share through sharing (password and all), and a
 * moderator's hide, sent to sharing as social sends it, withdraws the video on its next read.
 * No worker runs: what is under test is who may have which video, not the rendering.
 */
let identity: FakeIdentity;
let scratch: string;
const stores: TestStores[] = [];
const running: ServiceProcess[] = [];
let history: ServiceProcess;
let sharing: ServiceProcess;
let video: ServiceProcess;
let callSharing: ApiCall;
let callVideo: ApiCall;

async function start(name: 'history' | 'sharing' | 'video', env: Record<string, string>) {
  const provisioned = await provisionStores(service(name).stores);
  stores.push(provisioned);
  const started = await startServiceProcess(name, { env: { ...provisioned.env, ...env } });
  running.push(started);
  await eventually(async () => expect((await fetch(`${started.url}/health/ready`)).status).toBe(200));
  return started;
}

beforeAll(async () => {
  identity = await startFakeIdentity();
  scratch = await mkdtemp(path.join(tmpdir(), 'what-if-video-share-'));
  history = await start('history', { USER_SERVICE_URL: identity.url });
  sharing = await start('sharing', {
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
    SCENARIO_CACHE_SECONDS: '0',
  });
  video = await start('video', {
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
    SHARING_SERVICE_URL: sharing.url,
    SHARE_CHECK_CACHE_SECONDS: '0',
    VIDEO_STORAGE: 'local',
    VIDEO_STORAGE_DIR: path.join(scratch, 'files'),
    VIDEO_URL_SECRET: 'a test secret that is long enough to sign links',
  });
  callSharing = apiClient(sharing.url);
  callVideo = apiClient(video.url);
  // Three services and their stores start one after another; on a busy machine that takes a while.
}, 120_000);

afterAll(async () => {
  for (const started of running.reverse()) await started.stop();
  for (const own of stores) await own.cleanup();
  await identity?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** An account the user-service stand-in shows: sharing answers 410 for a share whose owner it does not. */
function newUser() {
  const userId = randomUUID();
  identity.profiles.set(userId, {
    id: userId,
    username: null,
    displayName: 'Someone',
    bio: '',
    avatarUrl: null,
    joinedAt: new Date(Date.now() - 30 * 24 * 3_600_000).toISOString(),
  });
  return { userId, token: signAccessToken(identity.signingKey, { sub: userId }) };
}

/** A scenario in the owner's history (saved as generation saves it) and a share of it. */
async function sharedScenario(
  owner: { userId: string; token: string },
  settings: Record<string, unknown> = {},
) {
  const scenario = makeScenario({ id: randomUUID() });
  const saved = await apiClient(history.url)('PUT', `/internal/v1/scenarios/${scenario.id}`, {
    token: serviceToken('generation', 'history'),
    body: { ownerId: owner.userId, scenario },
  });
  expect(saved.status).toBe(201);
  const share = await callSharing<{ slug: string }>('POST', '/api/v1/shares', {
    token: owner.token,
    body: { scenarioId: scenario.id, ...settings },
  });
  expect(share.status).toBe(201);
  return { scenario, slug: share.body.slug };
}

function moderate(slug: string, action: 'hide' | 'restore') {
  return callSharing('POST', '/internal/v1/moderation-actions', {
    token: serviceToken('social', 'sharing'),
    body: {
      id: randomUUID(),
      target: { kind: 'share', id: slug },
      action,
      reason: 'Reviewed',
      decidedAt: new Date().toISOString(),
    },
  });
}

test("a viewer's video of a share is made from the shared scenario and withdrawn while moderators hide the share", async () => {
  const owner = newUser();
  const viewer = newUser();
  const { scenario, slug } = await sharedScenario(owner);

  const accepted = await callVideo<{ id: string; scenarioId: string; title: string; shareSlug: string }>(
    'POST',
    '/api/v1/videos',
    { token: viewer.token, body: { shareSlug: slug } },
  );
  expect(accepted.status).toBe(202);
  expect(accepted.body).toMatchObject({ scenarioId: scenario.id, title: scenario.title, shareSlug: slug });
  const read = () =>
    callVideo<{ reason?: string }>('GET', `/api/v1/videos/${accepted.body.id}`, { token: viewer.token });
  expect((await read()).status).toBe(200);
  // The owner's own history is not the viewer's: the scenario itself is still not theirs to ask for.
  const direct = await callVideo('POST', '/api/v1/videos', {
    token: viewer.token,
    body: { scenarioId: scenario.id },
  });
  expect(direct.status).toBe(404);

  expect((await moderate(slug, 'hide')).status).toBe(204);
  const hidden = await read();
  expect(hidden.status).toBe(410);
  expect(hidden.body.reason).toBe('hidden');
  const refused = await callVideo<{ type: string; reason: string }>('POST', '/api/v1/videos', {
    token: newUser().token,
    body: { shareSlug: slug },
  });
  expect([refused.status, refused.body.type, refused.body.reason]).toEqual([
    410,
    '/problems/share-gone',
    'hidden',
  ]);

  expect((await moderate(slug, 'restore')).status).toBe(204);
  expect((await read()).status).toBe(200);
}, 60_000);

test('a protected share opens for a video only with its password, checked by sharing', async () => {
  const owner = newUser();
  const viewer = newUser();
  const { slug } = await sharedScenario(owner, { password: 'correct horse' });
  const ask = (sharePassword?: string) =>
    callVideo<{ type?: string }>('POST', '/api/v1/videos', {
      token: viewer.token,
      body: { shareSlug: slug, ...(sharePassword ? { sharePassword } : {}) },
    });
  expect([(await ask()).status, (await ask()).body.type]).toEqual([403, '/problems/share-password-required']);
  const wrong = await ask('battery staple');
  expect([wrong.status, wrong.body.type]).toEqual([403, '/problems/share-password-wrong']);
  expect((await ask('correct horse')).status).toBe(202);
}, 60_000);
