import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

interface Comment {
  id: string;
  parentId: string | null;
  depth: number;
  authorId: string | null;
  body: string | null;
  deleted: boolean;
  editedAt: string | null;
  counts: { likes: number; replies: number };
  firstReplies?: Comment[];
}
interface CommentPage {
  items: Comment[];
  nextCursor: string | null;
}

const comment = (user: TestUser, postId: string, body: string, parentId?: string) =>
  social.call<Comment>('POST', `/api/v1/social/posts/${postId}/comments`, {
    token: user.token,
    body: { body, ...(parentId ? { parentId } : {}) },
  });
const thread = (postId: string, query = '') =>
  social.call<CommentPage>('GET', `/api/v1/social/posts/${postId}/comments${query}`);
const replies = (postId: string, commentId: string) =>
  social.call<CommentPage>('GET', `/api/v1/social/posts/${postId}/comments/${commentId}/replies`);

test('replies nest three deep; a deeper reply joins the deepest allowed parent', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  const post = await social.publish(ada);
  const top = (await comment(bob, post.id, 'What about the eastern court?')).body;
  const second = (await comment(ada, post.id, 'It survives too.', top.id)).body;
  const third = (await comment(bob, post.id, 'Then who rules Egypt?', second.id)).body;
  const fourth = await comment(ada, post.id, 'Rome does.', third.id);
  expect(fourth.status).toBe(201);
  expect([top.depth, second.depth, third.depth]).toEqual([1, 2, 3]);
  expect(fourth.body).toMatchObject({ parentId: second.id, depth: 3 });

  const page = await thread(post.id);
  expect(page.body.items.map((item) => item.id)).toEqual([top.id]);
  expect(page.body.items[0]!.firstReplies!.map((item) => item.id)).toEqual([second.id]);
  expect((await replies(post.id, second.id)).body.items.map((item) => item.id)).toEqual([
    third.id,
    fourth.body.id,
  ]);
  const shown = await social.call<{ counts: { comments: number } }>('GET', `/api/v1/social/posts/${post.id}`);
  expect(shown.body.counts.comments).toBe(4);
});

test('a reply’s parent must be a comment of the same post', async () => {
  const ada = social.newUser();
  const one = await social.publish(ada);
  const other = await social.publish(ada);
  const elsewhere = (await comment(ada, other.id, 'Over here')).body;
  const answer = await comment(ada, one.id, 'Reply across posts', elsewhere.id);
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toContain('/body/parentId');
  expect((await thread(one.id)).body.items).toEqual([]);
});

test('the author edits (marked edited) and deletes; a deleted comment with replies stays as a tombstone', async () => {
  const ada = social.newUser();
  const bob = social.newUser();
  const post = await social.publish(ada);
  const top = (await comment(bob, post.id, 'First!')).body;
  const reply = (await comment(ada, post.id, 'Welcome', top.id)).body;
  const lonely = (await comment(bob, post.id, 'Typo here')).body;

  const path = (id: string) => `/api/v1/social/posts/${post.id}/comments/${id}`;
  expect(
    (await social.call('PATCH', path(top.id), { token: ada.token, body: { body: 'hijacked' } })).status,
  ).toBe(404);
  const edited = await social.call<Comment>('PATCH', path(top.id), {
    token: bob.token,
    body: { body: 'First, and glad' },
  });
  expect(edited.body).toMatchObject({ body: 'First, and glad' });
  expect(edited.body.editedAt).not.toBeNull();

  expect((await social.call('DELETE', path(top.id), { token: ada.token })).status).toBe(404);
  expect((await social.call('DELETE', path(top.id), { token: bob.token })).status).toBe(204);
  expect((await social.call('DELETE', path(lonely.id), { token: bob.token })).status).toBe(204);
  const page = await thread(post.id);
  expect(page.body.items).toHaveLength(1);
  expect(page.body.items[0]).toMatchObject({ id: top.id, deleted: true, body: null, authorId: null });
  expect(page.body.items[0]!.firstReplies!.map((item) => item.id)).toEqual([reply.id]);
  const shown = await social.call<{ counts: { comments: number } }>('GET', `/api/v1/social/posts/${post.id}`);
  expect(shown.body.counts.comments).toBe(1);
});

test('top-level comments page oldest or newest first without repeats', async () => {
  const ada = social.newUser();
  const post = await social.publish(ada);
  const written: string[] = [];
  for (let index = 0; index < 7; index += 1)
    written.push((await comment(ada, post.id, `Comment ${index}`)).body.id);
  const read = async (order: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await thread(post.id, `?order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  };
  expect(await read('oldest')).toEqual(written);
  expect(await read('newest')).toEqual([...written].reverse());
});

test('a user writes at most 10 comments a minute', async () => {
  const ada = social.newUser();
  const post = await social.publish(ada);
  // 21 within at most two minutes: one of them holds at least 11.
  const statuses: number[] = [];
  for (let index = 0; index < 21; index += 1)
    statuses.push((await comment(ada, post.id, `Line ${index}`)).status);
  expect(statuses).toContain(429);
  const refused = await comment(ada, post.id, 'One more');
  if (refused.status === 429) expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
});

test('a blocked user cannot comment on the blocker’s posts', async () => {
  const ada = social.newUser();
  const troll = social.newUser();
  const post = await social.publish(ada);
  await social.call('PUT', `/api/v1/social/blocks/${troll.userId}`, { token: ada.token });
  expect((await comment(troll, post.id, 'Let me in')).status).toBe(404);
});
