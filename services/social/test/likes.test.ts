import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { reconcilePost } from '../src/store/reconcile-counters';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

const like = (user: TestUser, path: string) =>
  social.call<{ liked: boolean; likes: number }>('PUT', `${path}/like`, { token: user.token });
const unlike = (user: TestUser, path: string) =>
  social.call<{ liked: boolean; likes: number }>('DELETE', `${path}/like`, { token: user.token });

async function likeRows(postId: string, prefix: string): Promise<number> {
  const page = await social.documents.send(
    new QueryCommand({
      TableName: social.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `POST#${postId}`, ':prefix': prefix },
      ConsistentRead: true,
    }),
  );
  return page.Items?.length ?? 0;
}

const store = () => ({ documents: social.documents, tableName: social.tableName });

test('a like is one per account, idempotent both ways, and counted for the author', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  const path = `/api/v1/social/posts/${post.id}`;
  expect((await like(fan, path)).body).toEqual({ liked: true, likes: 1 });
  expect((await like(fan, path)).body).toEqual({ liked: true, likes: 1 });
  expect((await social.call<{ counts: { likes: number } }>('GET', path)).body.counts.likes).toBe(1);
  const profile = await social.call<{ counts: Record<string, number> }>(
    'GET',
    `/api/v1/social/users/${author.userId}`,
  );
  expect(profile.body.counts['likesReceived']).toBe(1);
  expect((await unlike(fan, path)).body).toEqual({ liked: false, likes: 0 });
  expect((await unlike(fan, path)).body).toEqual({ liked: false, likes: 0 });
  expect((await like(fan, '/api/v1/social/posts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
});

test('50 concurrent likes and unlikes leave the count equal to the like rows, with no drift to repair', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  const path = `/api/v1/social/posts/${post.id}`;
  const fans = Array.from({ length: 10 }, () => social.newUser());
  const requests = Array.from({ length: 50 }, (_, index) => {
    const fan = fans[index % fans.length]!;
    return index % 3 === 1 ? () => unlike(fan, path) : () => like(fan, path);
  });
  requests.sort(() => Math.random() - 0.5);
  const answers = await Promise.all(requests.map((request) => request()));
  expect(answers.every((answer) => answer.status === 200)).toBe(true);

  const rows = await likeRows(post.id, 'LIKE#POST#');
  const shown = await social.call<{ counts: { likes: number } }>('GET', path);
  expect(shown.body.counts.likes).toBe(rows);
  const profile = await social.call<{ counts: Record<string, number> }>(
    'GET',
    `/api/v1/social/users/${author.userId}`,
  );
  expect(profile.body.counts['likesReceived']).toBe(rows);
  const report = await reconcilePost(store(), post.id, 50);
  expect(report.drift).toEqual([]);
});

test('the reconciler repairs a counter that drifted from its rows and says what it fixed', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  await like(fan, `/api/v1/social/posts/${post.id}`);
  // A crash between a like row and its counter, as the reconciler would find it.
  await social.documents.send(
    new UpdateCommand({
      TableName: social.tableName,
      Key: { pk: `POST#${post.id}`, sk: 'POST' },
      UpdateExpression: 'SET likes = :wrong',
      ExpressionAttributeValues: { ':wrong': 7 },
    }),
  );
  const report = await reconcilePost(store(), post.id, 50);
  expect(report.drift).toEqual([
    { postId: post.id, counter: 'likes', counted: 7, rows: 1, outcome: 'fixed' },
  ]);
  const shown = await social.call<{ counts: { likes: number } }>('GET', `/api/v1/social/posts/${post.id}`);
  expect(shown.body.counts.likes).toBe(1);
  expect((await reconcilePost(store(), post.id, 50)).drift).toEqual([]);
});

test('comments are liked once each, and a deleted comment cannot be liked', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const post = await social.publish(author);
  const comment = await social.call<{ id: string }>('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: author.token,
    body: { body: 'Thanks for reading' },
  });
  const path = `/api/v1/social/posts/${post.id}/comments/${comment.body.id}`;
  expect((await like(fan, path)).body).toEqual({ liked: true, likes: 1 });
  expect((await like(fan, path)).body).toEqual({ liked: true, likes: 1 });
  expect(await likeRows(post.id, `LIKE#COMMENT#${comment.body.id}#`)).toBe(1);
  expect((await social.call('DELETE', path, { token: author.token })).status).toBe(204);
  expect((await like(fan, path)).status).toBe(404);
});
