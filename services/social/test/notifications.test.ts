import { randomUUID } from 'node:crypto';
import type { PurgeInstruction } from '@what-if/contracts';
import { serviceToken } from '../../../test/support/service-identity';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

interface NotificationView {
  id: string;
  type: string;
  read: boolean;
  subject: Record<string, string>;
  actors: { count: number; latest: string | null; sample: string[] };
}

const notifications = async (user: TestUser, query = '') => {
  const answer = await social.call<{ items: NotificationView[]; nextCursor: string | null }>(
    'GET',
    `/api/v1/social/notifications${query}`,
    { token: user.token },
  );
  expect(answer.status).toBe(200);
  return answer.body.items;
};
const ofType = async (user: TestUser, type: string) =>
  (await notifications(user)).filter((item) => item.type === type);
const unread = async (user: TestUser) =>
  (
    await social.call<{ unread: number }>('GET', '/api/v1/social/notifications/unread-count', {
      token: user.token,
    })
  ).body.unread;
const like = (user: TestUser, postId: string) =>
  social.call('PUT', `/api/v1/social/posts/${postId}/like`, { token: user.token });
const comment = (user: TestUser, postId: string, body: string, parentId?: string) =>
  social.call<{ id: string }>('POST', `/api/v1/social/posts/${postId}/comments`, {
    token: user.token,
    body: { body, ...(parentId ? { parentId } : {}) },
  });
const readAll = (user: TestUser) =>
  social.call('POST', '/api/v1/social/notifications/read', { token: user.token });

test('likes in a burst read as one notification, "the latest and N others"; after reading, the next like starts anew', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  await readAll(author); // the first-post achievement
  // Eight: ten likes would also unlock an achievement, a notification of its own.
  const fans = Array.from({ length: 8 }, () => social.newUser());
  const answers = await Promise.all(fans.map((fan) => like(fan, post.id)));
  expect(answers.every((answer) => answer.status === 200)).toBe(true);

  const [burst, ...others] = await ofType(author, 'like');
  expect(others).toEqual([]);
  expect(burst).toMatchObject({ read: false, subject: { postId: post.id }, actors: { count: 8 } });
  expect(fans.map((fan) => fan.userId)).toContain(burst!.actors.latest);
  expect(burst!.actors.sample).toHaveLength(3);
  expect(await unread(author)).toBe(1);

  // Someone else cannot mark it read: it is not among their notifications.
  const stranger = social.newUser();
  const markRead = (user: TestUser) =>
    social.call('POST', `/api/v1/social/notifications/${burst!.id}/read`, { token: user.token });
  expect((await markRead(stranger)).status).toBe(404);
  expect(await unread(author)).toBe(1);
  expect((await markRead(author)).status).toBe(204);
  expect((await markRead(author)).status).toBe(204);
  expect(await unread(author)).toBe(0);
  // A like taken back and given again tells the author nothing new.
  await social.call('DELETE', `/api/v1/social/posts/${post.id}/like`, { token: fans[0]!.token });
  expect((await like(fans[0]!, post.id)).status).toBe(200);
  expect(await unread(author)).toBe(0);
  const late = social.newUser();
  await like(late, post.id);
  expect(await ofType(author, 'like')).toEqual([
    expect.objectContaining({
      id: burst!.id,
      read: false,
      actors: { count: 1, latest: late.userId, sample: [late.userId] },
    }),
  ]);
  expect(await unread(author)).toBe(1);
  expect((await notifications(author, '?unread=true')).map((item) => item.type)).toEqual(['like']);
});

test('comments tell the post author, replies tell the comment author, and nobody hears of their own doing', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const other = social.newUser();
  const post = await social.publish(author);
  const first = await comment(fan, post.id, 'What about the Eastern court?');
  expect(first.status).toBe(201);
  const answer = await comment(author, post.id, 'It holds, too.', first.body.id);
  expect(answer.status).toBe(201);
  await comment(other, post.id, 'Agreed with the author', answer.body.id);

  expect(await ofType(author, 'comment')).toEqual([
    expect.objectContaining({
      subject: { postId: post.id },
      actors: expect.objectContaining({ count: 1, latest: fan.userId }),
    }),
  ]);
  // The reply to the author's own comment is a reply, not a comment as well.
  expect(await ofType(author, 'reply')).toEqual([
    expect.objectContaining({
      subject: { postId: post.id, commentId: answer.body.id },
      actors: expect.objectContaining({ latest: other.userId }),
    }),
  ]);
  expect(await ofType(fan, 'reply')).toEqual([
    expect.objectContaining({ subject: { postId: post.id, commentId: first.body.id } }),
  ]);
  expect(await ofType(fan, 'comment')).toEqual([]);
});

test('follows notify unless the type is turned off; preferences say which types are on', async () => {
  const followed = social.newUser();
  const [one, two] = [social.newUser(), social.newUser()];
  await social.call('PUT', `/api/v1/social/following/${followed.userId}`, { token: one.token });
  expect(await ofType(followed, 'follow')).toEqual([
    expect.objectContaining({ actors: { count: 1, latest: one.userId, sample: [one.userId] } }),
  ]);
  const off = await social.call<{ types: Record<string, boolean> }>(
    'PUT',
    '/api/v1/social/notifications/preferences',
    { token: followed.token, body: { types: { follow: false } } },
  );
  expect(off.status).toBe(200);
  expect(off.body.types).toMatchObject({ follow: false, like: true, mention: true, moderation: true });
  await social.call('PUT', `/api/v1/social/following/${followed.userId}`, { token: two.token });
  expect((await ofType(followed, 'follow'))[0]?.actors.count).toBe(1);
  const shown = await social.call<{ types: Record<string, boolean> }>(
    'GET',
    '/api/v1/social/notifications/preferences',
    {
      token: followed.token,
    },
  );
  expect(shown.body.types['follow']).toBe(false);
  const bad = await social.call('PUT', '/api/v1/social/notifications/preferences', {
    token: followed.token,
    body: { types: { follows: false } },
  });
  expect(bad.status).toBe(400);
});

test('achievements and moderation decisions notify their owner; marking all read clears the count', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  expect(await ofType(author, 'achievement')).toEqual([
    expect.objectContaining({
      subject: { achievementId: 'first-post' },
      actors: { count: 0, latest: null, sample: [] },
    }),
  ]);
  const reporter = social.newUser();
  const report = await social.call<{ caseId: string }>('POST', `/api/v1/social/posts/${post.id}/reports`, {
    token: reporter.token,
    body: { reason: 'spam' },
  });
  expect(report.status).toBe(202);
  const decision = await social.call(
    'POST',
    `/api/v1/social/moderation/cases/${report.body.caseId}/decisions`,
    {
      token: social.newUser(['moderator']).token,
      body: { action: 'warn', reason: 'Keep captions on topic' },
    },
  );
  expect(decision.status).toBe(200);
  expect(await ofType(author, 'moderation')).toEqual([
    expect.objectContaining({ subject: { postId: post.id, action: 'warn' } }),
  ]);
  expect(await unread(author)).toBe(2);
  expect((await readAll(author)).status).toBe(204);
  expect(await unread(author)).toBe(0);
  expect((await notifications(author)).every((item) => item.read)).toBe(true);
  const missing = await social.call('POST', `/api/v1/social/notifications/${'0'.repeat(32)}/read`, {
    token: author.token,
  });
  expect(missing.status).toBe(404);
  expect((await social.call('GET', '/api/v1/social/notifications')).status).toBe(401);
});

test("a deleted post takes its notifications along; a deleted account leaves everyone's groups", async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  await readAll(author);
  const [stays, leaves] = [social.newUser(), social.newUser()];
  await like(stays, post.id);
  await like(leaves, post.id);
  await social.call('PUT', `/api/v1/social/following/${author.userId}`, { token: leaves.token });
  expect((await ofType(author, 'like'))[0]?.actors.count).toBe(2);

  const instruction: PurgeInstruction = {
    id: randomUUID(),
    kind: 'account',
    subjectId: leaves.userId,
    ownerId: leaves.userId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
  expect(
    (
      await social.direct('POST', '/internal/v1/purges', {
        token: serviceToken('user', 'social'),
        body: instruction,
      })
    ).status,
  ).toBe(204);
  expect(await ofType(author, 'like')).toEqual([
    expect.objectContaining({ actors: { count: 1, latest: stays.userId, sample: [stays.userId] } }),
  ]);
  expect(await ofType(author, 'follow')).toEqual([]);
  expect(await unread(author)).toBe(1);

  expect(
    (await social.call('DELETE', `/api/v1/social/posts/${post.id}`, { token: author.token })).status,
  ).toBe(204);
  expect(await ofType(author, 'like')).toEqual([]);
  expect(await unread(author)).toBe(0);
});

test('live updates reach a signed-in reader through the gateway as server-sent events', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  const controller = new AbortController();
  const response = await fetch(`${social.gatewayUrl}/api/v1/social/notifications/stream`, {
    headers: { authorization: `Bearer ${author.token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  try {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const nextUnread = async (): Promise<number> => {
      for (;;) {
        const match = /event: unread\ndata: (\{[^\n]*\})\n\n/.exec(text);
        if (match) {
          text = text.slice(match.index + match[0].length);
          return (JSON.parse(match[1]!) as { unread: number }).unread;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error('the stream ended');
        text += decoder.decode(chunk.value, { stream: true });
      }
    };
    expect(await nextUnread()).toBe(1); // the first-post achievement
    await like(social.newUser(), post.id);
    expect(await nextUnread()).toBe(2);
  } finally {
    controller.abort();
  }
});
