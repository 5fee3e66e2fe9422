import { randomUUID } from 'node:crypto';
import { purgeReceivers } from '@what-if/catalog';
import { eventually } from '../../../test/support/eventually';
import { type SharingHarness, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({ LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
});

afterAll(async () => {
  await sharing?.stop();
});

afterEach(() => {
  sharing.social.purgesDown = false;
});

const sharePurgesOf = (slug: string) =>
  sharing.social.purges.filter((purge) => purge.kind === 'share' && purge.subjectId === slug);

test('a deleted share reaches social (the catalog says so), though social was down when it was deleted', async () => {
  expect(purgeReceivers('share')).toEqual(['social']);
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  sharing.social.purgesDown = true;

  const deleted = await sharing.call('DELETE', `/api/v1/shares/${share.slug}`, { token: owner.token });
  expect(deleted.status).toBe(204);
  // Gone at once for everyone, whatever social's state.
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(404);
  expect(await sharing.itemsMentioning(share.slug)).toEqual([]);
  const waiting = await sharing.purgeOutbox();
  expect(waiting.map((item) => (item['instruction'] as { subjectId: string }).subjectId)).toContain(
    share.slug,
  );

  sharing.social.purgesDown = false;
  await eventually(async () => {
    expect(sharePurgesOf(share.slug)).toHaveLength(1);
    expect(await sharing.purgeOutbox()).toEqual([]);
  }, 15_000);
  expect(sharePurgesOf(share.slug)[0]).toMatchObject({ ownerId: owner.userId, origin: 'sharing' });
});

test("a deleted account's shares stop answering before its purge arrives: the page checks the owner with the user service", async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  // The account is gone in the user service; sharing has not had the purge yet.
  sharing.identity.profiles.delete(owner.userId);
  const page = await sharing.browse(`/s/${share.slug}`);
  expect(page.status).toBe(410);
  expect((await sharing.browse(`/s/${share.slug}/og.png`)).status).toBe(410);
});

test("deleting someone else's share is a 404 that tells social nothing", async () => {
  const owner = sharing.newUser();
  const stranger = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const refused = await sharing.call('DELETE', `/api/v1/shares/${share.slug}`, { token: stranger.token });
  expect(refused.status).toBe(404);
  expect((await sharing.purgeOutbox()).map((item) => JSON.stringify(item))).not.toContainEqual(
    expect.stringContaining(share.slug),
  );
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(200);
});

test('shares that go with their scenario are deleted shares too: social hears of each, so it can drop what it holds about them', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const first = await sharing.share(owner.token, { scenarioId: scenario.id });
  const second = await sharing.share(owner.token, { scenarioId: scenario.id, another: true });
  sharing.history.scenarios.delete(scenario.id);

  const answer = await sharing.callAs('history', 'POST', '/internal/v1/purges', {
    body: {
      id: randomUUID(),
      kind: 'scenario',
      subjectId: scenario.id,
      ownerId: owner.userId,
      requestedAt: new Date().toISOString(),
      origin: 'history',
    },
  });
  expect(answer.status).toBe(204);
  await eventually(async () => {
    expect(sharePurgesOf(first.slug)).toHaveLength(1);
    expect(sharePurgesOf(second.slug)).toHaveLength(1);
    expect(await sharing.purgeOutbox()).toEqual([]);
  }, 15_000);
});
