import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

interface BulkAnswer {
  results: Array<{ id: string; status: string }>;
}

describe('bulk operations (POST /api/v1/scenarios/bulk)', () => {
  let history: HistoryHarness;

  beforeAll(async () => {
    history = await startHistory();
  });

  afterAll(async () => {
    await history?.stop();
  });

  /** Three of the owner's, one of someone else's, one that never existed. */
  async function mixedIds() {
    const owner = history.newUser();
    const stranger = history.newUser();
    const mine = [makeScenario(), makeScenario(), makeScenario()];
    for (const scenario of mine) await history.save(owner.token, scenario);
    const theirs = makeScenario();
    await history.save(stranger.token, theirs);
    return { owner, stranger, mine, theirs, missing: 'never-saved-id' };
  }

  const bulk = (token: string, body: unknown) =>
    history.call<BulkAnswer>('POST', '/api/v1/scenarios/bulk', { token, body });

  const read = (token: string, id: string) => history.call('GET', `/api/v1/scenarios/${id}`, { token });

  test('delete removes the owner’s completely and reports the rest not_found, leaving them whole', async () => {
    const { owner, stranger, mine, theirs, missing } = await mixedIds();
    const ids = [mine[0]!.id, theirs.id, missing, mine[1]!.id];
    const answer = await bulk(owner.token, { action: 'delete', ids });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { id: mine[0]!.id, status: 'ok' },
      { id: theirs.id, status: 'not_found' },
      { id: missing, status: 'not_found' },
      { id: mine[1]!.id, status: 'ok' },
    ]);
    expect(await history.itemsOf(mine[0]!.id)).toEqual([]);
    expect(await history.itemsOf(mine[1]!.id)).toEqual([]);
    expect(await history.itemsOf(theirs.id)).toHaveLength(2);
    expect((await read(stranger.token, theirs.id)).status).toBe(200);
    const left = await history.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/scenarios', {
      token: owner.token,
    });
    expect(left.body.items.map((item) => item.id)).toEqual([mine[2]!.id]);
  });

  test('favorite and unfavorite change only the owner’s, and the favourites list follows', async () => {
    const { owner, stranger, mine, theirs, missing } = await mixedIds();
    const favourited = await bulk(owner.token, {
      action: 'favorite',
      ids: [mine[0]!.id, mine[2]!.id, theirs.id, missing],
    });
    expect(favourited.body.results.map((result) => result.status)).toEqual([
      'ok',
      'ok',
      'not_found',
      'not_found',
    ]);
    expect((await read(stranger.token, theirs.id)).body['favorite']).toBe(false);
    const favourites = await history.call<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/v1/scenarios?favorite=true',
      {
        token: owner.token,
      },
    );
    expect(favourites.body.items.map((item) => item.id)).toEqual([mine[2]!.id, mine[0]!.id]);

    const unfavourited = await bulk(owner.token, { action: 'unfavorite', ids: [mine[2]!.id] });
    expect(unfavourited.body.results).toEqual([{ id: mine[2]!.id, status: 'ok' }]);
    const after = await history.call<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/v1/scenarios?favorite=true',
      {
        token: owner.token,
      },
    );
    expect(after.body.items.map((item) => item.id)).toEqual([mine[0]!.id]);
  });

  test('tag adds (normalised, keeping existing tags) and untag removes; another user’s are untouched', async () => {
    const { owner, stranger, mine, theirs } = await mixedIds();
    const tagged = await bulk(owner.token, {
      action: 'tag',
      ids: [mine[0]!.id, mine[1]!.id, theirs.id],
      tags: ['Best', 'rome'],
    });
    expect(tagged.body.results.map((result) => result.status)).toEqual(['ok', 'ok', 'not_found']);
    expect((await read(owner.token, mine[0]!.id)).body['tags']).toEqual(['best', 'empire', 'rome']);
    expect((await read(stranger.token, theirs.id)).body['tags']).toEqual(['empire', 'rome']);

    const best = await history.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/scenarios?tag=best', {
      token: owner.token,
    });
    expect(best.body.items.map((item) => item.id)).toEqual([mine[1]!.id, mine[0]!.id]);

    const untagged = await bulk(owner.token, {
      action: 'untag',
      ids: [mine[0]!.id, theirs.id],
      tags: ['best', 'empire'],
    });
    expect(untagged.body.results.map((result) => result.status)).toEqual(['ok', 'not_found']);
    expect((await read(owner.token, mine[0]!.id)).body['tags']).toEqual(['rome']);
    expect((await read(stranger.token, theirs.id)).body['tags']).toEqual(['empire', 'rome']);
  });

  test('tagging past 20 tags reports too_many_tags for that id alone; tags already there do not count twice', async () => {
    const { owner, mine } = await mixedIds();
    const eighteen = Array.from({ length: 18 }, (_, index) => `t${index}`);
    await history.call('PATCH', `/api/v1/scenarios/${mine[0]!.id}`, {
      token: owner.token,
      body: { tags: eighteen },
    });
    const full = await bulk(owner.token, {
      action: 'tag',
      ids: [mine[0]!.id, mine[1]!.id],
      tags: ['t0', 't1', 'new'],
    });
    expect(full.body.results).toEqual([
      { id: mine[0]!.id, status: 'ok' },
      { id: mine[1]!.id, status: 'ok' },
    ]);
    expect((await read(owner.token, mine[0]!.id)).body['tags']).toHaveLength(19);
    const over = await bulk(owner.token, {
      action: 'tag',
      ids: [mine[0]!.id, mine[1]!.id],
      tags: ['x1', 'x2'],
    });
    expect(over.body.results).toEqual([
      { id: mine[0]!.id, status: 'too_many_tags' },
      { id: mine[1]!.id, status: 'ok' },
    ]);
    expect((await read(owner.token, mine[0]!.id)).body['tags']).toHaveLength(19);
  });

  test('a repeated id is handled once', async () => {
    const { owner, mine } = await mixedIds();
    const answer = await bulk(owner.token, { action: 'delete', ids: [mine[0]!.id, mine[0]!.id] });
    expect(answer.body.results).toEqual([{ id: mine[0]!.id, status: 'ok' }]);
  });

  test.each([
    [{ action: 'tag', ids: ['a'] }, '/body/tags', 'is required for the tag action'],
    [{ action: 'untag', ids: ['a'] }, '/body/tags', 'is required for the untag action'],
    [{ action: 'delete', ids: ['a'], tags: ['x'] }, '/body/tags', 'is only for the tag and untag actions'],
  ])('%j is a 400 naming the field', async (body, path, message) => {
    const { token } = history.newUser();
    const answer = await bulk(token, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: '/problems/validation', errors: [{ path, message }] });
  });

  test.each([
    ['an unknown action', { action: 'archive', ids: ['a'] }, 'action'],
    ['no ids', { action: 'delete', ids: [] }, 'ids'],
    ['101 ids', { action: 'delete', ids: Array.from({ length: 101 }, (_, index) => `id-${index}`) }, 'ids'],
    ['a missing ids', { action: 'delete' }, 'ids'],
    ['an empty tags', { action: 'tag', ids: ['a'], tags: [] }, 'tags'],
  ])('%s is a 400 problem naming the field, before anything is done', async (_name, body, field) => {
    const { token } = history.newUser();
    const answer = await bulk(token, body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify((answer.body as unknown as { errors: unknown }).errors)).toContain(field);
  });

  test('without a valid token: 401, and nothing is deleted', async () => {
    const { owner, mine } = await mixedIds();
    const none = await history.call('POST', '/api/v1/scenarios/bulk', {
      body: { action: 'delete', ids: [mine[0]!.id] },
    });
    expect(none.status).toBe(401);
    expect((await read(owner.token, mine[0]!.id)).status).toBe(200);
  });
});
