import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

interface Post {
  id: string;
  authorId: string;
  caption: string;
  tags: string[];
  visibility: string;
  scenario: { id: string; title: string; excerpt: string; language: string };
  editedAt: string | null;
}
interface PostPage {
  items: Post[];
  nextCursor: string | null;
}

const read = (path: string, viewer?: TestUser) =>
  social.call<PostPage>('GET', path, viewer ? { token: viewer.token } : {});
const ids = (page: { body: PostPage }) => page.body.items.map((post) => post.id);

/** Every page of a feed, from the first to the last. */
async function readAll(path: string, viewer?: TestUser, limit = 50): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await read(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, viewer);
    expect(page.status).toBe(200);
    found.push(...ids(page));
    cursor = page.body.nextCursor;
  } while (cursor);
  return found;
}

test('a scenario from my history becomes a post once, showing its title and an excerpt', async () => {
  const ada = social.newUser();
  const scenarioId = await social.scenario(ada, { title: 'Rome Endures', language: 'en' });
  const body = { scenarioId, caption: '  My favourite  ', tags: ['Lịch sử', 'rome', 'ROME'] };
  const created = await social.call<Post>('POST', '/api/v1/social/posts', { token: ada.token, body });
  expect(created.status).toBe(201);
  expect(created.headers.get('location')).toBe(`/api/v1/social/posts/${created.body.id}`);
  expect(created.body).toMatchObject({
    authorId: ada.userId,
    caption: 'My favourite',
    tags: ['lich-su', 'rome'],
    visibility: 'public',
    scenario: { id: scenarioId, title: 'Rome Endures', language: 'en' },
    editedAt: null,
  });
  expect(created.body.scenario.excerpt.length).toBeLessThanOrEqual(280);
  expect(created.body.scenario.excerpt.endsWith('…')).toBe(true);

  const again = await social.call<Post>('POST', '/api/v1/social/posts', { token: ada.token, body });
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(created.body.id);
  const profile = await social.call<{ counts: { posts: number } }>(
    'GET',
    `/api/v1/social/users/${ada.userId}`,
  );
  expect(profile.body.counts.posts).toBe(1);
  expect(ids(await read('/api/v1/feed/tags/L%E1%BB%8Bch%20s%E1%BB%AD'))).toContain(created.body.id);
});

test('someone else’s scenario cannot be published, nor their post changed or deleted', async () => {
  const ada = social.newUser();
  const mallory = social.newUser();
  const scenarioId = await social.scenario(ada);
  const stolen = await social.call('POST', '/api/v1/social/posts', {
    token: mallory.token,
    body: { scenarioId },
  });
  expect(stolen.status).toBe(404);
  expect(stolen.body).toMatchObject({ type: '/problems/scenario-not-found' });

  const post = await social.publish(ada, { caption: 'mine' });
  const missing = await social.call('PATCH', '/api/v1/social/posts/00000000-0000-4000-8000-000000000000', {
    token: mallory.token,
    body: { caption: 'x' },
  });
  const edit = await social.call('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: mallory.token,
    body: { caption: 'defaced' },
  });
  expect(edit.status).toBe(404);
  expect(edit.body['detail']).toBe(
    String(missing.body['detail']).replace('00000000-0000-4000-8000-000000000000', post.id),
  );
  expect(
    (await social.call('DELETE', `/api/v1/social/posts/${post.id}`, { token: mallory.token })).status,
  ).toBe(404);
  expect((await social.call<Post>('GET', `/api/v1/social/posts/${post.id}`)).body.caption).toBe('mine');
});

test('the author edits a post (marked edited) and deletes it from every feed and count', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  await social.call('PUT', `/api/v1/social/following/${ada.userId}`, { token: bob.token });
  const post = await social.publish(ada, { tags: ['empire'] });

  const edited = await social.call<Post>('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: ada.token,
    body: { caption: 'Read this', tags: ['roads'] },
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ caption: 'Read this', tags: ['roads'] });
  expect(edited.body.editedAt).not.toBeNull();
  expect(ids(await read('/api/v1/feed/tags/empire'))).not.toContain(post.id);
  expect(ids(await read('/api/v1/feed/tags/roads'))).toContain(post.id);

  const feeds = ['/api/v1/feed', `/api/v1/social/users/${ada.userId}/posts`, '/api/v1/feed/tags/roads'];
  for (const feed of feeds) expect(await readAll(feed)).toContain(post.id);
  expect(await readAll('/api/v1/feed/following', bob)).toContain(post.id);

  expect((await social.call('DELETE', `/api/v1/social/posts/${post.id}`, { token: ada.token })).status).toBe(
    204,
  );
  for (const feed of feeds) expect(await readAll(feed)).not.toContain(post.id);
  expect(await readAll('/api/v1/feed/following', bob)).not.toContain(post.id);
  expect((await social.call('GET', `/api/v1/social/posts/${post.id}`)).status).toBe(404);
  const profile = await social.call<{ counts: { posts: number } }>(
    'GET',
    `/api/v1/social/users/${ada.userId}`,
  );
  expect(profile.body.counts.posts).toBe(0);
  expect((await social.call('DELETE', `/api/v1/social/posts/${post.id}`, { token: ada.token })).status).toBe(
    404,
  );
});

test('a followers-only post reaches followers and nobody else', async () => {
  const ada = social.newUser();
  const follower = social.newUser();
  const stranger = social.newUser();
  await social.call('PUT', `/api/v1/social/following/${ada.userId}`, { token: follower.token });
  const post = await social.publish(ada, { visibility: 'followers', tags: ['secret'] });

  expect(await readAll('/api/v1/feed/following', follower)).toContain(post.id);
  expect(await readAll(`/api/v1/social/users/${ada.userId}/posts`, follower)).toContain(post.id);
  expect(
    (await social.call('GET', `/api/v1/social/posts/${post.id}`, { token: follower.token })).status,
  ).toBe(200);

  expect(await readAll('/api/v1/feed', stranger)).not.toContain(post.id);
  expect(await readAll('/api/v1/feed/tags/secret')).not.toContain(post.id);
  expect(await readAll(`/api/v1/social/users/${ada.userId}/posts`, stranger)).not.toContain(post.id);
  expect(await readAll(`/api/v1/social/users/${ada.userId}/posts`)).not.toContain(post.id);
  expect(
    (await social.call('GET', `/api/v1/social/posts/${post.id}`, { token: stranger.token })).status,
  ).toBe(404);
});

test('a blocker’s posts leave the blocked reader’s feeds', async () => {
  const ada = social.newUser();
  const troll = social.newUser();
  const post = await social.publish(ada, { tags: ['blocked-test'] });
  expect(await readAll('/api/v1/feed', troll)).toContain(post.id);
  await social.call('PUT', `/api/v1/social/blocks/${troll.userId}`, { token: ada.token });

  expect(await readAll('/api/v1/feed', troll)).not.toContain(post.id);
  expect(await readAll('/api/v1/feed/tags/blocked-test', troll)).not.toContain(post.id);
  expect(await readAll(`/api/v1/social/users/${ada.userId}/posts`, troll)).toEqual([]);
  expect((await social.call('GET', `/api/v1/social/posts/${post.id}`, { token: troll.token })).status).toBe(
    404,
  );
  // Everyone else still sees it.
  expect(await readAll('/api/v1/feed/tags/blocked-test')).toContain(post.id);
});

test('the following feed pages without gaps or repeats while new posts arrive', async () => {
  const reader = social.newUser();
  const authors = Array.from({ length: 4 }, () => social.newUser());
  for (const author of authors) {
    await social.call('PUT', `/api/v1/social/following/${author.userId}`, { token: reader.token });
  }
  const before: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const author of authors) before.unshift((await social.publish(author)).id);
  }

  const seen: string[] = [];
  let cursor: string | null = null;
  let page = 0;
  do {
    const answer = await read(`/api/v1/feed/following?limit=5${cursor ? `&cursor=${cursor}` : ''}`, reader);
    seen.push(...ids(answer));
    cursor = answer.body.nextCursor;
    // Between page reads, every author publishes again.
    if (page++ < 2) for (const author of authors) await social.publish(author);
  } while (cursor);
  expect(seen).toEqual(before);
});

test('the latest feed pages without gaps or repeats while new posts arrive', async () => {
  const author = social.newUser();
  const first = (await social.publish(author)).id;
  const start = await read('/api/v1/feed?limit=1');
  expect(ids(start)).toEqual([first]);
  const older = await readAll('/api/v1/feed');
  await social.publish(author);
  const rest: string[] = [];
  let cursor = start.body.nextCursor;
  while (cursor) {
    const answer = await read(`/api/v1/feed?limit=3&cursor=${cursor}`);
    rest.push(...ids(answer));
    cursor = answer.body.nextCursor;
    await social.publish(author);
  }
  expect([first, ...rest]).toEqual(older);
});

test('a cursor that was never handed out is a 400 naming it', async () => {
  const answer = await social.call('GET', '/api/v1/feed?cursor=not-a-cursor');
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toContain('/query/cursor');
});
