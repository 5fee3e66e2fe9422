import { randomUUID } from 'node:crypto';
import { mentionedUsernames, mentionsPerText } from '../src/mentions/mention-text';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

interface Mention {
  username: string;
  userId: string;
}
interface NotificationView {
  id: string;
  type: string;
  read: boolean;
  subject: Record<string, string>;
  actors: { count: number; latest: string | null };
}
type NamedUser = TestUser & { username: string };

/** A new account with a username of its own (unique across tests). */
function named(prefix: string): NamedUser {
  const user = social.newUser();
  const username = `${prefix}_${randomUUID().slice(0, 8)}`;
  social.setProfile(user, { username, displayName: prefix });
  return { ...user, username };
}

const mentionsOf = async (user: TestUser) => {
  const answer = await social.call<{ items: NotificationView[] }>('GET', '/api/v1/social/notifications', {
    token: user.token,
  });
  expect(answer.status).toBe(200);
  return answer.body.items.filter((item) => item.type === 'mention');
};
const unread = async (user: TestUser) =>
  (
    await social.call<{ unread: number }>('GET', '/api/v1/social/notifications/unread-count', {
      token: user.token,
    })
  ).body.unread;
const comment = (user: TestUser, postId: string, body: string) =>
  social.call<{ id: string; mentions: Mention[] }>('POST', `/api/v1/social/posts/${postId}/comments`, {
    token: user.token,
    body: { body },
  });
const editComment = (user: TestUser, postId: string, commentId: string, body: string) =>
  social.call<{ mentions: Mention[] }>('PATCH', `/api/v1/social/posts/${postId}/comments/${commentId}`, {
    token: user.token,
    body: { body },
  });
const mention = (user: NamedUser): Mention => ({ username: user.username, userId: user.userId });

test('a text mentions @usernames outside words and e-mail addresses, each once, the first ten at most', () => {
  expect(mentionedUsernames('@Ada and @ada, (@bob_1) write to ada@example.org or @x1 or @toolong_')).toEqual([
    'ada',
    'bob_1',
    'toolong_',
  ]);
  expect(mentionedUsernames(`@${'a'.repeat(31)} and tên@abc and @@two`)).toEqual([]);
  const many = Array.from({ length: 12 }, (_, index) => `@name_${index}`).join(' ');
  expect(mentionedUsernames(many)).toHaveLength(mentionsPerText);
  expect(mentionedUsernames(many)[mentionsPerText - 1]).toBe('name_9');
});

test('a caption names its mentions for clients to link, and tells each account mentioned once; an edit tells only the new ones', async () => {
  const author = named('author');
  const [ada, bob, cy] = [named('ada'), named('bob'), named('cy')];
  const caption = `For @${ada.username.toUpperCase()} and @${bob.username}; @${ada.username} again, @nobody_${randomUUID().slice(0, 6)}, ${cy.username}@example.org and me @${author.username}`;
  const post = await social.publish(author, { caption });
  expect(post['caption']).toBe(caption);
  expect(post['mentions']).toEqual([mention(ada), mention(bob), mention(author)]);

  const [toAda] = await mentionsOf(ada);
  expect(await mentionsOf(ada)).toHaveLength(1);
  expect(toAda).toMatchObject({
    read: false,
    subject: { postId: post.id },
    actors: { count: 1, latest: author.userId },
  });
  expect(await mentionsOf(bob)).toHaveLength(1);
  expect(await mentionsOf(cy)).toEqual([]);
  // Nobody hears of their own doing.
  expect(await mentionsOf(author)).toEqual([]);

  // Reading shows the same mentions, in feeds as in the post itself.
  const read = await social.call<{ mentions: Mention[] }>('GET', `/api/v1/social/posts/${post.id}`);
  expect(read.body.mentions).toEqual([mention(ada), mention(bob), mention(author)]);
  const byAuthor = await social.call<{ items: Array<{ id: string; mentions: Mention[] }> }>(
    'GET',
    `/api/v1/social/users/${author.userId}/posts`,
  );
  expect(byAuthor.body.items[0]).toMatchObject({ id: post.id, mentions: read.body.mentions });

  // Ada read it; an edit dropping Bob and adding Cy tells Cy only, and Ada nothing new.
  await social.call('POST', `/api/v1/social/notifications/${toAda!.id}/read`, { token: ada.token });
  const edited = await social.call<{ mentions: Mention[] }>('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
    body: { caption: `Now @${ada.username} and @${cy.username}` },
  });
  expect(edited.status).toBe(200);
  expect(edited.body.mentions).toEqual([mention(ada), mention(cy)]);
  expect(await mentionsOf(cy)).toHaveLength(1);
  expect(await unread(ada)).toBe(0);
  // Bob mentioned again after being edited out: this caption told him already.
  await social.call('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
    body: { caption: `And @${bob.username} once more` },
  });
  expect(await mentionsOf(bob)).toEqual([
    expect.objectContaining({ actors: expect.objectContaining({ count: 1 }) }),
  ]);
  expect(await unread(bob)).toBe(1);
  // A change of tags leaves the caption's mentions as they are.
  const retagged = await social.call<{ mentions: Mention[] }>('PATCH', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
    body: { tags: ['rome'] },
  });
  expect(retagged.body.mentions).toEqual([mention(bob)]);

  // Deleting the post takes its mention notifications with it.
  expect(
    (await social.call('DELETE', `/api/v1/social/posts/${post.id}`, { token: author.token })).status,
  ).toBe(204);
  expect(await mentionsOf(bob)).toEqual([]);
  expect(await mentionsOf(cy)).toEqual([]);
  expect(await unread(bob)).toBe(0);
});

test('a comment mentions accounts, an edit tells only those newly mentioned, and deleting it takes its notifications', async () => {
  const author = named('poster');
  const writer = named('writer');
  const [dan, eve] = [named('dan'), named('eve')];
  const post = await social.publish(author);
  const written = await comment(writer, post.id, `@${dan.username} look, @${dan.username}!`);
  expect(written.status).toBe(201);
  expect(written.body.mentions).toEqual([mention(dan)]);
  expect(await mentionsOf(dan)).toEqual([
    expect.objectContaining({
      subject: { postId: post.id, commentId: written.body.id },
      actors: expect.objectContaining({ count: 1, latest: writer.userId }),
    }),
  ]);

  // Dan read it; the edit adding Eve tells Eve, and Dan nothing new.
  await social.call('POST', '/api/v1/social/notifications/read', { token: dan.token });
  const edited = await editComment(writer, post.id, written.body.id, `@${dan.username} and @${eve.username}`);
  expect(edited.status).toBe(200);
  expect(edited.body.mentions).toEqual([mention(dan), mention(eve)]);
  expect(await mentionsOf(eve)).toHaveLength(1);
  expect(await mentionsOf(dan)).toEqual([expect.objectContaining({ read: true })]);
  expect(await unread(dan)).toBe(0);

  // The thread shows the mentions with the words.
  const thread = await social.call<{ items: Array<{ id: string; mentions: Mention[] }> }>(
    'GET',
    `/api/v1/social/posts/${post.id}/comments`,
  );
  expect(thread.body.items).toEqual([
    expect.objectContaining({ id: written.body.id, mentions: [mention(dan), mention(eve)] }),
  ]);

  // A reply keeps the deleted comment as a tombstone: no words, no mentions, no notifications.
  const reply = await social.call('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: author.token,
    body: { body: 'Thanks', parentId: written.body.id },
  });
  expect(reply.status).toBe(201);
  const deleted = await social.call('DELETE', `/api/v1/social/posts/${post.id}/comments/${written.body.id}`, {
    token: writer.token,
  });
  expect(deleted.status).toBe(204);
  expect(await mentionsOf(dan)).toEqual([]);
  expect(await mentionsOf(eve)).toEqual([]);
  expect(await unread(eve)).toBe(0);
  const after = await social.call<{ items: Array<{ deleted: boolean; mentions: Mention[] }> }>(
    'GET',
    `/api/v1/social/posts/${post.id}/comments`,
  );
  expect(after.body.items).toEqual([expect.objectContaining({ deleted: true, mentions: [] })]);
  // Someone else's comment is not theirs to delete, mentions included.
  const other = await comment(writer, post.id, `@${dan.username} hello`);
  expect(
    (
      await social.call('DELETE', `/api/v1/social/posts/${post.id}/comments/${other.body.id}`, {
        token: dan.token,
      })
    ).status,
  ).toBe(404);
  expect(await mentionsOf(dan)).toHaveLength(1);
});

test('nobody is told across a block, of a post they may not read, or with mentions turned off', async () => {
  const writer = named('blocky');
  const [blocker, blocked, stranger, follower, quiet] = [
    named('blocker'),
    named('blocked'),
    named('stranger'),
    named('follower'),
    named('quiet'),
  ];
  await social.call('PUT', `/api/v1/social/blocks/${writer.userId}`, { token: blocker.token });
  await social.call('PUT', `/api/v1/social/blocks/${blocked.userId}`, { token: writer.token });
  await social.call('PUT', `/api/v1/social/following/${writer.userId}`, { token: follower.token });
  await social.call('PUT', '/api/v1/social/notifications/preferences', {
    token: quiet.token,
    body: { types: { mention: false } },
  });
  const everyone = [blocker, blocked, stranger, follower, quiet];
  const post = await social.publish(writer, {
    visibility: 'followers',
    caption: everyone.map((user) => `@${user.username}`).join(' '),
  });
  // The words still name them all; only who is told differs.
  expect(post['mentions']).toEqual(everyone.map(mention));
  expect(await mentionsOf(follower)).toHaveLength(1);
  for (const user of [blocker, blocked, stranger, quiet]) expect(await mentionsOf(user)).toEqual([]);

  // In a comment on a public post, the stranger may read it; blocks still hold.
  const open = await social.publish(writer);
  await comment(writer, open.id, `@${blocker.username} @${blocked.username} @${stranger.username}`);
  expect(await mentionsOf(stranger)).toHaveLength(1);
  expect(await mentionsOf(blocker)).toEqual([]);
  expect(await mentionsOf(blocked)).toEqual([]);
});

test('a text tells ten accounts at most', async () => {
  const writer = named('crowd');
  const crowd = Array.from({ length: mentionsPerText + 2 }, (_, index) => named(`c${index}`));
  const post = await social.publish(writer, { caption: crowd.map((user) => `@${user.username}`).join(' ') });
  expect(post['mentions']).toEqual(crowd.slice(0, mentionsPerText).map(mention));
  expect(await mentionsOf(crowd[mentionsPerText - 1]!)).toHaveLength(1);
  expect(await mentionsOf(crowd[mentionsPerText]!)).toEqual([]);
});
