import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

const follow = (who: TestUser, whom: TestUser) =>
  social.call('PUT', `/api/v1/social/following/${whom.userId}`, { token: who.token });
const unfollow = (who: TestUser, whom: TestUser) =>
  social.call('DELETE', `/api/v1/social/following/${whom.userId}`, { token: who.token });
const profile = (of: TestUser, viewer?: TestUser) =>
  social.call<{ counts: Record<string, number>; relationship: Record<string, boolean> | null }>(
    'GET',
    `/api/v1/social/users/${of.userId}`,
    viewer ? { token: viewer.token } : {},
  );

test('following is idempotent, shows both ways and in the counts, and unfollowing undoes it', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  expect((await follow(ada, bob)).status).toBe(204);
  expect((await follow(ada, bob)).status).toBe(204);

  expect((await profile(bob)).body.counts).toEqual({
    posts: 0,
    followers: 1,
    following: 0,
    likesReceived: 0,
  });
  expect((await profile(ada)).body.counts).toEqual({
    posts: 0,
    followers: 0,
    following: 1,
    likesReceived: 0,
  });
  expect((await profile(bob, ada)).body.relationship).toEqual({
    following: true,
    followedBy: false,
    blocking: false,
  });
  expect(
    (await social.call('GET', `/api/v1/social/users/${ada.userId}/following/${bob.userId}`)).body,
  ).toEqual({
    follows: true,
  });
  expect(
    (await social.call('GET', `/api/v1/social/users/${bob.userId}/following/${ada.userId}`)).body,
  ).toEqual({
    follows: false,
  });
  const followers = await social.call<{ items: Array<{ userId: string }> }>(
    'GET',
    `/api/v1/social/users/${bob.userId}/followers`,
  );
  expect(followers.body.items.map((item) => item.userId)).toEqual([ada.userId]);

  expect((await unfollow(ada, bob)).status).toBe(204);
  expect((await unfollow(ada, bob)).status).toBe(204);
  expect((await profile(bob)).body.counts.followers).toBe(0);
  expect((await profile(ada)).body.counts.following).toBe(0);
});

test('nobody follows themselves, and writes need a token', async () => {
  const ada = social.newUser();
  const self = await follow(ada, ada);
  expect(self.status).toBe(400);
  expect(self.headers.get('content-type')).toContain('application/problem+json');
  expect(JSON.stringify(self.body)).toContain('/path/userId');
  expect((await social.call('PUT', `/api/v1/social/following/${ada.userId}`)).status).toBe(401);
});

test('the counts equal the edges after 60 concurrent follows and unfollows of one account', async () => {
  const star = social.newUser();
  const fans = Array.from({ length: 20 }, () => social.newUser());
  // Each fan follows twice and unfollows once, all at once, in a shuffled order.
  const requests = fans.flatMap((fan) => [
    () => follow(fan, star),
    () => unfollow(fan, star),
    () => follow(fan, star),
  ]);
  requests.sort(() => Math.random() - 0.5);
  const answers = await Promise.all(requests.map((request) => request()));
  expect(answers.every((answer) => answer.status === 204)).toBe(true);

  const edges: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Array<{ userId: string }>; nextCursor: string | null } } = await social.call(
      'GET',
      `/api/v1/social/users/${star.userId}/followers?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    edges.push(...page.body.items.map((item) => item.userId));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(new Set(edges).size).toBe(edges.length);
  expect((await profile(star)).body.counts.followers).toBe(edges.length);
  for (const fan of fans) {
    const follows = edges.includes(fan.userId);
    expect((await profile(fan)).body.counts.following).toBe(follows ? 1 : 0);
  }
});

test('a block ends follows both ways, refuses new ones and is listed for the blocker alone', async () => {
  const ada = social.newUser();
  const troll = social.newUser();
  await follow(ada, troll);
  await follow(troll, ada);
  expect(
    (await social.call('PUT', `/api/v1/social/blocks/${troll.userId}`, { token: ada.token })).status,
  ).toBe(204);

  expect((await profile(ada)).body.counts).toMatchObject({ followers: 0, following: 0 });
  const refused = await follow(troll, ada);
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ type: '/problems/blocked' });
  expect((await follow(ada, troll)).status).toBe(403);
  expect((await profile(troll, ada)).body.relationship).toEqual({
    following: false,
    followedBy: false,
    blocking: true,
  });

  const blocks = await social.call<{ items: Array<{ userId: string }> }>('GET', '/api/v1/social/blocks', {
    token: ada.token,
  });
  expect(blocks.body.items.map((item) => item.userId)).toEqual([troll.userId]);

  expect(
    (await social.call('DELETE', `/api/v1/social/blocks/${troll.userId}`, { token: ada.token })).status,
  ).toBe(204);
  expect((await follow(troll, ada)).status).toBe(204);
});
