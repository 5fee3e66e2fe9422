import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type LikeTarget, like, likeTargetOf, likesBy } from '../src/store/likes';
import { type SocialHarness, startSocial } from './support/social-harness';

/**
 * A user's likes as their account's purge finds them: listed by liker on gsi2 (the README's
 * table design), newest first, page by page without losing one, each naming what it liked.
 */

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

const context = () => ({ documents: social.documents, tableName: social.tableName });
const at = (second: number) => new Date(`2026-03-01T12:00:0${second}.000Z`);

async function commentOn(postId: string, token: string): Promise<string> {
  const comment = await social.call<{ id: string }>('POST', `/api/v1/social/posts/${postId}/comments`, {
    token,
    body: { body: 'A comment worth liking' },
  });
  return comment.body.id;
}

test('a user’s likes list newest first, one page at a time, and each row names the post or comment liked', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const older = await social.publish(author);
  const newer = await social.publish(author);
  const commentId = await commentOn(newer.id, author.token);
  const olderPost: LikeTarget = { kind: 'post', postId: older.id };
  const newerPost: LikeTarget = { kind: 'post', postId: newer.id };
  const comment: LikeTarget = { kind: 'comment', postId: newer.id, commentId };

  await like(context(), olderPost, author.userId, fan.userId, at(1));
  // A post and its comment liked in the same millisecond each keep a place of their own.
  await like(context(), comment, author.userId, fan.userId, at(2));
  await like(context(), newerPost, author.userId, fan.userId, at(2));

  const seen: LikeTarget[] = [];
  let after: string | undefined;
  for (let page = 0; page < 3; page += 1) {
    const listed = await likesBy(context(), fan.userId, 1, after);
    expect(listed.items).toHaveLength(1);
    seen.push(likeTargetOf(listed.items[0]!, fan.userId)!);
    after = listed.after;
    if (page < 2) expect(after).toEqual(expect.any(String));
  }
  expect(after).toBeUndefined();
  expect(seen).toEqual([newerPost, comment, olderPost]);

  expect((await likesBy(context(), fan.userId, 10)).items).toHaveLength(3);
  expect((await likesBy(context(), author.userId, 10)).items).toEqual([]);
});

test('like rows carry the liker’s gsi2 entry the table design documents', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  const commentId = await commentOn(post.id, author.token);
  await like(context(), { kind: 'post', postId: post.id }, author.userId, fan.userId, at(3));
  await like(context(), { kind: 'comment', postId: post.id, commentId }, author.userId, fan.userId, at(4));

  const row = async (sk: string) =>
    (
      await social.documents.send(
        new GetCommand({ TableName: social.tableName, Key: { pk: `POST#${post.id}`, sk } }),
      )
    ).Item;
  expect(await row(`LIKE#POST#${fan.userId}`)).toMatchObject({
    gsi2pk: `LIKER#${fan.userId}`,
    gsi2sk: `${at(3).toISOString()}#${post.id}#post`,
  });
  expect(await row(`LIKE#COMMENT#${commentId}#${fan.userId}`)).toMatchObject({
    gsi2pk: `LIKER#${fan.userId}`,
    gsi2sk: `${at(4).toISOString()}#${post.id}#${commentId}`,
  });
});

test('a row that is not this user’s like names no target', () => {
  const user = 'u-1';
  expect(likeTargetOf({ pk: 'POST#p-1', sk: 'LIKE#POST#u-1' }, user)).toEqual({
    kind: 'post',
    postId: 'p-1',
  });
  expect(likeTargetOf({ pk: 'POST#p-1', sk: 'LIKE#COMMENT#c-1#u-1' }, user)).toEqual({
    kind: 'comment',
    postId: 'p-1',
    commentId: 'c-1',
  });
  expect(likeTargetOf({ pk: 'POST#p-1', sk: 'LIKE#POST#u-2' }, user)).toBeUndefined();
  expect(likeTargetOf({ pk: 'POST#p-1', sk: 'LIKE#COMMENT#c-1#u-2' }, user)).toBeUndefined();
  expect(likeTargetOf({ pk: 'POST#p-1', sk: 'COMMENT#c-1' }, user)).toBeUndefined();
});
