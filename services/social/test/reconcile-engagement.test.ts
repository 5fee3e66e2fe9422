import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { eventually } from '../../../test/support/eventually';
import { serviceToken } from '../../../test/support/service-identity';
import { type EngagementDrift, reconcileEngagement, reconcileUser } from '../src/store/reconcile-engagement';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

const table = () => ({ documents: social.documents, tableName: social.tableName });
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const points = async (user: TestUser) =>
  (
    await social.call<{ points: number; level: number; windows: Record<string, number> }>(
      'GET',
      `/api/v1/social/users/${user.userId}/experience`,
    )
  ).body;
const myEntry = async (user: TestUser, window: string) =>
  (
    await social.call<{ me: { points: number } | null }>(
      'GET',
      `/api/v1/social/leaderboard?window=${window}`,
      {
        token: user.token,
      },
    )
  ).body.me;
const unread = async (user: TestUser) =>
  (
    await social.call<{ unread: number }>('GET', '/api/v1/social/notifications/unread-count', {
      token: user.token,
    })
  ).body.unread;
const unreadListed = async (user: TestUser) =>
  (
    await social.call<{ items: unknown[] }>('GET', '/api/v1/social/notifications?unread=true', {
      token: user.token,
    })
  ).body.items.length;

async function put(item: Record<string, unknown>) {
  await social.documents.send(new PutCommand({ TableName: social.tableName, Item: item }));
}
async function update(key: Record<string, string>, expression: string, values?: Record<string, unknown>) {
  await social.documents.send(
    new UpdateCommand({
      TableName: social.tableName,
      Key: key,
      UpdateExpression: expression,
      ...(values ? { ExpressionAttributeValues: values } : {}),
    }),
  );
}

test('the reconciler recomputes points, day totals, board entries and unread counts from their rows, repairs what drifted and reports it', async () => {
  // A small living account: a post, three first likes and a follower.
  const author = social.newUser();
  const fans = [social.newUser(), social.newUser(), social.newUser()];
  const post = await social.publish(author);
  for (const fan of fans)
    expect(
      (await social.call('PUT', `/api/v1/social/posts/${post.id}/like`, { token: fan.token })).status,
    ).toBe(200);
  expect(
    (await social.call('PUT', `/api/v1/social/following/${author.userId}`, { token: fans[0]!.token })).status,
  ).toBe(204);
  // 20 the post, 5 the streak day, 10 first-post, 3 × 2 the likes, 5 the follower.
  const earned = 20 + 5 + 10 + 3 * 2 + 5;
  expect((await points(author)).points).toBe(earned);
  await eventually(async () => expect((await myEntry(author, '30d'))?.points).toBe(earned));
  // The likes, the follow and the first-post achievement.
  expect(await unread(author)).toBe(3);

  // Everything written by the requests agrees with its rows: nothing to repair.
  const clean = await reconcileEngagement(table(), { settleMs: 50 });
  expect(clean.drift).toEqual([]);
  expect(clean.unverifiable).toEqual([]);
  expect(clean.unverifiableCounters).toEqual([]);

  // Now drift, as crashes between writes or a bad manual fix would leave it.
  const xp = `XP#${author.userId}`;
  await update({ pk: xp, sk: 'STATS' }, 'ADD points :more', { ':more': 500 });
  await update({ pk: xp, sk: `DAY#${today()}` }, 'SET points = :one', { ':one': 1 });
  await update({ pk: xp, sk: 'BOARD#all' }, 'SET score = :wrong', { ':wrong': 999 });
  await social.documents.send(
    new DeleteCommand({ TableName: social.tableName, Key: { pk: xp, sk: `BOARD#${today()}` } }),
  );
  await put({
    pk: xp,
    sk: `BOARD#${inDays(40)}`,
    score7d: 3,
    score30d: 3,
    gsi1pk: `BOARD#7d#${inDays(40)}`,
    gsi1sk: `000000000003#${author.userId}`,
    gsi2pk: `BOARD#30d#${inDays(40)}`,
    gsi2sk: `000000000003#${author.userId}`,
  });
  const notify = `NOTIFY#${author.userId}`;
  await update({ pk: notify, sk: 'UNREAD' }, 'SET unread = :seven', { ':seven': 7 });
  const likeGroup = (
    await social.call<{ items: { id: string; type: string }[] }>('GET', '/api/v1/social/notifications', {
      token: author.token,
    })
  ).body.items.find((item) => item.type === 'like')!;
  await update({ pk: notify, sk: `GROUP#${likeGroup.id}` }, 'REMOVE gsi2pk, gsi2sk');
  // What a purge racing a refresh could leave: an entry of an account that has nothing else.
  const gone = social.newUser();
  await put({
    pk: `XP#${gone.userId}`,
    sk: 'BOARD#all',
    score: 70,
    gsi1pk: 'BOARD#all',
    gsi1sk: `000000000070#${gone.userId}`,
  });
  // Awards from before the ledger kept points: that account's points cannot be recomputed.
  const old = social.newUser();
  await put({ pk: `XP#${old.userId}`, sk: 'STATS', points: 5 });
  await put({
    pk: `XP#${old.userId}`,
    sk: 'AWARD#legacy',
    kind: 'share-created',
    at: new Date().toISOString(),
  });
  await put({
    pk: `XP#${old.userId}`,
    sk: 'BOARD#all',
    score: 5,
    gsi1pk: 'BOARD#all',
    gsi1sk: `000000000005#${old.userId}`,
  });

  expect((await points(author)).points).toBe(earned + 500);
  expect(await unread(author)).toBe(7);

  const report = await reconcileEngagement(table(), { settleMs: 50 });
  const found = (drift: EngagementDrift) => [
    drift.userId,
    drift.kind,
    drift.at,
    drift.found,
    drift.expected,
    drift.outcome,
  ];
  expect(report.drift.map(found)).toEqual(
    expect.arrayContaining([
      [author.userId, 'points', undefined, earned + 500, earned, 'fixed'],
      [author.userId, 'day-points', today(), 1, earned, 'fixed'],
      [author.userId, 'all-time-entry', undefined, 999, earned, 'fixed'],
      [author.userId, 'window-entry', today(), 'none', `${earned}/${earned}`, 'fixed'],
      [author.userId, 'window-entry', inDays(40), '3/3', 'none', 'fixed'],
      [author.userId, 'unread-count', undefined, 7, 3, 'fixed'],
      [author.userId, 'unread-index', likeGroup.id, 'missing', 'listed', 'fixed'],
      [gone.userId, 'all-time-entry', undefined, 70, 0, 'fixed'],
    ]),
  );
  expect(report.drift).toHaveLength(8);
  expect(report.unverifiable).toEqual([old.userId]);

  // What a user notices: their points, level, windows, place on every board and unread count are right again.
  expect(await points(author)).toMatchObject({
    points: earned,
    level: 1,
    windows: { '7d': earned, '30d': earned },
  });
  for (const window of ['all', '7d', '30d']) expect((await myEntry(author, window))?.points).toBe(earned);
  expect(await unread(author)).toBe(3);
  expect(await unreadListed(author)).toBe(3);
  expect(await myEntry(gone, 'all')).toBeNull();
  const legacy = await social.documents.send(
    new GetCommand({ TableName: social.tableName, Key: { pk: `XP#${old.userId}`, sk: 'STATS' } }),
  );
  expect(legacy.Item?.['points']).toBe(5);

  // A second run finds nothing left to repair.
  expect((await reconcileEngagement(table(), { settleMs: 50 })).drift).toEqual([]);
});

test('a count that moves while it is checked is reported as moving and left alone', async () => {
  const reader = social.newUser();
  const counter = { pk: `NOTIFY#${reader.userId}`, sk: 'UNREAD' };
  await update(counter, 'SET unread = :three', { ':three': 3 });
  const report = await reconcileUser(table(), reader.userId, {
    // Between the reconciler's two looks the count moves, as a request in flight would move it.
    betweenLooks: () => update(counter, 'SET unread = :two', { ':two': 2 }),
  });
  expect(report.drift).toEqual([
    { userId: reader.userId, kind: 'unread-count', found: 2, expected: 0, outcome: 'moving' },
  ]);
  expect(await unread(reader)).toBe(2);
});

/** A scenario saved in history, as history reports it to social (with its service token). */
async function scenarioSaved(user: TestUser, language: 'en' | 'vi') {
  const answer = await social.direct('POST', '/internal/v1/engagement-events', {
    token: serviceToken('history', 'social'),
    body: {
      id: randomUUID(),
      kind: 'scenario-saved',
      userId: user.userId,
      scenarioId: randomUUID(),
      language,
      occurredAt: new Date().toISOString(),
    },
  });
  expect(answer.status).toBe(204);
}

/** Each achievement's progress as its owner sees it. */
async function progress(user: TestUser) {
  const answer = await social.call<{ items: { id: string; progress: { current: number } }[] }>(
    'GET',
    `/api/v1/social/users/${user.userId}/achievements`,
    { token: user.token },
  );
  return Object.fromEntries(answer.body.items.map((item) => [item.id, item.progress.current]));
}

test('the reconciler recounts achievement progress from the award items, the scenarios in Vietnamese included', async () => {
  const writer = social.newUser();
  await scenarioSaved(writer, 'vi');
  await scenarioSaved(writer, 'vi');
  await scenarioSaved(writer, 'en');
  expect(await progress(writer)).toMatchObject({ storyteller: 3, 'first-vietnamese-scenario': 1 });
  expect((await reconcileUser(table(), writer.userId, { settleMs: 50 })).drift).toEqual([]);

  // A crash between the awards and their counters, and a bad manual fix, as drift would come.
  await update(
    { pk: `XP#${writer.userId}`, sk: 'STATS' },
    'SET scenariosSaved = :none, vietnameseScenarios = :seven',
    {
      ':none': 0,
      ':seven': 7,
    },
  );
  expect(await progress(writer)).toMatchObject({ storyteller: 0 });

  const result = await reconcileUser(table(), writer.userId, { settleMs: 50 });
  expect(result.drift).toEqual(
    expect.arrayContaining([
      {
        userId: writer.userId,
        kind: 'counter',
        at: 'scenariosSaved',
        found: 0,
        expected: 3,
        outcome: 'fixed',
      },
      {
        userId: writer.userId,
        kind: 'counter',
        at: 'vietnameseScenarios',
        found: 7,
        expected: 2,
        outcome: 'fixed',
      },
    ]),
  );
  expect(result.drift).toHaveLength(2);
  expect(result.unrecountable).toEqual([]);
  expect(await progress(writer)).toMatchObject({ storyteller: 3, 'first-vietnamese-scenario': 1 });
  const stats = await social.documents.send(
    new GetCommand({ TableName: social.tableName, Key: { pk: `XP#${writer.userId}`, sk: 'STATS' } }),
  );
  expect(stats.Item).toMatchObject({ scenariosSaved: 3, vietnameseScenarios: 2 });
  expect((await reconcileUser(table(), writer.userId, { settleMs: 50 })).drift).toEqual([]);
});

test('award items from before awards kept their counters are recounted by kind; the Vietnamese count they cannot tell is left and reported', async () => {
  const earlier = social.newUser();
  const xp = `XP#${earlier.userId}`;
  const at = new Date().toISOString();
  // Two scenarios saved before awards recorded their counters: one of them was in Vietnamese.
  await put({ pk: xp, sk: 'STATS', points: 10, scenariosSaved: 1, vietnameseScenarios: 1 });
  await put({ pk: xp, sk: 'AWARD#earlier-1', kind: 'scenario-saved', at, points: 5 });
  await put({ pk: xp, sk: 'AWARD#earlier-2', kind: 'scenario-saved', at, points: 5 });

  const result = await reconcileUser(table(), earlier.userId, { settleMs: 50 });
  expect(result.drift.filter((drift) => drift.kind === 'counter')).toEqual([
    {
      userId: earlier.userId,
      kind: 'counter',
      at: 'scenariosSaved',
      found: 1,
      expected: 2,
      outcome: 'fixed',
    },
  ]);
  expect(result.unrecountable).toEqual(['vietnameseScenarios']);
  const stats = await social.documents.send(
    new GetCommand({ TableName: social.tableName, Key: { pk: xp, sk: 'STATS' } }),
  );
  expect(stats.Item).toMatchObject({ scenariosSaved: 2, vietnameseScenarios: 1 });

  const report = await reconcileEngagement(table(), { settleMs: 50 });
  expect(report.unverifiableCounters).toEqual(
    expect.arrayContaining([{ userId: earlier.userId, counters: ['vietnameseScenarios'] }]),
  );
});
