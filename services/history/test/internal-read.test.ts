import { ownedScenarioPath } from '@what-if/contracts';
import { makeScenario } from '../../../test/support/scenario-fixtures';
import { type HistoryHarness, startHistory } from './support/history-harness';

describe("another service's read of a scenario (GET /internal/v1/scenarios/{id})", () => {
  let history: HistoryHarness;

  beforeAll(async () => {
    history = await startHistory();
  });

  afterAll(async () => {
    await history?.stop();
  });

  test('answers the scenario as generated and its owner, without the owner’s own tags or rating', async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
      token: owner.token,
      body: { tags: ['private-note'], rating: 2 },
    });
    const answer = await history.callAs('sharing', 'GET', ownedScenarioPath(scenario.id));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ownerId: owner.userId, scenario, moderation: 'visible' });
    expect(JSON.stringify(answer.body)).not.toContain('private-note');
  });

  test('a deleted or unknown scenario is 404', async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: owner.token });
    expect((await history.callAs('sharing', 'GET', ownedScenarioPath(scenario.id))).status).toBe(404);
    expect((await history.callAs('sharing', 'GET', ownedScenarioPath('no-such-scenario'))).status).toBe(404);
  });

  test("only sharing's service token reads it: none is 401, another service's 403", async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    const anonymous = await history.call('GET', ownedScenarioPath(scenario.id));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body['type']).toBe('/problems/invalid-service-token');
    const generation = await history.callAs('generation', 'GET', ownedScenarioPath(scenario.id));
    expect(generation.status).toBe(403);
    expect(generation.body['type']).toBe('/problems/caller-not-allowed');
  });
});
