import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { like, likes, unlike } from '../src/store/likes';
import { addToCounts, forgetCounts, readCounts } from '../src/store/profile-counts';
import { type SocialHarness, startSocial } from './support/social-harness';

/**
 * Likes and the counters they move, at the store: only the write that changed a like row moves
 * a counter, a like of something deleted meanwhile counts for nobody, and what profiles show.
 */

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

const context = () => ({ documents: social.documents, tableName: social.tableName });
const now = new Date('2026-03-01T12:00:00.000Z');

async function counterOf(key: { pk: string; sk: string }): Promise<unknown> {
  const result = await social.documents.send(
    new GetCommand({ TableName: social.tableName, Key: key, ConsistentRead: true }),
  );
  return result.Item?.['likes'];
}

test('a post like is recorded once with who and when, moves the post’s and the author’s counts once, and unliking moves them back once', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  const target = { kind: 'post', postId: post.id } as const;

  expect(await likes(context(), target, fan.userId)).toBe(false);
  expect(await like(context(), target, author.userId, fan.userId, now)).toBe(true);
  expect(await like(context(), target, author.userId, fan.userId, now)).toBe(false);
  expect(await likes(context(), target, fan.userId)).toBe(true);
  expect(await likes(context(), target, author.userId)).toBe(false);
  const row = await social.documents.send(
    new GetCommand({
      TableName: social.tableName,
      Key: { pk: `POST#${post.id}`, sk: `LIKE#POST#${fan.userId}` },
    }),
  );
  expect(row.Item).toMatchObject({ userId: fan.userId, likedAt: now.toISOString() });
  expect(await counterOf({ pk: `POST#${post.id}`, sk: 'POST' })).toBe(1);
  expect((await readCounts(context(), author.userId)).likesReceived).toBe(1);

  expect(await unlike(context(), target, author.userId, fan.userId)).toBe(true);
  expect(await unlike(context(), target, author.userId, fan.userId)).toBe(false);
  expect(await counterOf({ pk: `POST#${post.id}`, sk: 'POST' })).toBe(0);
  expect((await readCounts(context(), author.userId)).likesReceived).toBe(0);
});

test('a comment like counts on the comment and for its author, not on the post', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  const comment = await social.call<{ id: string }>('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: author.token,
    body: { body: 'A comment worth liking' },
  });
  const target = { kind: 'comment', postId: post.id, commentId: comment.body.id } as const;
  expect(await like(context(), target, author.userId, fan.userId, now)).toBe(true);
  expect(await likes(context(), target, fan.userId)).toBe(true);
  expect(await likes(context(), { kind: 'post', postId: post.id }, fan.userId)).toBe(false);
  expect(await counterOf({ pk: `POST#${post.id}`, sk: `COMMENT#${comment.body.id}` })).toBe(1);
  expect(await counterOf({ pk: `POST#${post.id}`, sk: 'POST' })).not.toBe(1);
  expect((await readCounts(context(), author.userId)).likesReceived).toBe(1);
});

test('a like of something deleted meanwhile counts for nobody, and brings nothing back', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const gone = { kind: 'post', postId: '00000000-0000-4000-8000-00000000dead' } as const;
  expect(await like(context(), gone, author.userId, fan.userId, now)).toBe(true);
  expect(await counterOf({ pk: `POST#${gone.postId}`, sk: 'POST' })).toBeUndefined();
  expect((await readCounts(context(), author.userId)).likesReceived).toBe(0);
  expect(await unlike(context(), gone, author.userId, fan.userId)).toBe(true);
  expect(await counterOf({ pk: `POST#${gone.postId}`, sk: 'POST' })).toBeUndefined();
  // Stored, not as shown (a profile never shows below zero): the author's count was never touched.
  const profile = await social.documents.send(
    new GetCommand({ TableName: social.tableName, Key: { pk: `USER#${author.userId}`, sk: 'PROFILE' } }),
  );
  expect(profile.Item?.['likesReceived'] ?? 0).toBe(0);
});

test('a store failure other than a lost race is not swallowed', async () => {
  const broken = { documents: social.documents, tableName: `${social.tableName}-missing` };
  const target = { kind: 'post', postId: 'p' } as const;
  await expect(like(broken, target, 'a', 'b', now)).rejects.toThrow();
});

test('a counter update that fails for another reason than a deleted target surfaces, so the like is retried', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  const throttled = {
    send: (command: object) =>
      command instanceof UpdateCommand
        ? Promise.reject(
            Object.assign(new Error('throughput exceeded'), {
              name: 'ProvisionedThroughputExceededException',
            }),
          )
        : social.documents.send(command as never),
  } as unknown as DynamoDBDocumentClient;
  await expect(
    like(
      { documents: throttled, tableName: social.tableName },
      { kind: 'post', postId: post.id },
      author.userId,
      fan.userId,
      now,
    ),
  ).rejects.toThrow('throughput exceeded');
});

describe('profile counts', () => {
  test('start at zero, add up, never show below zero, and go with the account', async () => {
    const user = social.newUser();
    expect(await readCounts(context(), user.userId)).toEqual({
      posts: 0,
      followers: 0,
      following: 0,
      likesReceived: 0,
    });
    await addToCounts(context(), user.userId, { posts: 2, followers: 1 });
    await addToCounts(context(), user.userId, { posts: -1, following: 0, likesReceived: -1 });
    expect(await readCounts(context(), user.userId)).toEqual({
      posts: 1,
      followers: 1,
      following: 0,
      likesReceived: 0,
    });
    await forgetCounts(context(), user.userId);
    const item = await social.documents.send(
      new GetCommand({ TableName: social.tableName, Key: { pk: `USER#${user.userId}`, sk: 'PROFILE' } }),
    );
    expect(item.Item).toBeUndefined();
  });

  test('nothing to add writes nothing', async () => {
    const user = social.newUser();
    await addToCounts(context(), user.userId, { posts: 0 });
    await addToCounts(context(), user.userId, {});
    const item = await social.documents.send(
      new GetCommand({ TableName: social.tableName, Key: { pk: `USER#${user.userId}`, sk: 'PROFILE' } }),
    );
    expect(item.Item).toBeUndefined();
  });

  test('a counter stored as something other than a number reads as zero', async () => {
    const user = social.newUser();
    await social.documents.send(
      new PutCommand({
        TableName: social.tableName,
        Item: { pk: `USER#${user.userId}`, sk: 'PROFILE', posts: 'many', followers: 3 },
      }),
    );
    expect(await readCounts(context(), user.userId)).toMatchObject({ posts: 0, followers: 3 });
  });
});
