import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

describe('saving a scenario (PUT /internal/v1/scenarios/{id}, generation only)', () => {
  let history: HistoryHarness;

  beforeAll(async () => {
    history = await startHistory();
  });

  afterAll(async () => {
    await history?.stop();
  });

  const put = (token: string | undefined, id: string, body: unknown) =>
    history.call('PUT', `/internal/v1/scenarios/${encodeURIComponent(id)}`, {
      ...(token ? { token } : {}),
      body,
    });

  test('the first save creates it for the token’s user: 201 with the scenario, its tags, not favourite, unrated', async () => {
    const { token } = history.newUser();
    const scenario = makeScenario({ tags: ['rome', 'empire'] });
    const answer = await put(token, scenario.id, { scenario });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ ...scenario, tags: ['empire', 'rome'], favorite: false, rating: null });
    const read = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(answer.body);
  });

  test('a retry answers 200 with the stored scenario and leaves exactly one saved', async () => {
    const { token } = history.newUser();
    const scenario = makeScenario();
    expect((await put(token, scenario.id, { scenario })).status).toBe(201);
    const retry = await put(token, scenario.id, {
      scenario: { ...scenario, title: 'A retry that changed its mind' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body['title']).toBe(scenario.title);
    const list = await history.call<{ items: unknown[] }>('GET', '/api/v1/scenarios', { token });
    expect(list.body.items).toHaveLength(1);
    expect(await history.itemsOf(scenario.id)).toHaveLength(2);
  });

  test('concurrent saves of one id make one scenario: one 201, the rest 200 with the same content', async () => {
    const { token } = history.newUser();
    const scenario = makeScenario();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => put(token, scenario.id, { scenario })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    for (const answer of answers) expect(answer.body['title']).toBe(scenario.title);
    const list = await history.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/scenarios', { token });
    expect(list.body.items.map((item) => item.id)).toEqual([scenario.id]);
    expect(await history.itemsOf(scenario.id)).toHaveLength(2);
  });

  test('an id another user already saved is 409 and their scenario stays as it was', async () => {
    const first = history.newUser();
    const second = history.newUser();
    const scenario = makeScenario();
    expect((await put(first.token, scenario.id, { scenario })).status).toBe(201);
    const taken = await put(second.token, scenario.id, { scenario: { ...scenario, title: 'Mine now' } });
    expect(taken.status).toBe(409);
    expect(taken.headers.get('content-type')).toContain('application/problem+json');
    expect(taken.body).toMatchObject({ status: 409, type: '/problems/conflict' });
    const original = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token: first.token });
    expect(original.body['title']).toBe(scenario.title);
    const theirs = await history.call<{ items: unknown[] }>('GET', '/api/v1/scenarios', {
      token: second.token,
    });
    expect(theirs.body.items).toEqual([]);
    const metrics = await (await fetch(`${history.url}/metrics`)).text();
    expect(metrics).toMatch(/^history_scenario_saves_total\{outcome="conflict",service="history"\} [1-9]/m);
  });

  test('concurrent saves of one id by two users: one owns it, the other gets 409', async () => {
    const first = history.newUser();
    const second = history.newUser();
    const scenario = makeScenario();
    const answers = await Promise.all([
      put(first.token, scenario.id, { scenario }),
      put(second.token, scenario.id, { scenario }),
      put(first.token, scenario.id, { scenario }),
      put(second.token, scenario.id, { scenario }),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    expect(await history.itemsOf(scenario.id)).toHaveLength(2);
  });

  test('a continuation keeps its parent, and lists show it', async () => {
    const { token } = history.newUser();
    const parent = makeScenario();
    const child = makeScenario({
      parent: { id: parent.id, timelineIndex: 2 },
      question: 'And then what happened to Rome?',
    });
    await history.save(token, parent);
    await history.save(token, child);
    const list = await history.call<{ items: Array<Record<string, unknown>> }>('GET', '/api/v1/scenarios', {
      token,
    });
    expect(list.body.items[0]).toMatchObject({ id: child.id, parent: { id: parent.id, timelineIndex: 2 } });
    expect(list.body.items[1]).not.toHaveProperty('parent');
  });

  test.each([
    [
      'a timeline too short',
      { timeline: [{ when: '500', event: 'Only one entry.' }] },
      '/body/scenario/timeline',
    ],
    ['a question too short', { question: 'Rome?' }, '/body/scenario/question'],
    ['an unknown category', { category: 'astrology' }, '/body/scenario/category'],
    [
      'a plausibility out of range',
      { plausibility: { score: 11, assumptions: ['x'] } },
      '/body/scenario/plausibility/score',
    ],
    ['a creation time that is not one', { createdAt: 'yesterday' }, '/body/scenario/createdAt'],
    ['a narration too long to read aloud', { narration: 'word '.repeat(700) }, '/body/scenario/narration'],
  ])('%s is a 400 problem naming the field, and nothing is stored', async (_name, change, field) => {
    const { token } = history.newUser();
    const scenario = { ...makeScenario(), ...change };
    const answer = await put(token, scenario.id, { scenario });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body['type']).toBe('/problems/validation');
    expect((answer.body['errors'] as Array<{ path: string }>).map((error) => error.path)).toContain(field);
    expect(await history.itemsOf(scenario.id)).toEqual([]);
  });

  test('a body without a scenario, or with the id of another path, is a 400 naming the field', async () => {
    const { token } = history.newUser();
    const scenario = makeScenario();
    const missing = await put(token, scenario.id, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body['errors'])).toContain('scenario');
    const elsewhere = await put(token, 'some-other-id', { scenario });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body['errors']).toEqual([
      { path: '/body/scenario/id', message: 'must equal the id in the path' },
    ]);
    expect(await history.itemsOf(scenario.id)).toEqual([]);
  });

  test('without a valid token nothing is saved: 401', async () => {
    const scenario = makeScenario();
    const none = await put(undefined, scenario.id, { scenario });
    expect(none.status).toBe(401);
    expect(none.body['type']).toBe('/problems/invalid-token');
    const expired = await put(history.token({ expiresInSeconds: -60 }), scenario.id, { scenario });
    expect(expired.status).toBe(401);
    expect(await history.itemsOf(scenario.id)).toEqual([]);
  });
});
