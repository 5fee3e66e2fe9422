import { type HistoryHarness, startHistory } from './support/history-harness';
import { craftedServiceToken } from '../../../test/support/service-identity';
import { makeScenario } from '../../../test/support/scenario-fixtures';

describe('saving a scenario (PUT /internal/v1/scenarios/{id}, generation only)', () => {
  let history: HistoryHarness;

  beforeAll(async () => {
    history = await startHistory();
  });

  afterAll(async () => {
    await history?.stop();
  });

  /** As generation saves: its service token, the user named in the body. */
  const put = (ownerId: string, id: string, body: Record<string, unknown>) =>
    history.callAs('generation', 'PUT', `/internal/v1/scenarios/${encodeURIComponent(id)}`, {
      ownerId,
      ...body,
    });

  test('the first save creates it for the named user: 201 with the scenario, its tags, not favourite, unrated', async () => {
    const { userId, token } = history.newUser();
    const scenario = makeScenario({ tags: ['rome', 'empire'] });
    const answer = await put(userId, scenario.id, { scenario });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ ...scenario, tags: ['empire', 'rome'], favorite: false, rating: null });
    const read = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(answer.body);
  });

  test('a retry answers 200 with the stored scenario and leaves exactly one saved', async () => {
    const { userId, token } = history.newUser();
    const scenario = makeScenario();
    expect((await put(userId, scenario.id, { scenario })).status).toBe(201);
    const retry = await put(userId, scenario.id, {
      scenario: { ...scenario, title: 'A retry that changed its mind' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body['title']).toBe(scenario.title);
    const list = await history.call<{ items: unknown[] }>('GET', '/api/v1/scenarios', { token });
    expect(list.body.items).toHaveLength(1);
    expect(await history.itemsOf(scenario.id)).toHaveLength(2);
  });

  test('concurrent saves of one id make one scenario: one 201, the rest 200 with the same content', async () => {
    const { userId, token } = history.newUser();
    const scenario = makeScenario();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => put(userId, scenario.id, { scenario })),
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
    expect((await put(first.userId, scenario.id, { scenario })).status).toBe(201);
    const taken = await put(second.userId, scenario.id, { scenario: { ...scenario, title: 'Mine now' } });
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
      put(first.userId, scenario.id, { scenario }),
      put(second.userId, scenario.id, { scenario }),
      put(first.userId, scenario.id, { scenario }),
      put(second.userId, scenario.id, { scenario }),
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
    const { userId } = history.newUser();
    const scenario = { ...makeScenario(), ...change };
    const answer = await put(userId, scenario.id, { scenario });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body['type']).toBe('/problems/validation');
    expect((answer.body['errors'] as Array<{ path: string }>).map((error) => error.path)).toContain(field);
    expect(await history.itemsOf(scenario.id)).toEqual([]);
  });

  test('a body without a scenario, or with the id of another path, is a 400 naming the field', async () => {
    const { userId } = history.newUser();
    const scenario = makeScenario();
    const missing = await put(userId, scenario.id, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body['errors'])).toContain('scenario');
    const elsewhere = await put(userId, 'some-other-id', { scenario });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body['errors']).toEqual([
      { path: '/body/scenario/id', message: 'must equal the id in the path' },
    ]);
    expect(await history.itemsOf(scenario.id)).toEqual([]);
  });

  describe('reaching the port is not enough', () => {
    const path = (id: string) => `/internal/v1/scenarios/${id}`;

    test('without a service token, or with a user’s access token, nothing is saved: 401 naming the service token', async () => {
      const { userId, token } = history.newUser();
      const scenario = makeScenario();
      const none = await history.call('PUT', path(scenario.id), { body: { ownerId: userId, scenario } });
      expect(none.status).toBe(401);
      expect(none.headers.get('content-type')).toContain('application/problem+json');
      expect(none.body['type']).toBe('/problems/invalid-service-token');
      const asUser = await history.call('PUT', path(scenario.id), {
        token,
        body: { ownerId: userId, scenario },
      });
      expect(asUser.status).toBe(401);
      expect(await history.itemsOf(scenario.id)).toEqual([]);
    });

    test('an expired service token, or one generation signed for another service, is 401', async () => {
      const { userId } = history.newUser();
      const scenario = makeScenario();
      const past = Math.floor(Date.now() / 1000) - 300;
      const expired = craftedServiceToken('generation', {
        aud: 'what-if:history',
        iat: past,
        exp: past + 60,
      });
      const forUser = craftedServiceToken('generation', { aud: 'what-if:user' });
      for (const token of [expired, forUser]) {
        const answer = await history.call('PUT', path(scenario.id), {
          token,
          body: { ownerId: userId, scenario },
        });
        expect(answer.status).toBe(401);
      }
      expect(await history.itemsOf(scenario.id)).toEqual([]);
    });

    test('a token that claims to be generation but is signed with another key is 401', async () => {
      const { userId } = history.newUser();
      const scenario = makeScenario();
      const forged = craftedServiceToken('sharing', {
        kid: 'generation',
        iss: 'what-if:generation',
        sub: 'generation',
        aud: 'what-if:history',
      });
      const answer = await history.call('PUT', path(scenario.id), {
        token: forged,
        body: { ownerId: userId, scenario },
      });
      expect(answer.status).toBe(401);
      expect(await history.itemsOf(scenario.id)).toEqual([]);
    });

    test('a caller the catalog lets call history, but not this operation, is 403', async () => {
      const { userId } = history.newUser();
      const scenario = makeScenario();
      const answer = await history.callAs('sharing', 'PUT', path(scenario.id), { ownerId: userId, scenario });
      expect(answer.status).toBe(403);
      expect(answer.body['type']).toBe('/problems/caller-not-allowed');
      expect(answer.body['detail']).toContain('only generation');
      expect(await history.itemsOf(scenario.id)).toEqual([]);
    });
  });
});
