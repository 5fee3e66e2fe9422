import { randomUUID } from 'node:crypto';
import type { PurgeInstruction } from '@what-if/contracts';
import { eventually } from '../../../test/support/eventually';
import { type SharingHarness, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({ LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
});

afterAll(async () => {
  await sharing?.stop();
});

function purge(kind: PurgeInstruction['kind'], subjectId: string, ownerId: string) {
  const instruction: PurgeInstruction = {
    id: randomUUID(),
    kind,
    subjectId,
    ownerId,
    requestedAt: new Date().toISOString(),
    origin: kind === 'account' ? 'user' : kind === 'scenario' ? 'history' : 'sharing',
  };
  // The route admits the owners of the kinds sharing receives: user (accounts), history (scenarios).
  return sharing.callAs(kind === 'account' ? 'user' : 'history', 'POST', '/internal/v1/purges', {
    body: instruction,
  });
}

/** A share that has been viewed and reported, so it has something in every kind of item. */
async function usedShare(
  owner: { userId: string; token: string },
  scenarioId: string,
  reporterToken: string,
) {
  const share = await sharing.share(owner.token, { scenarioId, another: true });
  expect((await sharing.browse(`/s/${share.slug}?via=x`, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(
    200,
  );
  const report = await sharing.call('POST', `/api/v1/shares/${share.slug}/reports`, {
    token: reporterToken,
    body: { reason: 'spam' },
    headers: { 'x-forwarded-for': '198.51.100.8' },
  });
  expect(report.status).toBe(202);
  // The view is counted after the page went out: wait for its day's counters.
  await eventually(async () =>
    expect((await sharing.itemsMentioning(share.slug)).map((item) => String(item['sk']))).toContainEqual(
      expect.stringMatching(/^STATS#/),
    ),
  );
  return share;
}

test("a scenario's purge removes every share of it with its views, counters, reports and pointers; a repeat is 204", async () => {
  const owner = sharing.newUser();
  const reporter = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const first = await usedShare(owner, scenario.id, reporter.token);
  const second = await usedShare(owner, scenario.id, reporter.token);
  const other = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });

  sharing.history.scenarios.delete(scenario.id);
  expect((await purge('scenario', scenario.id, owner.userId)).status).toBe(204);
  expect(await sharing.itemsMentioning(scenario.id)).toEqual([]);
  expect(await sharing.itemsMentioning(first.slug)).toEqual([]);
  expect(await sharing.itemsMentioning(second.slug)).toEqual([]);
  expect((await sharing.browse(`/s/${first.slug}`)).status).toBe(404);
  expect((await sharing.browse(`/s/${first.slug}/og.png`)).status).toBe(404);
  // The owner's other shares are untouched.
  expect((await sharing.browse(`/s/${other.slug}`)).status).toBe(200);
  expect((await purge('scenario', scenario.id, owner.userId)).status).toBe(204);
});

test("an account's purge removes its shares and the reports it filed on other people's shares", async () => {
  const leaving = sharing.newUser();
  const staying = sharing.newUser();
  const own = await usedShare(leaving, sharing.saveScenario(leaving.userId).id, staying.token);
  const theirs = await sharing.share(staying.token, { scenarioId: sharing.saveScenario(staying.userId).id });
  const report = await sharing.call('POST', `/api/v1/shares/${theirs.slug}/reports`, {
    token: leaving.token,
    body: { reason: 'other', note: 'Written by the leaving user' },
    headers: { 'x-forwarded-for': '198.51.100.9' },
  });
  expect(report.status).toBe(202);
  // The report reached social first: only sharing's own record of it is left to remove.
  await eventually(async () =>
    expect(sharing.social.reports.map((received) => received.reporter.userId)).toContain(leaving.userId),
  );

  expect((await purge('account', leaving.userId, leaving.userId)).status).toBe(204);
  await eventually(async () => expect(await sharing.itemsMentioning(leaving.userId)).toEqual([]));
  expect(await sharing.itemsMentioning(own.slug)).toEqual([]);
  expect((await sharing.browse(`/s/${own.slug}`)).status).toBe(404);
  expect((await sharing.browse(`/s/${theirs.slug}`)).status).toBe(200);
});

test("a share's purge removes it whoever owns it; a post's purge has nothing here", async () => {
  const owner = sharing.newUser();
  const share = await usedShare(owner, sharing.saveScenario(owner.userId).id, sharing.newUser().token);
  expect((await purge('share', share.slug, owner.userId)).status).toBe(204);
  expect(await sharing.itemsMentioning(share.slug)).toEqual([]);
  expect((await purge('post', randomUUID(), owner.userId)).status).toBe(204);
});

test('an instruction outside the contract is a 400 naming what is wrong', async () => {
  const answer = await sharing.callAs<{ detail: string }>('user', 'POST', '/internal/v1/purges', {
    body: {
      id: randomUUID(),
      kind: 'galaxy',
      subjectId: 'x',
      ownerId: 'y',
      requestedAt: 'soon',
      origin: 'user',
    },
  });
  expect(answer.status).toBe(400);
  expect(answer.body.detail).toMatch(/kind|requestedAt/);
});

test('only a purge owner of the catalog may send an instruction: no token is 401, another caller 403', async () => {
  const instruction: PurgeInstruction = {
    id: randomUUID(),
    kind: 'account',
    subjectId: randomUUID(),
    ownerId: randomUUID(),
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
  expect((await sharing.call('POST', '/internal/v1/purges', { body: instruction })).status).toBe(401);
  const social = await sharing.callAs('social', 'POST', '/internal/v1/purges', { body: instruction });
  expect(social.status).toBe(403);
  expect(social.body['type']).toBe('/problems/caller-not-allowed');
});
