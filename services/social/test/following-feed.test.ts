import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { serviceToken } from '../../../test/support/service-identity';
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

async function feed(reader: TestUser): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } =
      await social.call('GET', `/api/v1/feed/following?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
        token: reader.token,
      });
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((item) => item.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

/** The entries of a reader's timeline as stored, newest first. */
async function timelineEntries(reader: TestUser): Promise<string[]> {
  const result = await social.documents.send(
    new QueryCommand({
      TableName: social.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `TIMELINE#${reader.userId}` },
      ScanIndexForward: false,
    }),
  );
  return (result.Items ?? []).map((item) => String(item['postId']));
}

test("following copies the author's earlier posts in; new posts arrive; unfollowing takes them all out", async () => {
  const author = social.newUser();
  const reader = social.newUser();
  const earlier = await social.publish(author);
  expect((await follow(reader, author)).status).toBe(204);
  expect(await feed(reader)).toEqual([earlier.id]);

  const later = await social.publish(author, { visibility: 'followers' });
  const own = await social.publish(reader);
  expect(await feed(reader)).toEqual([own.id, later.id, earlier.id]);

  expect((await unfollow(reader, author)).status).toBe(204);
  expect(await feed(reader)).toEqual([own.id]);
  expect(await timelineEntries(reader)).toEqual([own.id]);
});

test("a deleted post leaves every follower's timeline, and a hidden one every following feed", async () => {
  const author = social.newUser();
  const readers = [social.newUser(), social.newUser()];
  for (const reader of readers) await follow(reader, author);
  const kept = await social.publish(author);
  const deleted = await social.publish(author);
  for (const reader of readers) expect(await feed(reader)).toEqual([deleted.id, kept.id]);

  await social.call('DELETE', `/api/v1/social/posts/${deleted.id}`, { token: author.token });
  for (const reader of readers) {
    expect(await feed(reader)).toEqual([kept.id]);
    expect(await timelineEntries(reader)).toEqual([kept.id]);
  }
  expect(await timelineEntries(author)).toEqual([kept.id]);
});

test('a block ends the follow and the blocker’s posts leave the blocked reader’s following feed', async () => {
  const author = social.newUser();
  const reader = social.newUser();
  await follow(reader, author);
  const post = await social.publish(author);
  expect(await feed(reader)).toEqual([post.id]);
  await social.call('PUT', `/api/v1/social/blocks/${reader.userId}`, { token: author.token });
  expect(await feed(reader)).toEqual([]);
});

test('a reader whose follows are older than timelines gets one built from them on first read', async () => {
  const authors = [social.newUser(), social.newUser()];
  const reader = social.newUser();
  for (const author of authors) await follow(reader, author);
  const posts = [];
  for (const author of authors) posts.push(await social.publish(author));
  // As a reader from before timelines: no entries and no marker.
  const entries = await social.documents.send(
    new QueryCommand({
      TableName: social.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `TIMELINE#${reader.userId}` },
    }),
  );
  await social.documents.send(
    new BatchWriteCommand({
      RequestItems: {
        [social.tableName]: (entries.Items ?? []).map((item) => ({
          DeleteRequest: { Key: { pk: item['pk'], sk: item['sk'] } },
        })),
      },
    }),
  );
  await social.documents.send(
    new DeleteCommand({ TableName: social.tableName, Key: { pk: `USER#${reader.userId}`, sk: 'TIMELINE' } }),
  );
  expect(await timelineEntries(reader)).toEqual([]);

  expect(await feed(reader)).toEqual(posts.map((post) => post.id).reverse());
  expect(await timelineEntries(reader)).toEqual(posts.map((post) => post.id).reverse());
});

test('an entry whose author the reader no longer follows is skipped even if it was left behind', async () => {
  const author = social.newUser();
  const reader = social.newUser();
  await follow(reader, author);
  const post = await social.publish(author);
  await unfollow(reader, author);
  // As if a publish had raced the unfollow and written its entry after the unfollow cleaned up.
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  await social.documents.send(
    new PutCommand({
      TableName: social.tableName,
      Item: {
        pk: `TIMELINE#${reader.userId}`,
        sk: `${String(post['createdAt'])}#${post.id}`,
        postId: post.id,
        authorId: author.userId,
      },
    }),
  );
  expect(await feed(reader)).toEqual([]);
});

test("a deleted account's timeline and its posts in its followers' timelines go with its purge", async () => {
  const leaving = social.newUser();
  const follower = social.newUser();
  const followed = social.newUser();
  await follow(follower, leaving);
  await follow(leaving, followed);
  await social.publish(followed);
  await social.publish(leaving);
  expect((await timelineEntries(leaving)).length).toBe(2);
  expect((await timelineEntries(follower)).length).toBe(1);

  const purged = await social.direct('POST', '/internal/v1/purges', {
    token: serviceToken('user', 'social'),
    body: {
      id: randomUUID(),
      kind: 'account',
      subjectId: leaving.userId,
      ownerId: leaving.userId,
      requestedAt: new Date().toISOString(),
      origin: 'user',
    },
  });
  expect(purged.status).toBe(204);
  expect(await timelineEntries(leaving)).toEqual([]);
  expect(await timelineEntries(follower)).toEqual([]);
  const marker = await social.documents.send(
    new QueryCommand({
      TableName: social.tableName,
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': `USER#${leaving.userId}`, ':sk': 'TIMELINE' },
    }),
  );
  expect(marker.Items).toEqual([]);
});
