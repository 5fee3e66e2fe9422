import { reindexAllPosts } from '../src/store/reindex-posts';
import { type SocialHarness, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

/** A word no other test's posts hold, so each test reads only its own. */
let words = 0;
function uniqueWord(): string {
  words += 1;
  return `zq${Date.now().toString(36)}x${words}`;
}

type Page = { items: Array<{ id: string }>; nextCursor: string | null };
const search = (q: string, options: { token?: string; limit?: number; cursor?: string } = {}) =>
  social.call<Page>(
    'GET',
    `/api/v1/feed/search?q=${encodeURIComponent(q)}&limit=${options.limit ?? 20}${
      options.cursor ? `&cursor=${encodeURIComponent(options.cursor)}` : ''
    }`,
    options.token ? { token: options.token } : {},
  );
const ids = (page: { body: Page }) => page.body.items.map((item) => item.id);

test('search finds titles, questions, captions and tags without accents or case, Vietnamese đ included', async () => {
  const author = social.newUser();
  const marker = uniqueWord();
  const dynasty = await social.publish(author, {
    caption: `Đại Việt giữ vững ${marker}`,
    tags: ['Lịch sử'],
  });
  const scenarioId = await social.scenario(author, {
    title: `Đế chế ${marker} không sụp đổ`,
    question: 'Nếu Đà Nẵng là kinh đô?',
    language: 'vi',
  });
  const empire = (
    await social.call<{ id: string }>('POST', '/api/v1/social/posts', {
      token: author.token,
      body: { scenarioId },
    })
  ).body;

  expect(ids(await search(`dai viet ${marker}`))).toEqual([dynasty.id]);
  expect(ids(await search(`ĐẠI VIỆT ${marker.toUpperCase()}`))).toEqual([dynasty.id]);
  expect(ids(await search(`lich su ${marker}`))).toEqual([dynasty.id]);
  expect(ids(await search(`de che ${marker}`))).toEqual([empire.id]);
  expect(ids(await search(`da nang ${marker}`))).toEqual([empire.id]);
  // Every word must be there; the marker alone finds both, newest first.
  expect(ids(await search(`${marker} hue`))).toEqual([]);
  expect(ids(await search(marker))).toEqual([empire.id, dynasty.id]);
});

test('q takes what browsers and curl send: "+" for a space, punctuation unencoded', async () => {
  const author = social.newUser();
  const marker = uniqueWord();
  const post = await social.publish(author, { caption: `Đại Việt ${marker}, by O'Brien` });
  // As a form or curl sends it, not as encodeURIComponent would.
  const raw = (query: string) => social.call<Page>('GET', `/api/v1/feed/search?${query}`);
  const plus = await raw(`q=dai+viet+${marker}`);
  expect(plus.status).toBe(200);
  expect(ids(plus)).toEqual([post.id]);
  expect(ids(await raw(`q=${marker}+o'brien,+@dai&limit=5`))).toEqual([post.id]);
  expect(ids(await raw(`q=${marker}%20dai`))).toEqual([post.id]);
});

test('a query of common words only is a 400 naming q', async () => {
  const refused = await search('What if the?');
  expect(refused.status).toBe(400);
  expect(refused.headers.get('content-type')).toContain('application/problem+json');
  expect(JSON.stringify(refused.body)).toContain('/query/q');
});

test('an edited caption is found by its new words only; deleted, followers-only and hidden posts are not found', async () => {
  const author = social.newUser();
  const before = uniqueWord();
  const after = uniqueWord();
  const post = await social.publish(author, { caption: `about ${before}` });
  expect(ids(await search(before))).toEqual([post.id]);
  await social.call('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
    body: { caption: `about ${after}` },
  });
  expect(ids(await search(before))).toEqual([]);
  expect(ids(await search(after))).toEqual([post.id]);

  await social.call('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
    body: { visibility: 'followers' },
  });
  expect(ids(await search(after))).toEqual([]);
  await social.call('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
    body: { visibility: 'public' },
  });
  expect(ids(await search(after))).toEqual([post.id]);

  expect(
    (await social.call('DELETE', `/api/v1/social/posts/${post.id}`, { token: author.token })).status,
  ).toBe(204);
  expect(ids(await search(after))).toEqual([]);
  // Nothing is left in the index for the deleted post.
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const left = await social.documents.send(
    new QueryCommand({
      TableName: social.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `SEARCH#${after}` },
    }),
  );
  expect(left.Items).toEqual([]);
});

test("a blocker's posts are not found by the blocked reader", async () => {
  const author = social.newUser();
  const reader = social.newUser();
  const marker = uniqueWord();
  const post = await social.publish(author, { caption: marker });
  expect(ids(await search(marker, { token: reader.token }))).toEqual([post.id]);
  await social.call('PUT', `/api/v1/social/blocks/${reader.userId}`, { token: author.token });
  expect(ids(await search(marker, { token: reader.token }))).toEqual([]);
  expect(ids(await search(marker))).toEqual([post.id]);
});

test('search pages by cursor with no repeats or gaps while matching posts are published between pages', async () => {
  const author = social.newUser();
  const marker = uniqueWord();
  const first = [];
  for (let index = 0; index < 5; index += 1) first.push(await social.publish(author, { caption: marker }));
  const seen: string[] = [];
  let page = await search(marker, { limit: 2 });
  seen.push(...ids(page));
  await social.publish(author, { caption: marker });
  while (page.body.nextCursor) {
    page = await search(marker, { limit: 2, cursor: page.body.nextCursor });
    seen.push(...ids(page));
  }
  expect(seen).toEqual(first.map((post) => post.id).reverse());
});

test('reindexing makes posts searchable that have no entries (posts from before search), and repeats harmlessly', async () => {
  const author = social.newUser();
  const marker = uniqueWord();
  const post = await social.publish(author, { caption: `older ${marker}` });
  const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
  await social.documents.send(
    new DeleteCommand({
      TableName: social.tableName,
      Key: { pk: `SEARCH#${marker}`, sk: `${String(post['createdAt'])}#${post.id}` },
    }),
  );
  expect(ids(await search(marker))).toEqual([]);
  const context = { documents: social.documents, tableName: social.tableName };
  expect(await reindexAllPosts(context)).toBeGreaterThanOrEqual(1);
  await reindexAllPosts(context);
  expect(ids(await search(marker))).toEqual([post.id]);
});
