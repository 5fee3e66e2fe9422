import type { Scenario } from '@what-if/contracts';
import { type HistoryHarness, startHistory } from './support/history-harness';
import { makeScenario } from '../../../test/support/scenario-fixtures';

interface Summary {
  id: string;
  title: string;
  question: string;
  category: string;
  language: string;
  tags: string[];
  favorite: boolean;
  rating: number | null;
  createdAt: string;
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}

/**
 * One user's history of 23 scenarios made to be filtered: every third a favourite, science
 * every fourth, "mars" tags every fifth, Vietnamese titles here and there, written in
 * Vietnamese every third.
 */
function historyOf(count: number): Scenario[] {
  return Array.from({ length: count }, (_, index) =>
    makeScenario({
      title: index % 6 === 0 ? `Việt Nam thống nhất sớm hơn ${index}` : `Scenario number ${index}`,
      question:
        index % 7 === 0
          ? `What if the ROMAN senate voted again (${index})?`
          : `What if event ${index} happened?`,
      category: index % 4 === 0 ? 'science' : 'history',
      language: index % 3 === 1 ? 'vi' : 'en',
      tags: index % 5 === 0 ? ['mars', 'space'] : ['earth'],
    }),
  );
}

describe('listing one’s history (GET /api/v1/scenarios)', () => {
  let history: HistoryHarness;
  let owner: { userId: string; token: string };
  let other: { userId: string; token: string };
  let saved: Scenario[];
  /** Newest first, as every list answers. */
  let newestFirst: Scenario[];
  const favourites = new Set<string>();

  beforeAll(async () => {
    history = await startHistory();
    owner = history.newUser();
    other = history.newUser();
    saved = historyOf(23);
    for (const scenario of saved) await history.save(owner.token, scenario);
    for (const scenario of historyOf(4)) await history.save(other.token, scenario);
    const toFavourite = saved.filter((_, index) => index % 3 === 0).map((scenario) => scenario.id);
    const bulk = await history.call('POST', '/api/v1/scenarios/bulk', {
      token: owner.token,
      body: { action: 'favorite', ids: toFavourite },
    });
    expect(bulk.status).toBe(200);
    for (const id of toFavourite) favourites.add(id);
    newestFirst = [...saved].reverse();
  });

  afterAll(async () => {
    await history?.stop();
  });

  async function page(token: string, query: Record<string, string>): Promise<{ status: number; body: Page }> {
    const search = new URLSearchParams(query).toString();
    return history.call<Page>('GET', `/api/v1/scenarios${search ? `?${search}` : ''}`, { token });
  }

  /** Follows nextCursor to the end, checking every page's size bound. */
  async function everyPage(
    token: string,
    query: Record<string, string>,
    limit: number,
  ): Promise<Summary[][]> {
    const pages: Summary[][] = [];
    let cursor: string | null = null;
    do {
      const answer = await page(token, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(limit);
      pages.push(answer.body.items);
      cursor = answer.body.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  const ids = (items: Summary[]) => items.map((item) => item.id);

  test('the first page holds the 20 newest by default, as summaries, with a cursor to go on', async () => {
    const answer = await page(owner.token, {});
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(20);
    expect(ids(answer.body.items)).toEqual(ids(newestFirst.slice(0, 20) as unknown as Summary[]));
    expect(typeof answer.body.nextCursor).toBe('string');
    const first = answer.body.items[0]!;
    expect(Object.keys(first).sort()).toEqual(
      [
        'category',
        'createdAt',
        'favorite',
        'id',
        'language',
        'question',
        'rating',
        'tags',
        'title',
        'tone',
      ].sort(),
    );
  });

  test('paging through with limit 5 visits every scenario once, newest first, in 5 pages; the last has no cursor', async () => {
    const pages = await everyPage(owner.token, {}, 5);
    expect(pages.map((items) => items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat().map((item) => item.id)).toEqual(newestFirst.map((scenario) => scenario.id));
  });

  test('a history that fits one page exactly answers no cursor, not an empty page after it', async () => {
    const answer = await page(other.token, { limit: '4' });
    expect(answer.body.items).toHaveLength(4);
    expect(answer.body.nextCursor).toBeNull();
  });

  test('only the caller’s own scenarios are listed', async () => {
    const theirs = (await everyPage(other.token, {}, 50)).flat();
    expect(theirs).toHaveLength(4);
    const mine = new Set(saved.map((scenario) => scenario.id));
    expect(theirs.some((item) => mine.has(item.id))).toBe(false);
  });

  test('favorite=true pages through the favourites alone', async () => {
    const pages = await everyPage(owner.token, { favorite: 'true' }, 3);
    const expected = newestFirst
      .filter((scenario) => favourites.has(scenario.id))
      .map((scenario) => scenario.id);
    expect(expected).toHaveLength(8);
    expect(pages.flat().map((item) => item.id)).toEqual(expected);
    expect(pages.flat().every((item) => item.favorite)).toBe(true);
  });

  test('favorite=false pages through the others alone', async () => {
    const pages = await everyPage(owner.token, { favorite: 'false' }, 4);
    const expected = newestFirst
      .filter((scenario) => !favourites.has(scenario.id))
      .map((scenario) => scenario.id);
    expect(pages.flat().map((item) => item.id)).toEqual(expected);
  });

  test('tag, category and their combination page through exactly the matching scenarios', async () => {
    const byTag = (await everyPage(owner.token, { tag: 'MARS' }, 2)).flat();
    expect(ids(byTag)).toEqual(
      newestFirst.filter((scenario) => scenario.tags.includes('mars')).map((s) => s.id),
    );
    expect(byTag).toHaveLength(5);

    const science = (await everyPage(owner.token, { category: 'science' }, 2)).flat();
    expect(ids(science)).toEqual(
      newestFirst.filter((scenario) => scenario.category === 'science').map((s) => s.id),
    );

    const both = (
      await everyPage(owner.token, { category: 'science', tag: 'mars', favorite: 'true' }, 1)
    ).flat();
    const expected = newestFirst.filter(
      (scenario) =>
        scenario.category === 'science' && scenario.tags.includes('mars') && favourites.has(scenario.id),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(both)).toEqual(expected.map((scenario) => scenario.id));
  });

  test('language pages through the scenarios written in it, alone or with other filters', async () => {
    const vietnamese = (await everyPage(owner.token, { language: 'vi' }, 3)).flat();
    expect(ids(vietnamese)).toEqual(newestFirst.filter((s) => s.language === 'vi').map((s) => s.id));
    expect(vietnamese).toHaveLength(8);
    expect(vietnamese.every((item) => item.language === 'vi')).toBe(true);

    const english = (await everyPage(owner.token, { language: 'en' }, 50)).flat();
    expect(ids(english)).toEqual(newestFirst.filter((s) => s.language === 'en').map((s) => s.id));

    const vietnameseScience = (
      await everyPage(owner.token, { language: 'vi', category: 'science' }, 1)
    ).flat();
    const expected = newestFirst.filter((s) => s.language === 'vi' && s.category === 'science');
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(vietnameseScience)).toEqual(expected.map((s) => s.id));
  });

  test('q finds titles and questions ignoring case and accents', async () => {
    const roman = (await everyPage(owner.token, { q: 'roman SENATE' }, 2)).flat();
    expect(ids(roman)).toEqual(newestFirst.filter((s) => /ROMAN senate/.test(s.question)).map((s) => s.id));
    expect(roman.length).toBe(4);

    const vietnam = (await everyPage(owner.token, { q: 'viet nam thong nhat' }, 50)).flat();
    expect(ids(vietnam)).toEqual(newestFirst.filter((s) => s.title.startsWith('Việt Nam')).map((s) => s.id));

    const accented = (await everyPage(owner.token, { q: 'VIỆT NAM' }, 50)).flat();
    expect(ids(accented)).toEqual(ids(vietnam));

    const nothing = await page(owner.token, { q: 'atlantis' });
    expect(nothing.body).toEqual({ items: [], nextCursor: null });
  });

  test('the other user’s search never finds the owner’s scenarios', async () => {
    const answer = await page(other.token, { q: 'viet nam', limit: '50' });
    const mine = new Set(saved.map((scenario) => scenario.id));
    expect(answer.body.items.some((item) => mine.has(item.id))).toBe(false);
  });

  describe('cursors', () => {
    async function firstCursor(query: Record<string, string> = {}): Promise<string> {
      const answer = await page(owner.token, { limit: '5', ...query });
      expect(answer.body.nextCursor).toEqual(expect.any(String));
      return answer.body.nextCursor!;
    }

    function expectCursorRejected(answer: { status: number; body: unknown }): void {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        type: '/problems/validation',
        errors: [{ path: '/query/cursor', message: expect.stringContaining('first page') }],
      });
    }

    test('are opaque: neither the user id nor the key layout can be read from them', async () => {
      const cursor = await firstCursor();
      const readable = cursor
        .split('.')
        .map((part) => Buffer.from(part, 'base64url').toString('utf8'))
        .join(' ');
      expect(readable).not.toContain(owner.userId);
      expect(readable).not.toMatch(/OWNER|SCENARIO|gsi|pk/);
    });

    test('replayed by another user: 400, and nothing of the owner’s is shown', async () => {
      const cursor = await firstCursor();
      const answer = await page(other.token, { limit: '5', cursor });
      expectCursorRejected(answer);
    });

    test('replayed with other filters: 400', async () => {
      const cursor = await firstCursor({ category: 'history' });
      expectCursorRejected(await page(owner.token, { limit: '5', cursor, category: 'science' }));
      expectCursorRejected(await page(owner.token, { limit: '5', cursor }));
    });

    test.each<[string, Record<string, string>, Array<Record<string, string>>]>([
      ['tag', { tag: 'mars' }, [{ tag: 'earth' }, {}]],
      ['favourite', { favorite: 'true' }, [{ favorite: 'false' }, {}]],
      ['search', { q: 'scenario number' }, [{ q: 'scenario' }, {}]],
      ['language', { language: 'en' }, [{ language: 'vi' }, {}]],
    ])('replayed with another %s filter, or without it: 400', async (_name, filter, replays) => {
      const cursor = await firstCursor({ ...filter, limit: '2' });
      expect((await page(owner.token, { ...filter, limit: '2', cursor })).status).toBe(200);
      for (const replay of replays)
        expectCursorRejected(await page(owner.token, { ...replay, limit: '2', cursor }));
    });

    test('tampered with (position rewritten, signature altered, garbage): 400', async () => {
      const cursor = await firstCursor();
      const [payload, mac] = cursor.split('.') as [string, string];
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { after: string };
      const rewritten = Buffer.from(
        JSON.stringify({ ...decoded, after: `9999${decoded.after.slice(4)}` }),
      ).toString('base64url');
      expectCursorRejected(await page(owner.token, { cursor: `${rewritten}.${mac}` }));
      const flipped = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
      expectCursorRejected(await page(owner.token, { cursor: `${payload}.${flipped}` }));
      expectCursorRejected(await page(owner.token, { cursor: 'not-a-cursor' }));
      expectCursorRejected(await page(owner.token, { cursor: `${payload}.` }));
    });

    test('cut short or wrapped in anything else: 400, never a server error', async () => {
      const cursor = await firstCursor();
      const [payload, mac] = cursor.split('.') as [string, string];
      expectCursorRejected(await page(owner.token, { cursor: `${payload}.${mac.slice(0, -4)}` }));
      expectCursorRejected(await page(owner.token, { cursor: `${payload}.${mac}AAAA` }));
      expectCursorRejected(await page(owner.token, { cursor: `~${cursor}` }));
      expectCursorRejected(await page(owner.token, { cursor: `${cursor}~` }));
    });

    test('may continue with another page size', async () => {
      const cursor = await firstCursor();
      const answer = await page(owner.token, { limit: '10', cursor });
      expect(answer.status).toBe(200);
      expect(ids(answer.body.items)).toEqual(newestFirst.slice(5, 15).map((scenario) => scenario.id));
    });
  });

  test.each([
    [{ limit: '0' }, '/query/limit'],
    [{ limit: '51' }, '/query/limit'],
    [{ limit: 'ten' }, '/query/limit'],
    [{ favorite: 'maybe' }, '/query/favorite'],
    [{ category: 'astrology' }, '/query/category'],
    [{ language: 'fr' }, '/query/language'],
    [{ q: 'x'.repeat(101) }, '/query/q'],
    [{ colour: 'blue' }, '/query/colour'],
  ])('%j is a 400 problem naming the parameter', async (query, field) => {
    const answer = await page(owner.token, query);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: '/problems/validation' });
    expect(JSON.stringify(answer.body)).toContain(field.replace('/query/', ''));
  });

  test('without a valid token: 401', async () => {
    expect((await history.call('GET', '/api/v1/scenarios')).status).toBe(401);
    const foreign = history.token({ audience: 'someone-else' });
    expect((await history.call('GET', '/api/v1/scenarios', { token: foreign })).status).toBe(401);
  });
});
