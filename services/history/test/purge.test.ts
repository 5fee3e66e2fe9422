import { randomUUID } from 'node:crypto';
import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

let history: HistoryHarness;

beforeAll(async () => {
  history = await startHistory();
});

afterAll(async () => {
  await history?.stop();
});

function accountPurge(ownerId: string) {
  return {
    id: randomUUID(),
    kind: 'account',
    subjectId: ownerId,
    ownerId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
}

describe('a deleted account relayed by the user service (POST /internal/v1/purges)', () => {
  test('removes every scenario of that account and nothing of anyone else’s; a repeat answers 204 too', async () => {
    const leaving = history.newUser();
    const staying = history.newUser();
    const theirs = [makeScenario(), makeScenario(), makeScenario()];
    for (const scenario of theirs) await history.save(leaving.token, scenario);
    const kept = makeScenario();
    await history.save(staying.token, kept);

    const instruction = accountPurge(leaving.userId);
    expect((await history.callAs('user', 'POST', '/internal/v1/purges', instruction)).status).toBe(204);
    for (const scenario of theirs) expect(await history.itemsOf(scenario.id)).toEqual([]);
    expect(await history.itemsOf(kept.id)).not.toEqual([]);
    const listed = await history.call('GET', '/api/v1/scenarios', { token: leaving.token });
    expect(listed.body['items']).toEqual([]);

    expect((await history.callAs('user', 'POST', '/internal/v1/purges', instruction)).status).toBe(204);
  });

  test('only the user service may send one: another catalog caller is 403 and nothing goes', async () => {
    const owner = history.newUser();
    const scenario = makeScenario();
    await history.save(owner.token, scenario);
    const answer = await history.callAs(
      'generation',
      'POST',
      '/internal/v1/purges',
      accountPurge(owner.userId),
    );
    expect(answer.status).toBe(403);
    expect(answer.body['type']).toBe('/problems/caller-not-allowed');
    const unsigned = await history.call('POST', '/internal/v1/purges', { body: accountPurge(owner.userId) });
    expect(unsigned.status).toBe(401);
    expect(await history.itemsOf(scenario.id)).not.toEqual([]);
  });

  test('an instruction that does not fit the contract is a 400 naming the field', async () => {
    const answer = await history.callAs('user', 'POST', '/internal/v1/purges', {
      ...accountPurge('someone'),
      kind: 'everything',
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body['errors'])).toContain('/body/kind');
  });
});
