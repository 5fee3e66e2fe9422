import { randomUUID } from 'node:crypto';
import { type SharingHarness, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({
    SHARE_PASSWORD_FAILURES_PER_SHARE: '10',
    SHARE_PASSWORD_FAILURES_PER_IP: '2',
    SCENARIO_CACHE_SECONDS: '0',
  });
});

afterAll(async () => {
  await sharing?.stop();
});

const open = (slug: string, body: Record<string, unknown>, caller: 'video' | 'social' = 'video') =>
  sharing.callAs<Record<string, unknown>>(caller, 'POST', `/internal/v1/shares/${slug}/open`, { body });
const availability = (slug: string) =>
  sharing.callAs<{ slug: string; status: string }>(
    'video',
    'GET',
    `/internal/v1/shares/${slug}/availability`,
  );

function moderate(slug: string, action: 'hide' | 'remove' | 'restore') {
  return sharing.callAs('social', 'POST', '/internal/v1/moderation-actions', {
    body: {
      id: randomUUID(),
      target: { kind: 'share', id: slug },
      action,
      reason: 'Reviewed',
      decidedAt: new Date().toISOString(),
    },
  });
}

test('video opens a live share for a signed-in viewer: the owner and the scenario, not counted as a view', async () => {
  const owner = sharing.newUser();
  const viewer = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });

  const opened = await open(share.slug, { viewerId: viewer.userId });
  expect(opened.status).toBe(200);
  expect(opened.body).toEqual({ slug: share.slug, ownerId: owner.userId, scenario });
  expect((await availability(share.slug)).body).toEqual({ slug: share.slug, status: 'available' });

  const read = await sharing.call<{ views: number }>('GET', `/api/v1/shares/${share.slug}`, {
    token: owner.token,
  });
  expect(read.body.views).toBe(0);
});

test('only video may open shares or ask after them', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  expect((await open(share.slug, { viewerId: owner.userId }, 'social')).status).toBe(403);
  const anonymous = await sharing.call('GET', `/internal/v1/shares/${share.slug}/availability`);
  expect(anonymous.status).toBe(401);
});

test('a protected share needs its password; wrong ones count against the viewer as on the page', async () => {
  const owner = sharing.newUser();
  const viewer = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id, password: 'correct horse' });

  const without = await open(share.slug, { viewerId: viewer.userId });
  expect(without.status).toBe(401);
  expect(without.body['type']).toBe('/problems/share-password-required');

  const wrong = await open(share.slug, { viewerId: viewer.userId, password: 'battery staple' });
  expect(wrong.status).toBe(401);
  expect(wrong.body['type']).toBe('/problems/share-password-wrong');

  const right = await open(share.slug, { viewerId: viewer.userId, password: 'correct horse' });
  expect(right.status).toBe(200);
  expect(right.body['scenario']).toEqual(scenario);
  // Availability asks for no password: the opener already proved it.
  expect((await availability(share.slug)).body.status).toBe('available');

  // Past the per-client limit (2 here), even the right password answers 429 for that viewer only.
  await open(share.slug, { viewerId: viewer.userId, password: 'still wrong' });
  const limited = await open(share.slug, { viewerId: viewer.userId, password: 'correct horse' });
  expect(limited.status).toBe(429);
  expect(limited.body['type']).toBe('/problems/share-password-limited');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  const someoneElse = await open(share.slug, {
    viewerId: sharing.newUser().userId,
    password: 'correct horse',
  });
  expect(someoneElse.status).toBe(200);
});

test('a share that shows nothing says why: hidden, removed, revoked, deleted; an unknown slug is missing', async () => {
  const owner = sharing.newUser();
  const viewer = sharing.newUser();
  const share = async () =>
    (await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id, another: true }))
      .slug;

  const hidden = await share();
  expect((await moderate(hidden, 'hide')).status).toBe(204);
  const openedHidden = await open(hidden, { viewerId: viewer.userId });
  expect(openedHidden.status).toBe(410);
  expect(openedHidden.body['reason']).toBe('hidden');
  expect((await availability(hidden)).body.status).toBe('hidden');
  expect((await moderate(hidden, 'restore')).status).toBe(204);
  expect((await availability(hidden)).body.status).toBe('available');

  const removed = await share();
  await moderate(removed, 'remove');
  expect((await availability(removed)).body.status).toBe('removed');
  expect((await open(removed, { viewerId: viewer.userId })).body['reason']).toBe('removed');

  const revoked = await share();
  await sharing.call('POST', `/api/v1/shares/${revoked}/revoke`, { token: owner.token });
  expect((await availability(revoked)).body.status).toBe('revoked');
  expect((await open(revoked, { viewerId: viewer.userId })).status).toBe(410);

  const scenario = sharing.saveScenario(owner.userId);
  const ofDeleted = (await sharing.share(owner.token, { scenarioId: scenario.id })).slug;
  sharing.history.scenarios.delete(scenario.id);
  expect((await availability(ofDeleted)).body.status).toBe('deleted');

  const deleted = await share();
  await sharing.call('DELETE', `/api/v1/shares/${deleted}`, { token: owner.token });
  expect((await availability(deleted)).body.status).toBe('missing');
  const unknown = await open('AAAAAAAAAAAA', { viewerId: viewer.userId });
  expect(unknown.status).toBe(404);
});
