import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PurgeInstruction } from '@what-if/contracts';
import { scanPages } from '@what-if/kit/dynamodb';
import { serviceToken } from '../../../test/support/service-identity';
import { indexNotificationMarkers } from '../src/store/marker-index';
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
  actors: { count: number; latest: string | null; sample: string[] };
}

const purgeAccount = (userId: string) => {
  const instruction: PurgeInstruction = {
    id: randomUUID(),
    kind: 'account',
    subjectId: userId,
    ownerId: userId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
  return social.direct('POST', '/internal/v1/purges', {
    token: serviceToken('user', 'social'),
    body: instruction,
  });
};
const comment = async (user: TestUser, postId: string, body: string) => {
  const answer = await social.call('POST', `/api/v1/social/posts/${postId}/comments`, {
    token: user.token,
    body: { body },
  });
  expect(answer.status).toBe(201);
};
const commentsGroup = async (user: TestUser) => {
  const answer = await social.call<{ items: NotificationView[] }>('GET', '/api/v1/social/notifications', {
    token: user.token,
  });
  return answer.body.items.filter((item) => item.type === 'comment');
};
/**
 * Every item of the table that holds the id anywhere: in a key, an attribute, a set. Comment
 * allowances (`RATE#…`, one per account and minute) are left out: their TTL ends them two
 * minutes after that minute.
 */
async function itemsNaming(id: string): Promise<Array<Record<string, unknown>>> {
  const found: Array<Record<string, unknown>> = [];
  for await (const page of scanPages(social, {})) {
    for (const item of page.items) {
      if (String(item['pk']).startsWith('RATE#')) continue;
      const text = JSON.stringify(item, (_key, value: unknown) =>
        value instanceof Set ? [...value] : value,
      );
      if (text.includes(id)) found.push(item);
    }
  }
  return found;
}

test('accounts counted past the twenty named count once per burst, and a deleted one leaves no trace in the group; a deleted recipient leaves no marker', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  const named = Array.from({ length: 20 }, () => social.newUser());
  for (let start = 0; start < named.length; start += 5)
    await Promise.all(named.slice(start, start + 5).map((user) => comment(user, post.id, 'Named')));
  const [first, second] = [social.newUser(), social.newUser()];
  await comment(first, post.id, 'Past the named ones');
  // A second comment in the same unread burst moves the entry but counts nobody new.
  await comment(first, post.id, 'Again');
  await comment(second, post.id, 'Latest');
  const [group] = await commentsGroup(author);
  expect(group?.actors).toMatchObject({ count: 22, latest: second.userId });

  expect((await purgeAccount(first.userId)).status).toBe(204);
  expect((await commentsGroup(author))[0]?.actors).toMatchObject({ count: 21, latest: second.userId });
  expect(await itemsNaming(first.userId)).toEqual([]);

  // The latest goes too: the entry names one of the others as its latest.
  expect((await purgeAccount(second.userId)).status).toBe(204);
  const after = (await commentsGroup(author))[0]!;
  expect(after.actors.count).toBe(20);
  expect(named.map((user) => user.userId)).toContain(after.actors.latest);
  expect(after.actors.sample).not.toContain(second.userId);
  expect(await itemsNaming(second.userId)).toEqual([]);

  // The recipient's own deletion: no marker anywhere still names it, whoever's account it is under.
  expect((await purgeAccount(author.userId)).status).toBe(204);
  expect(await itemsNaming(author.userId)).toEqual([]);
});

test('markers written before they were listed under their notification are listed by index-notification-markers, so the recipient purge still finds them all', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  const commenters = Array.from({ length: 21 }, () => social.newUser());
  for (let start = 0; start < commenters.length; start += 7)
    await Promise.all(commenters.slice(start, start + 7).map((user) => comment(user, post.id, 'Hello')));
  // A named commenter again: the one counted past the 20 is not the latest, so only its marker finds it.
  await comment(commenters[0]!, post.id, 'And again');
  expect((await commentsGroup(author))[0]?.actors).toMatchObject({
    count: 21,
    latest: commenters[0]!.userId,
  });
  // As markers were written before the upgrade: without their notification's gsi1 entry; and one
  // left behind by a notification long gone.
  const markers = (await itemsNaming(author.userId)).filter((item) =>
    String(item['pk']).startsWith('ABOUT#'),
  );
  expect(markers).toHaveLength(22); // 21 commenters and the post
  for (const marker of markers) {
    await social.documents.send(
      new UpdateCommand({
        TableName: social.tableName,
        Key: { pk: marker['pk'], sk: marker['sk'] },
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
      }),
    );
  }
  const goneId = 'f'.repeat(32);
  await social.documents.send(
    new PutCommand({
      TableName: social.tableName,
      Item: {
        pk: `ABOUT#USER#${randomUUID()}`,
        sk: `${author.userId}#${goneId}`,
        recipientId: author.userId,
        id: goneId,
      },
    }),
  );

  const table = { documents: social.documents, tableName: social.tableName };
  expect(await indexNotificationMarkers(table)).toEqual({ markersIndexed: 22, staleMarkersRemoved: 1 });
  expect(await indexNotificationMarkers(table)).toEqual({ markersIndexed: 0, staleMarkersRemoved: 0 });
  expect((await purgeAccount(author.userId)).status).toBe(204);
  expect(await itemsNaming(author.userId)).toEqual([]);
});
