import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PurgeInstruction } from '@what-if/contracts';
import { collectItems, scanPages } from '@what-if/kit/dynamodb';
import { serviceToken } from '../../../test/support/service-identity';
import { indexAuthors } from '../src/store/author-index';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

function accountPurge(userId: string): PurgeInstruction {
  return {
    id: randomUUID(),
    kind: 'account',
    subjectId: userId,
    ownerId: userId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
}

const purge = (instruction: PurgeInstruction, caller: 'user' | 'gateway' = 'user') =>
  social.direct('POST', '/internal/v1/purges', { token: serviceToken(caller, 'social'), body: instruction });

const counts = async (of: TestUser) =>
  (await social.call<{ counts: Record<string, number> }>('GET', `/api/v1/social/users/${of.userId}`)).body
    .counts;

test("a deleted account's posts, follows and blocks all go, the others' counts follow; a repeat is 204 too", async () => {
  const leaving = social.newUser();
  const friend = social.newUser();
  const other = social.newUser();
  const post = await social.publish(leaving, { caption: 'soon gone' });
  await social.call('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: friend.token,
    body: { body: 'a comment on a post that goes' },
  });
  expect(
    (await social.call('PUT', `/api/v1/social/following/${friend.userId}`, { token: leaving.token })).status,
  ).toBe(204);
  expect(
    (await social.call('PUT', `/api/v1/social/following/${leaving.userId}`, { token: friend.token })).status,
  ).toBe(204);
  expect(
    (await social.call('PUT', `/api/v1/social/blocks/${other.userId}`, { token: leaving.token })).status,
  ).toBe(204);
  expect((await counts(friend)).followers).toBe(1);

  const instruction = accountPurge(leaving.userId);
  expect((await purge(instruction)).status).toBe(204);
  expect((await social.call('GET', `/api/v1/social/posts/${post.id}`, { token: friend.token })).status).toBe(
    404,
  );
  expect(await counts(friend)).toEqual({ posts: 0, followers: 0, following: 0, likesReceived: 0 });
  expect(await counts(leaving)).toEqual({ posts: 0, followers: 0, following: 0, likesReceived: 0 });
  // The block is gone too: the other account may follow the departed id's (now empty) profile.
  expect(
    (await social.call('PUT', `/api/v1/social/following/${leaving.userId}`, { token: other.token })).status,
  ).toBe(204);
  await social.call('DELETE', `/api/v1/social/following/${leaving.userId}`, { token: other.token });

  expect((await purge(instruction)).status).toBe(204);
});

test('only a purge owner of the catalog may send one: no token is 401, another service 403', async () => {
  const instruction = accountPurge(randomUUID());
  const anonymous = await social.direct('POST', '/internal/v1/purges', { token: '', body: instruction });
  expect(anonymous.status).toBe(401);
  const gateway = await purge(instruction, 'gateway');
  expect(gateway.status).toBe(403);
  expect(gateway.body['type']).toBe('/problems/caller-not-allowed');
});

test("a deleted account's comments and likes on other people's posts go too: counts follow, threads keep their shape", async () => {
  const leaving = social.newUser();
  const author = social.newUser();
  const replier = social.newUser();
  const post = await social.publish(author, { caption: 'others talk here' });
  const comment = (body: Record<string, unknown>, as: TestUser) =>
    social.call<{ id: string }>('POST', `/api/v1/social/posts/${post.id}/comments`, {
      token: as.token,
      body,
    });
  const answered = await comment({ body: 'the leaving user speaks' }, leaving);
  const lonely = await comment({ body: 'nobody answers this one' }, leaving);
  await comment({ body: 'a reply that stays', parentId: answered.body.id }, replier);
  const authorsComment = await comment({ body: 'the author speaks' }, author);
  for (const path of [
    `/api/v1/social/posts/${post.id}/like`,
    `/api/v1/social/posts/${post.id}/comments/${authorsComment.body.id}/like`,
  ]) {
    expect((await social.call('PUT', path, { token: leaving.token })).status).toBe(200);
  }
  expect((await counts(author)).likesReceived).toBe(2);

  expect((await purge(accountPurge(leaving.userId))).status).toBe(204);

  const read = await social.call<{ counts: { likes: number; comments: number } }>(
    'GET',
    `/api/v1/social/posts/${post.id}`,
  );
  expect(read.body.counts).toEqual({ likes: 0, comments: 2 });
  expect((await counts(author)).likesReceived).toBe(0);
  const thread = await social.call<{
    items: Array<{
      id: string;
      authorId: string | null;
      body: string | null;
      deleted: boolean;
      counts: { likes: number };
      firstReplies: Array<{ body: string | null }>;
    }>;
  }>('GET', `/api/v1/social/posts/${post.id}/comments?order=oldest`);
  expect(thread.body.items.map((item) => [item.id, item.authorId, item.body, item.deleted])).toEqual([
    [answered.body.id, null, null, true],
    [authorsComment.body.id, author.userId, 'the author speaks', false],
  ]);
  expect(thread.body.items[0]!.firstReplies.map((reply) => reply.body)).toEqual(['a reply that stays']);
  expect(thread.body.items[1]!.counts.likes).toBe(0);
  expect(thread.body.items.map((item) => item.id)).not.toContain(lonely.body.id);

  // Nothing in the table names the account any more, in keys, index keys or attributes, but for
  // this minute's comment allowance (a count that DynamoDB's TTL removes; it holds no content).
  const left = (await collectItems(scanPages(social, {}))).filter(
    (item) => JSON.stringify(item).includes(leaving.userId) && !String(item['pk']).startsWith('RATE#'),
  );
  expect(left).toEqual([]);
});

test('comments and likes written before they had per-author entries get them from index-authors, and a purge then reaches them', async () => {
  const leaving = social.newUser();
  const author = social.newUser();
  const post = await social.publish(author);
  const comment = await social.call<{ id: string }>('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: leaving.token,
    body: { body: 'written before the upgrade' },
  });
  await social.call('PUT', `/api/v1/social/posts/${post.id}/like`, { token: leaving.token });
  // As they were stored before the upgrade: without gsi2 keys.
  for (const sk of [`COMMENT#${comment.body.id}`, `LIKE#POST#${leaving.userId}`]) {
    await social.documents.send(
      new UpdateCommand({
        TableName: social.tableName,
        Key: { pk: `POST#${post.id}`, sk },
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      }),
    );
  }
  const context = { documents: social.documents, tableName: social.tableName };
  expect(await indexAuthors(context)).toMatchObject({ comments: 1, likes: 1 });
  expect(await indexAuthors(context)).toEqual({ comments: 0, likes: 0 });

  expect((await purge(accountPurge(leaving.userId))).status).toBe(204);
  const read = await social.call<{ counts: { likes: number; comments: number } }>(
    'GET',
    `/api/v1/social/posts/${post.id}`,
  );
  expect(read.body.counts).toEqual({ likes: 0, comments: 0 });
});
