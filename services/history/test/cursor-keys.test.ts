import { ConfigError, loadConfig } from '@what-if/kit';
import { historyService } from '../src/service';
import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
}

/** Cursors must work on whichever replica the next request lands on, and only there. */
describe('the key that signs cursors', () => {
  describe('without HISTORY_CURSOR_SECRET: one key per deployment, kept in the table', () => {
    let history: HistoryHarness;

    beforeAll(async () => {
      history = await startHistory();
    });

    afterAll(async () => {
      await history?.stop();
    });

    test('a cursor from one replica continues on another, including one started later', async () => {
      const { token } = history.newUser();
      const scenarios = [makeScenario(), makeScenario(), makeScenario()];
      for (const scenario of scenarios) await history.save(token, scenario);
      const first = await history.call<Page>('GET', '/api/v1/scenarios?limit=1', { token });
      const replica = await history.replica();
      try {
        const second = await replica.call<Page>(
          'GET',
          `/api/v1/scenarios?limit=1&cursor=${first.body.nextCursor}`,
          { token },
        );
        expect(second.status).toBe(200);
        expect(second.body.items.map((item) => item.id)).toEqual([scenarios[1]!.id]);
      } finally {
        await replica.stop();
      }
    });
  });

  test('replicas starting together agree on one deployment key', async () => {
    const history = await startHistory();
    const others = [await history.replica(), await history.replica()];
    const replicas = [{ call: history.call }, ...others];
    try {
      const { token } = history.newUser();
      for (const scenario of [makeScenario(), makeScenario()]) await history.save(token, scenario);
      // The first list call on each replica creates or reads the key: all at once, so they race.
      const firstPages = await Promise.all(
        replicas.map((replica) => replica.call<Page>('GET', '/api/v1/scenarios?limit=1', { token })),
      );
      for (const page of firstPages) {
        for (const replica of replicas) {
          const next = await replica.call('GET', `/api/v1/scenarios?limit=1&cursor=${page.body.nextCursor}`, {
            token,
          });
          expect(next.status).toBe(200);
        }
      }
    } finally {
      for (const replica of others) await replica.stop();
      await history.stop();
    }
  });

  describe('with HISTORY_CURSOR_SECRET', () => {
    let history: HistoryHarness;

    beforeAll(async () => {
      history = await startHistory({ HISTORY_CURSOR_SECRET: 'a'.repeat(40) });
    });

    afterAll(async () => {
      await history?.stop();
    });

    test('replicas sharing the secret accept each other’s cursors; one with another secret refuses them', async () => {
      const { token } = history.newUser();
      for (const scenario of [makeScenario(), makeScenario()]) await history.save(token, scenario);
      const first = await history.call<Page>('GET', '/api/v1/scenarios?limit=1', { token });
      const cursor = first.body.nextCursor!;
      const same = await history.replica({ HISTORY_CURSOR_SECRET: 'a'.repeat(40) });
      const other = await history.replica({ HISTORY_CURSOR_SECRET: 'b'.repeat(40) });
      const deployment = await history.replica({ HISTORY_CURSOR_SECRET: '' });
      try {
        expect((await same.call('GET', `/api/v1/scenarios?limit=1&cursor=${cursor}`, { token })).status).toBe(
          200,
        );
        expect(
          (await other.call('GET', `/api/v1/scenarios?limit=1&cursor=${cursor}`, { token })).status,
        ).toBe(400);
        expect(
          (await deployment.call('GET', `/api/v1/scenarios?limit=1&cursor=${cursor}`, { token })).status,
        ).toBe(400);
      } finally {
        await same.stop();
        await other.stop();
        await deployment.stop();
      }
    });
  });

  test('a secret shorter than 32 characters stops start-up, naming the variable but not its value', () => {
    let failure: unknown;
    try {
      loadConfig('history', historyService.schema, { HISTORY_CURSOR_SECRET: 'short-secret-value' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConfigError);
    const message = (failure as ConfigError).message;
    expect(message).toContain('HISTORY_CURSOR_SECRET');
    expect(message).not.toContain('short-secret-value');
  });
});
