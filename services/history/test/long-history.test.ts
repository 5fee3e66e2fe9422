import { listReadBudget } from '../src/store/list-scenarios';
import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
}

/**
 * A filter that matches rarely in a long history must not read the whole history in one
 * request: past the read budget the page comes back short, with a cursor to go on from.
 */
describe('a long history with a rare match', () => {
  let history: HistoryHarness;
  let token: string;
  let rareId: string;
  const size = listReadBudget + 150;

  beforeAll(async () => {
    history = await startHistory();
    const user = history.newUser();
    token = user.token;
    const scenarios = Array.from({ length: size }, (_, index) =>
      makeScenario({ tags: index === 0 ? ['needle'] : ['hay'] }),
    );
    rareId = scenarios[0]!.id;
    await history.seed(user.userId, scenarios);
  }, 120_000);

  afterAll(async () => {
    await history?.stop();
  });

  test('the oldest scenario is found by following cursors past short pages, and the list ends after it', async () => {
    const visited: Page[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/scenarios?tag=needle&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const answer = await history.call<Page>('GET', query, { token });
      expect(answer.status).toBe(200);
      visited.push(answer.body);
      cursor = answer.body.nextCursor;
    } while (cursor && visited.length < 10);
    expect(visited.length).toBe(2);
    expect(visited[0]!.items).toEqual([]);
    expect(visited[0]!.nextCursor).not.toBeNull();
    expect(visited[1]!.items.map((item) => item.id)).toEqual([rareId]);
    expect(visited[1]!.nextCursor).toBeNull();
    const metrics = await (await fetch(`${history.url}/metrics`)).text();
    expect(metrics).toMatch(/^history_list_pages_cut_short_total\{service="history"\} 1$/m);
  });

  test('an unfiltered page of the long history is full and goes on', async () => {
    const answer = await history.call<Page>('GET', '/api/v1/scenarios?limit=50', { token });
    expect(answer.body.items).toHaveLength(50);
    expect(answer.body.nextCursor).not.toBeNull();
  });
});
