import { randomUUID } from 'node:crypto';
import { makeScenario } from '../../../test/support/scenario-fixtures';
import { type HistoryHarness, startHistory } from './support/history-harness';

let history: HistoryHarness;

beforeAll(async () => {
  history = await startHistory();
});

afterAll(async () => {
  await history?.stop();
});

function decision(scenarioId: string, action: string, decidedAt: Date, kind = 'scenario') {
  return {
    id: randomUUID(),
    target: { kind, id: scenarioId },
    action,
    reason: 'Reviewed by a moderator',
    moderatorId: randomUUID(),
    decidedAt: decidedAt.toISOString(),
  };
}

const decide = (body: unknown, caller: 'social' | 'sharing' = 'social') =>
  history.callAs(caller, 'POST', '/internal/v1/moderation-actions', body);
const moderationOf = async (scenarioId: string) =>
  (await history.callAs('sharing', 'GET', `/internal/v1/scenarios/${scenarioId}`)).body['moderation'];

describe("social's decisions about a reported scenario (POST /internal/v1/moderation-actions)", () => {
  test('hide and remove are kept on the scenario and reported to sharing; restore shows it again; an older decision changes nothing', async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    expect(await moderationOf(scenario.id)).toBe('visible');

    const start = Date.now();
    expect((await decide(decision(scenario.id, 'hide', new Date(start)))).status).toBe(204);
    expect(await moderationOf(scenario.id)).toBe('hidden');
    expect((await decide(decision(scenario.id, 'restore', new Date(start + 1_000)))).status).toBe(204);
    expect(await moderationOf(scenario.id)).toBe('visible');
    // Delivered late: decided before the restore, so it is history already.
    expect((await decide(decision(scenario.id, 'remove', new Date(start + 500)))).status).toBe(204);
    expect(await moderationOf(scenario.id)).toBe('visible');
    expect((await decide(decision(scenario.id, 'remove', new Date(start + 2_000)))).status).toBe(204);
    expect(await moderationOf(scenario.id)).toBe('removed');
    // The owner still has it in their history.
    expect(
      (await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token: owner.token })).status,
    ).toBe(200);
  });

  test('a decision about a scenario deleted since needs nothing (204); one about a share is 422', async () => {
    expect((await decide(decision(randomUUID(), 'hide', new Date()))).status).toBe(204);
    const share = await decide(decision('abcdefghijkl', 'hide', new Date(), 'share'));
    expect(share.status).toBe(422);
    expect(String(share.body['detail'])).toContain('share');
  });

  test('only social may decide: another service is 403, no token 401', async () => {
    const body = decision(randomUUID(), 'hide', new Date());
    const sharing = await decide(body, 'sharing');
    expect(sharing.status).toBe(403);
    expect(sharing.body['type']).toBe('/problems/caller-not-allowed');
    expect((await history.call('POST', '/internal/v1/moderation-actions', { body })).status).toBe(401);
  });
});
