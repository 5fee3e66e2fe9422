import { purgeReceivers } from '@what-if/catalog';
import { eventually } from '../../../test/support/eventually';
import { makeScenario } from '../../../test/support/scenario-fixtures';
import { type HistoryHarness, startHistory } from './support/history-harness';

let history: HistoryHarness;

beforeAll(async () => {
  history = await startHistory();
});

afterAll(async () => {
  await history?.stop();
});

afterEach(() => {
  for (const receiver of history.receivers.values()) receiver.down = false;
});

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${history.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => new RegExp(`^${name}(\\{[^}]*\\})? `).test(candidate));
  return Number(line?.split(' ').at(-1));
}

/** The scenario instructions a receiver acknowledged for one scenario. */
function acknowledgedFor(receiver: string, scenarioId: string) {
  return history.receivers
    .get(receiver as never)!
    .acknowledged()
    .filter((body) => body['kind'] === 'scenario' && body['subjectId'] === scenarioId);
}

describe('a deleted scenario reaches every service that shows it (docs/cross-service.md §2)', () => {
  test('the receivers are sharing, social and video, as the catalog says', () => {
    expect([...history.receivers.keys()].sort()).toEqual(['sharing', 'social', 'video']);
    expect(purgeReceivers('scenario').sort()).toEqual(['sharing', 'social', 'video']);
  });

  test('with every receiver down during the delete, the scenario is gone at once and each receiver gets the instruction once it is back', async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    for (const receiver of history.receivers.values()) receiver.down = true;

    const deleted = await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: owner.token });
    expect(deleted.status).toBe(204);
    expect(await history.itemsOf(scenario.id)).toEqual([]);

    // Tried at once, refused, and kept with every receiver still owed it.
    await eventually(async () => {
      for (const receiver of history.receivers.values()) {
        expect(
          receiver.purges.some((purge) => purge.status === 503 && purge.body['subjectId'] === scenario.id),
        ).toBe(true);
      }
    });
    const waiting = (await history.purgeOutbox()).filter(
      (item) => (item['instruction'] as { subjectId: string }).subjectId === scenario.id,
    );
    expect(waiting).toHaveLength(1);
    expect([...(waiting[0]!['receivers'] as Set<string>)].sort()).toEqual(['sharing', 'social', 'video']);
    expect(await metric('purge_outbox_pending')).toBeGreaterThanOrEqual(1);

    for (const receiver of history.receivers.values()) receiver.down = false;
    await eventually(async () => {
      for (const name of history.receivers.keys()) expect(acknowledgedFor(name, scenario.id)).toHaveLength(1);
      expect(await history.purgeOutbox()).toEqual([]);
    }, 15_000);
    for (const receiver of history.receivers.values()) {
      const delivered = receiver.purges.find(
        (purge) => purge.status === 204 && purge.body['subjectId'] === scenario.id,
      )!;
      expect(delivered.caller).toBe('history');
      expect(delivered.body).toMatchObject({ kind: 'scenario', ownerId: owner.userId, origin: 'history' });
    }
    expect(await metric('purge_outbox_pending')).toBe(0);
  });

  test("deleting someone else's scenario tells nobody anything: receivers purge by id, so only the owner's delete may", async () => {
    const owner = history.newUser();
    const stranger = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);

    const refused = await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, {
      token: stranger.token,
    });
    expect(refused.status).toBe(404);
    const bulk = await history.call('POST', '/api/v1/scenarios/bulk', {
      token: stranger.token,
      body: { action: 'delete', ids: [scenario.id] },
    });
    expect(bulk.body['results']).toEqual([{ id: scenario.id, status: 'not_found' }]);

    expect(await history.purgeOutbox()).toEqual([]);
    for (const receiver of history.receivers.values()) {
      expect(receiver.purges.filter((purge) => purge.body['subjectId'] === scenario.id)).toEqual([]);
    }
    expect(await history.itemsOf(scenario.id)).not.toEqual([]);
  });

  test('a bulk delete sends one instruction per deleted scenario', async () => {
    const owner = history.newUser();
    const scenarios = [makeScenario(), makeScenario()];
    for (const scenario of scenarios) await history.save(owner.token, scenario);
    const answer = await history.call('POST', '/api/v1/scenarios/bulk', {
      token: owner.token,
      body: { action: 'delete', ids: scenarios.map((scenario) => scenario.id) },
    });
    expect(answer.status).toBe(200);
    await eventually(async () => {
      for (const scenario of scenarios) {
        for (const name of history.receivers.keys())
          expect(acknowledgedFor(name, scenario.id)).toHaveLength(1);
      }
    }, 15_000);
  });

  test('an intent whose delete never happened (a crash between the two) is completed: the scenario goes, then the receivers are told', async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    // What the service writes first, written here alone: the replica "died" before deleting.
    await history.recordScenarioPurge(scenario.id, owner.userId);

    await eventually(async () => {
      expect(await history.itemsOf(scenario.id)).toEqual([]);
      for (const name of history.receivers.keys()) expect(acknowledgedFor(name, scenario.id)).toHaveLength(1);
      expect(await history.purgeOutbox()).toEqual([]);
    }, 15_000);
    const listed = await history.call('GET', '/api/v1/scenarios', { token: owner.token });
    expect(listed.body['items']).toEqual([]);
  });
});
