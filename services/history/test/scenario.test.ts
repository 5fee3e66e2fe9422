import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

describe('one saved scenario: read, change, delete (/api/v1/scenarios/{id})', () => {
  let history: HistoryHarness;

  beforeAll(async () => {
    history = await startHistory();
  });

  afterAll(async () => {
    await history?.stop();
  });

  async function savedBy(token: string, overrides = {}) {
    const scenario = makeScenario(overrides);
    await history.save(token, scenario);
    return scenario;
  }

  test('read answers the whole scenario with the owner’s tags, favourite and rating', async () => {
    const { token } = history.newUser();
    const scenario = await savedBy(token);
    const answer = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      ...scenario,
      tags: [...scenario.tags].sort(),
      favorite: false,
      rating: null,
    });
  });

  test('another user’s id answers exactly as a missing one: 404 with the same problem', async () => {
    const owner = history.newUser();
    const intruder = history.newUser();
    const scenario = await savedBy(owner.token);
    const theirs = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token: intruder.token });
    const missing = await history.call('GET', '/api/v1/scenarios/no-such-scenario', {
      token: intruder.token,
    });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    const shape = (body: Record<string, unknown>) => ({
      ...body,
      detail: undefined,
      instance: undefined,
      requestId: undefined,
    });
    expect(shape(theirs.body)).toEqual(shape(missing.body));
    expect(theirs.body['type']).toBe('/problems/not-found');
  });

  describe('PATCH', () => {
    test('favourites, retags (normalised) and rates, answering the scenario as it now stands', async () => {
      const { token } = history.newUser();
      const scenario = await savedBy(token);
      const answer = await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token,
        body: { favorite: true, tags: [' Rome ', 'WHAT-IF', 'rome'], rating: 4 },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ...scenario, tags: ['rome', 'what-if'], favorite: true, rating: 4 });
      const read = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token });
      expect(read.body).toEqual(answer.body);
      const favourites = await history.call<{ items: Array<{ id: string }> }>(
        'GET',
        '/api/v1/scenarios?favorite=true',
        {
          token,
        },
      );
      expect(favourites.body.items.map((item) => item.id)).toEqual([scenario.id]);
    });

    test('changes only what it names; null clears the rating; no tags is allowed; unfavouriting leaves the favourites', async () => {
      const { token } = history.newUser();
      const scenario = await savedBy(token);
      await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token,
        body: { favorite: true, rating: 5 },
      });
      const cleared = await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token,
        body: { rating: null, tags: [] },
      });
      expect(cleared.body).toMatchObject({ favorite: true, rating: null, tags: [] });
      const unfavourited = await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token,
        body: { favorite: false },
      });
      expect(unfavourited.body).toMatchObject({ favorite: false, rating: null, tags: [] });
      const favourites = await history.call<{ items: unknown[] }>('GET', '/api/v1/scenarios?favorite=true', {
        token,
      });
      expect(favourites.body.items).toEqual([]);
    });

    test.each([
      [{}, '/body'],
      [{ rating: 6 }, '/body/rating'],
      [{ rating: 2.5 }, '/body/rating'],
      [{ favorite: 'yes' }, '/body/favorite'],
      [{ tags: ['x'.repeat(41)] }, '/body/tags/0'],
      [{ tags: ['   '] }, '/body/tags/0'],
      [{ tags: Array.from({ length: 21 }, (_, index) => `tag-${index}`) }, '/body/tags'],
      [{ title: 'Rewritten' }, '/body/title'],
    ])('%j is a 400 problem naming the field, and nothing changes', async (body, field) => {
      const { token } = history.newUser();
      const scenario = await savedBy(token);
      const answer = await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, { token, body });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body['type']).toBe('/problems/validation');
      expect(JSON.stringify(answer.body['errors'])).toContain(
        field === '/body' ? 'body' : field.split('/').pop()!,
      );
      const read = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token });
      expect(read.body).toMatchObject({ title: scenario.title, favorite: false, rating: null });
    });

    test('a malformed JSON body is a 400 problem', async () => {
      const { token } = history.newUser();
      const scenario = await savedBy(token);
      const answer = await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token,
        rawBody: '{"favorite":',
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });

    // Found by make fuzz: the 415 was answered but not in the contract, and said "media type undefined".
    test('a body without a Content-Type is a 415 the contract documents, saying what to send', async () => {
      const { token } = history.newUser();
      const scenario = await savedBy(token);
      const response = await fetch(`${history.url}/api/v1/scenarios/${scenario.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}` },
        body: new Blob(['{"favorite":true}']),
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as { detail: string }).detail).toContain('no Content-Type');
      const contract = (await (await fetch(`${history.url}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      };
      expect(Object.keys(contract.paths['/api/v1/scenarios/{id}']!['patch']!.responses)).toContain('415');
    });

    test('another user’s scenario: 404, and it is left as it was', async () => {
      const owner = history.newUser();
      const intruder = history.newUser();
      const scenario = await savedBy(owner.token);
      const answer = await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token: intruder.token,
        body: { favorite: true, tags: ['mine'], rating: 1 },
      });
      expect(answer.status).toBe(404);
      const read = await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token: owner.token });
      expect(read.body).toMatchObject({ favorite: false, rating: null, tags: [...scenario.tags].sort() });
      expect(await history.indexEntries('gsi2', `OWNER#${intruder.userId}#FAVORITE`)).toEqual([]);
    });

    test('a missing scenario: 404, and nothing is created', async () => {
      const { token } = history.newUser();
      const answer = await history.call('PATCH', '/api/v1/scenarios/never-saved', {
        token,
        body: { favorite: true },
      });
      expect(answer.status).toBe(404);
      expect(await history.itemsOf('never-saved')).toEqual([]);
    });
  });

  describe('DELETE', () => {
    test('removes every item of the scenario, its index entries included: 204, then 404', async () => {
      const { userId, token } = history.newUser();
      const scenario = await savedBy(token);
      await history.call('PATCH', `/api/v1/scenarios/${scenario.id}`, {
        token,
        body: { favorite: true, rating: 3 },
      });
      expect(await history.itemsOf(scenario.id)).toHaveLength(2);
      expect(await history.indexEntries('gsi1', `OWNER#${userId}`)).toHaveLength(1);
      expect(await history.indexEntries('gsi2', `OWNER#${userId}#FAVORITE`)).toHaveLength(1);

      const answer = await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token });
      expect(answer.status).toBe(204);
      expect(await history.itemsOf(scenario.id)).toEqual([]);
      expect(await history.indexEntries('gsi1', `OWNER#${userId}`)).toEqual([]);
      expect(await history.indexEntries('gsi2', `OWNER#${userId}#FAVORITE`)).toEqual([]);
      expect((await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token })).status).toBe(404);
      expect((await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token })).status).toBe(404);
      const list = await history.call<{ items: unknown[] }>('GET', '/api/v1/scenarios', { token });
      expect(list.body.items).toEqual([]);
    });

    test('frees the id: it can be saved again afterwards', async () => {
      const { userId, token } = history.newUser();
      const scenario = await savedBy(token);
      await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token });
      const again = await history.callAs('generation', 'PUT', `/internal/v1/scenarios/${scenario.id}`, {
        ownerId: userId,
        scenario,
      });
      expect(again.status).toBe(201);
    });

    test('another user’s scenario: 404, and every item of it stays', async () => {
      const owner = history.newUser();
      const intruder = history.newUser();
      const scenario = await savedBy(owner.token);
      const answer = await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, {
        token: intruder.token,
      });
      expect(answer.status).toBe(404);
      expect(await history.itemsOf(scenario.id)).toHaveLength(2);
      expect(
        (await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token: owner.token })).status,
      ).toBe(200);
    });
  });

  test.each([
    ['GET', undefined],
    ['PATCH', { favorite: true }],
    ['DELETE', undefined],
  ])(
    '%s without a token, or with a token the service cannot verify, is 401 and changes nothing',
    async (method, body) => {
      const { token } = history.newUser();
      const scenario = await savedBy(token);
      const path = `/api/v1/scenarios/${scenario.id}`;
      const none = await history.call(method, path, body ? { body } : {});
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      const forged = `${token.slice(0, -4)}AAAA`;
      expect((await history.call(method, path, { token: forged, ...(body ? { body } : {}) })).status).toBe(
        401,
      );
      const wrongIssuer = history.token({ issuer: 'somebody-else' });
      expect(
        (await history.call(method, path, { token: wrongIssuer, ...(body ? { body } : {}) })).status,
      ).toBe(401);
      const read = await history.call('GET', path, { token });
      expect(read.body).toMatchObject({ favorite: false });
    },
  );
});
