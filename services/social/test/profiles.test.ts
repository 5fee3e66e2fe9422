import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { indexBlocks } from '../src/store/block-index';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

let names = 0;
function freshName(label: string): string {
  names += 1;
  return `${label}_${Date.now().toString(36)}${names}`;
}

interface ProfileAnswer {
  userId: string;
  profile: Record<string, unknown> | null;
  counts: Record<string, number>;
  level: number;
  relationship: Record<string, boolean> | null;
}

interface Author {
  id: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

test('a public profile by username shows the user service fields, the counts and how the caller relates to it', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  const username = freshName('ada');
  social.setProfile(ada, {
    username,
    displayName: 'Ada Lovelace',
    bio: 'Counts engines.',
    avatarUrl: 'https://images.example/ada.png',
  });
  await social.publish(ada);
  expect(
    (await social.call('PUT', `/api/v1/social/following/${ada.userId}`, { token: bob.token })).status,
  ).toBe(204);

  const seen = await social.call<ProfileAnswer>('GET', `/api/v1/social/profiles/@${username.toUpperCase()}`, {
    token: bob.token,
  });
  expect(seen.status).toBe(200);
  expect(seen.body).toEqual({
    userId: ada.userId,
    profile: {
      username,
      displayName: 'Ada Lovelace',
      bio: 'Counts engines.',
      avatarUrl: 'https://images.example/ada.png',
      joinedAt: '2026-01-02T03:04:05.000Z',
    },
    counts: { posts: 1, followers: 1, following: 0, likesReceived: 0 },
    level: expect.any(Number) as number,
    relationship: { following: true, followedBy: false, blocking: false },
  });
  // The level is the one Ada's experience points reach: publishing earned her some.
  const experience = await social.call<{ level: number; points: number }>(
    'GET',
    `/api/v1/social/users/${ada.userId}/experience`,
  );
  expect(experience.body.points).toBeGreaterThan(0);
  expect(seen.body.level).toBe(experience.body.level);
  // The same answer by id, and signed out no relationship.
  const byId = await social.call<ProfileAnswer>('GET', `/api/v1/social/users/${ada.userId}`);
  expect(byId.body).toEqual({ ...seen.body, relationship: null });
});

test('an unknown username is a 404 problem; an account the user service does not show has no profile fields', async () => {
  const unknown = await social.call('GET', `/api/v1/social/profiles/${freshName('nobody')}`);
  expect(unknown.status).toBe(404);
  expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  expect(unknown.body['type']).toBe('/problems/profile-not-found');

  const ghost = social.newUser();
  const byId = await social.call<ProfileAnswer>('GET', `/api/v1/social/users/${ghost.userId}`);
  expect(byId.status).toBe(200);
  expect(byId.body.profile).toBeNull();
});

test('posts in every feed carry their author names, and a signed-in reader sees which ones they like', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  const carol = social.newUser();
  const username = freshName('ada');
  social.setProfile(ada, { username, displayName: 'Ada', avatarUrl: 'https://images.example/a.png' });
  const tag = freshName('names').replace(/_/g, '-');
  const liked = await social.publish(ada, { tags: [tag] });
  const notLiked = await social.publish(ada, { tags: [tag] });
  // Carol has no username yet: her posts show her display name and a null username.
  social.setProfile(carol, { displayName: 'Carol' });
  const carols = await social.publish(carol, { tags: [tag] });
  await social.call('PUT', `/api/v1/social/following/${ada.userId}`, { token: bob.token });
  await social.call('PUT', `/api/v1/social/following/${carol.userId}`, { token: bob.token });
  expect(
    (await social.call('PUT', `/api/v1/social/posts/${liked.id}/like`, { token: bob.token })).status,
  ).toBe(200);

  const adaAuthor: Author = {
    id: ada.userId,
    username,
    displayName: 'Ada',
    avatarUrl: 'https://images.example/a.png',
  };
  const carolAuthor: Author = { id: carol.userId, username: null, displayName: 'Carol', avatarUrl: null };
  const expected = (likedByMe: (id: string) => boolean | null) => [
    { id: carols.id, author: carolAuthor, likedByMe: likedByMe(carols.id) },
    { id: notLiked.id, author: adaAuthor, likedByMe: likedByMe(notLiked.id) },
    { id: liked.id, author: adaAuthor, likedByMe: likedByMe(liked.id) },
  ];
  const shape = (items: Array<{ id: string; author: Author; likedByMe: boolean | null }>) =>
    items.map(({ id, author, likedByMe }) => ({ id, author, likedByMe }));

  for (const path of [`/api/v1/feed/tags/${tag}`, '/api/v1/feed/following']) {
    const page = await social.call<{
      items: Array<{ id: string; author: Author; likedByMe: boolean | null }>;
    }>('GET', `${path}?limit=3`, { token: bob.token });
    expect(page.status).toBe(200);
    expect(shape(page.body.items)).toEqual(expected((id) => id === liked.id));
  }
  const signedOut = await social.call<{
    items: Array<{ id: string; author: Author; likedByMe: boolean | null }>;
  }>('GET', `/api/v1/feed/tags/${tag}?limit=3`);
  expect(shape(signedOut.body.items)).toEqual(expected(() => null));

  const one = await social.call<{ author: Author; likedByMe: boolean }>(
    'GET',
    `/api/v1/social/posts/${liked.id}`,
    {
      token: bob.token,
    },
  );
  expect(one.body.author).toEqual(adaAuthor);
  expect(one.body.likedByMe).toBe(true);
  const ofAuthor = await social.call<{ items: Array<{ id: string; likedByMe: boolean }> }>(
    'GET',
    `/api/v1/social/users/${ada.userId}/posts`,
    { token: bob.token },
  );
  expect(ofAuthor.body.items.map((item) => [item.id, item.likedByMe])).toEqual([
    [notLiked.id, false],
    [liked.id, true],
  ]);
});

test('comments and their first replies carry their authors and whether the reader likes them', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  const bobName = freshName('bob');
  social.setProfile(bob, { username: bobName, displayName: 'Bob' });
  const post = await social.publish(ada);
  const comment = async (who: TestUser, body: string, parentId?: string) =>
    (
      await social.call<{ id: string; author: Author | null; likedByMe: boolean | null }>(
        'POST',
        `/api/v1/social/posts/${post.id}/comments`,
        { token: who.token, body: { body, ...(parentId ? { parentId } : {}) } },
      )
    ).body;
  const top = await comment(bob, 'First!');
  expect(top.author).toEqual({ id: bob.userId, username: bobName, displayName: 'Bob', avatarUrl: null });
  expect(top.likedByMe).toBe(false);
  const reply = await comment(ada, 'Welcome.', top.id);
  await social.call('PUT', `/api/v1/social/posts/${post.id}/comments/${reply.id}/like`, { token: bob.token });

  const thread = await social.call<{
    items: Array<{
      id: string;
      author: Author | null;
      likedByMe: boolean | null;
      firstReplies: Array<{ id: string; author: Author | null; likedByMe: boolean | null }>;
    }>;
  }>('GET', `/api/v1/social/posts/${post.id}/comments`, { token: bob.token });
  expect(thread.status).toBe(200);
  expect(thread.body.items[0]!.author?.username).toBe(bobName);
  expect(thread.body.items[0]!.likedByMe).toBe(false);
  expect(thread.body.items[0]!.firstReplies[0]).toMatchObject({
    id: reply.id,
    author: { id: ada.userId, username: null, displayName: null, avatarUrl: null },
    likedByMe: true,
  });
  const replies = await social.call<{ items: Array<{ id: string; likedByMe: boolean | null }> }>(
    'GET',
    `/api/v1/social/posts/${post.id}/comments/${top.id}/replies`,
  );
  expect(replies.body.items.map((item) => [item.id, item.likedByMe])).toEqual([[reply.id, null]]);

  // A deleted comment with replies keeps its place, and shows no author.
  await social.call('DELETE', `/api/v1/social/posts/${post.id}/comments/${top.id}`, { token: bob.token });
  const after = await social.call<{ items: Array<{ author: Author | null; deleted: boolean }> }>(
    'GET',
    `/api/v1/social/posts/${post.id}/comments`,
  );
  expect(after.body.items[0]).toMatchObject({ author: null, deleted: true });
});

test('the block list pages newest first with no repeats or gaps', async () => {
  const me = social.newUser();
  const blocked = Array.from({ length: 5 }, () => social.newUser());
  for (const other of blocked) {
    expect(
      (await social.call('PUT', `/api/v1/social/blocks/${other.userId}`, { token: me.token })).status,
    ).toBe(204);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Array<{ userId: string }>; nextCursor: string | null } } =
      await social.call('GET', `/api/v1/social/blocks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: me.token,
      });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.body.items.map((item) => item.userId));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(seen).toEqual(blocked.map((other) => other.userId).reverse());
});

test('followers, following and block lists show each account with its names', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  const username = freshName('bob');
  social.setProfile(bob, { username, displayName: 'Bob', avatarUrl: 'https://images.example/b.png' });
  await social.call('PUT', `/api/v1/social/following/${ada.userId}`, { token: bob.token });
  const bobShown = {
    userId: bob.userId,
    username,
    displayName: 'Bob',
    avatarUrl: 'https://images.example/b.png',
  };
  const adaShown = { userId: ada.userId, username: null, displayName: null, avatarUrl: null };

  const followers = await social.call<{ items: Array<Record<string, unknown>> }>(
    'GET',
    `/api/v1/social/users/${ada.userId}/followers`,
  );
  expect(followers.body.items).toEqual([{ ...bobShown, since: expect.any(String) }]);
  const following = await social.call<{ items: Array<Record<string, unknown>> }>(
    'GET',
    `/api/v1/social/users/${bob.userId}/following`,
  );
  expect(following.body.items).toEqual([{ ...adaShown, since: expect.any(String) }]);
  await social.call('PUT', `/api/v1/social/blocks/${bob.userId}`, { token: ada.token });
  const blocks = await social.call<{ items: Array<Record<string, unknown>> }>(
    'GET',
    '/api/v1/social/blocks',
    {
      token: ada.token,
    },
  );
  expect(blocks.body.items).toEqual([{ ...bobShown, since: expect.any(String) }]);
});

test('a username no account could have is a 404 without asking the user service', async () => {
  const before = social.identity.profileLookups();
  for (const name of ['ab', 'a%00b', 'đạt', 'x'.repeat(40), 'a%2Fb'])
    expect((await social.call('GET', `/api/v1/social/profiles/${name}`)).status).toBe(404);
  expect(social.identity.profileLookups()).toBe(before);
});

test('blocks made before the block list was paged show in it again after index-blocks, and a second run changes nothing', async () => {
  const me = social.newUser();
  const [older, old, recent] = [social.newUser(), social.newUser(), social.newUser()];
  for (const other of [older, old, recent]) {
    expect(
      (await social.call('PUT', `/api/v1/social/blocks/${other.userId}`, { token: me.token })).status,
    ).toBe(204);
  }
  // As blocks were stored before commit 317ce1e: without their block-list (gsi2) entry.
  for (const other of [older, old]) {
    await social.documents.send(
      new UpdateCommand({
        TableName: social.tableName,
        Key: { pk: `USER#${me.userId}`, sk: `BLOCKS#${other.userId}` },
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      }),
    );
  }
  const listed = async () =>
    (
      await social.call<{ items: Array<{ userId: string }> }>('GET', '/api/v1/social/blocks', {
        token: me.token,
      })
    ).body.items.map((item) => item.userId);
  expect(await listed()).toEqual([recent.userId]);

  const table = { documents: social.documents, tableName: social.tableName };
  expect(await indexBlocks(table)).toMatchObject({ blocksIndexed: 2 });
  expect(await listed()).toEqual([recent.userId, old.userId, older.userId]);
  expect(await indexBlocks(table)).toMatchObject({ blocksIndexed: 0 });
  expect(await listed()).toEqual([recent.userId, old.userId, older.userId]);
  // They were blocks all along; unblocking one takes it off the list.
  expect(
    (await social.call('DELETE', `/api/v1/social/blocks/${old.userId}`, { token: me.token })).status,
  ).toBe(204);
  expect(await listed()).toEqual([recent.userId, older.userId]);
});
