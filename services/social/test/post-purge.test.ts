import { randomUUID } from 'node:crypto';
import { type PurgeInstruction, visitorHash } from '@what-if/contracts';
import { collectItems, dynamoPurgeOutbox, purgeOutboxPrefix, scanPages } from '@what-if/kit/dynamodb';
import { eventually } from '../../../test/support/eventually';
import { serviceToken } from '../../../test/support/service-identity';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial({ PURGE_RELAY_POLL_MS: '200' });
});
afterAll(async () => {
  await social?.stop();
});

function everyItem(): Promise<Array<Record<string, unknown>>> {
  return collectItems(scanPages(social, {}));
}

/** Items that mention the text, purge instructions aside (they hold ids and go once applied). */
const itemsMentioning = async (text: string) =>
  (await everyItem()).filter(
    (item) => !String(item['pk']).startsWith(purgeOutboxPrefix) && JSON.stringify(item).includes(text),
  );
const purgeOutbox = async () =>
  (await everyItem()).filter((item) => String(item['pk']).startsWith(purgeOutboxPrefix));

const moderator = () => social.newUser(['moderator']);

/** A post others have liked, commented on (with a reply), and reported, post and comment alike. */
async function busyPost(author: TestUser) {
  const post = await social.publish(author, { caption: 'a busy post', tags: ['rome'] });
  const fan = social.newUser();
  const critic = social.newUser();
  expect(
    (await social.call('PUT', `/api/v1/social/posts/${post.id}/like`, { token: fan.token })).status,
  ).toBe(200);
  const comment = await social.call<{ id: string }>('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: fan.token,
    body: { body: 'words of a fan' },
  });
  expect(comment.status).toBe(201);
  await social.call('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: critic.token,
    body: { body: 'a reply', parentId: comment.body.id },
  });
  const postReport = await social.call<{ caseId: string }>(
    'POST',
    `/api/v1/social/posts/${post.id}/reports`,
    {
      token: critic.token,
      body: { reason: 'spam' },
    },
  );
  expect(postReport.status).toBe(202);
  const commentReport = await social.call<{ caseId: string }>(
    'POST',
    `/api/v1/social/posts/${post.id}/comments/${comment.body.id}/reports`,
    { token: critic.token, body: { reason: 'harassment' } },
  );
  expect(commentReport.status).toBe(202);
  return {
    post,
    commentId: comment.body.id,
    caseIds: [postReport.body.caseId, commentReport.body.caseId],
  };
}

async function expectNothingLeft(busy: Awaited<ReturnType<typeof busyPost>>) {
  expect(await itemsMentioning(busy.post.id)).toEqual([]);
  expect(await itemsMentioning(busy.commentId)).toEqual([]);
  for (const caseId of busy.caseIds) expect(await itemsMentioning(caseId)).toEqual([]);
  const mod = moderator();
  for (const caseId of busy.caseIds) {
    expect(
      (await social.call('GET', `/api/v1/social/moderation/cases/${caseId}`, { token: mod.token })).status,
    ).toBe(404);
  }
}

test('a deleted post takes its comments, likes, tag entries, scenario claim and the cases about it and its comments', async () => {
  const author = social.newUser();
  const busy = await busyPost(author);
  const deleted = await social.call('DELETE', `/api/v1/social/posts/${busy.post.id}`, {
    token: author.token,
  });
  expect(deleted.status).toBe(204);
  await expectNothingLeft(busy);
  await eventually(async () => expect(await purgeOutbox()).toEqual([]));
});

test('a post whose deletion was recorded but cut short (a crash after the intent) is completed by the relay', async () => {
  const author = social.newUser();
  const busy = await busyPost(author);
  // What the route writes first, written alone: the replica "died" before deleting anything.
  await dynamoPurgeOutbox({
    documents: social.documents,
    tableName: social.tableName,
    origin: 'social',
  }).record('post', busy.post.id, author.userId);
  await eventually(async () => {
    expect((await social.call('GET', `/api/v1/social/posts/${busy.post.id}`)).status).toBe(404);
    expect(await purgeOutbox()).toEqual([]);
  }, 15_000);
  await expectNothingLeft(busy);
});

test("a deleted scenario (history's instruction) takes the post that published it, whoever's it is, and the case about the scenario", async () => {
  const author = social.newUser();
  const busy = await busyPost(author);
  const scenarioId = (busy.post['scenario'] as { id: string }).id;
  const scenarioCase = await social.direct<{ caseId: string }>('POST', '/internal/v1/reports', {
    body: {
      id: randomUUID(),
      target: { service: 'history', kind: 'scenario', id: scenarioId },
      ownerId: author.userId,
      reporter: { visitorHash: visitorHash('203.0.113.9') },
      reason: 'misinformation',
      reportedAt: new Date().toISOString(),
    },
  });
  expect(scenarioCase.status).toBe(202);
  const instruction: PurgeInstruction = {
    id: randomUUID(),
    kind: 'scenario',
    subjectId: scenarioId,
    ownerId: author.userId,
    requestedAt: new Date().toISOString(),
    origin: 'history',
  };
  const purge = () =>
    social.direct('POST', '/internal/v1/purges', {
      token: serviceToken('history', 'social'),
      body: instruction,
    });
  expect((await purge()).status).toBe(204);
  await expectNothingLeft(busy);
  expect(await itemsMentioning(scenarioId)).toEqual([]);
  expect(await itemsMentioning(scenarioCase.body.caseId)).toEqual([]);
  expect((await purge()).status).toBe(204);
});

test("a deleted share (sharing's instruction) takes the reports and the case social holds about it", async () => {
  const slug = `slug-${randomUUID().slice(0, 8)}`;
  const filed = await social.direct<{ caseId: string }>('POST', '/internal/v1/reports', {
    body: {
      id: randomUUID(),
      target: { service: 'sharing', kind: 'share', id: slug },
      ownerId: randomUUID(),
      reporter: { visitorHash: visitorHash('203.0.113.10') },
      reason: 'spam',
      note: 'a note about the share',
      reportedAt: new Date().toISOString(),
    },
  });
  expect(filed.status).toBe(202);
  expect(await itemsMentioning(slug)).not.toEqual([]);
  const answer = await social.direct('POST', '/internal/v1/purges', {
    token: serviceToken('sharing', 'social'),
    body: {
      id: randomUUID(),
      kind: 'share',
      subjectId: slug,
      ownerId: randomUUID(),
      requestedAt: new Date().toISOString(),
      origin: 'sharing',
    },
  });
  expect(answer.status).toBe(204);
  // Only the marker that refuses a late report of the share's views stays: no content, gone after a day (TTL).
  expect(await itemsMentioning(slug)).toEqual([
    { pk: `SHARESIGNAL#${slug}`, sk: 'SHARE', purgedAt: expect.any(String), expiresAt: expect.any(Number) },
  ]);
  expect(await itemsMentioning(filed.body.caseId)).toEqual([]);
});
