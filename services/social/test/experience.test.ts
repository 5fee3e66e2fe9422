import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EngagementEvent, PurgeInstruction } from '@what-if/contracts';
import { eventually } from '../../../test/support/eventually';
import { serviceToken } from '../../../test/support/service-identity';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

interface Experience {
  points: number;
  level: number;
  levelStartsAt: number;
  nextLevelAt: number;
  streakDays: number;
  windows: { '7d': number; '30d': number };
}
interface LeaderboardPage {
  window: string;
  items: { rank: number; userId: string; points: number }[];
  nextCursor: string | null;
  me: { rank: number; points: number } | null;
}
interface AchievementList {
  items: {
    id: string;
    name: { en: string; vi: string };
    rarity: string;
    points: number;
    unlockedAt: string | null;
    progress: { current: number; target: number } | null;
  }[];
}

const experience = async (user: TestUser) =>
  (await social.call<Experience>('GET', `/api/v1/social/users/${user.userId}/experience`)).body;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** An event as history or sharing sends it, with that service's token. */
function event(
  user: TestUser,
  kind: EngagementEvent['kind'],
  extra: Partial<EngagementEvent> = {},
  caller: 'history' | 'sharing' | 'gateway' = kind === 'scenario-saved' ? 'history' : 'sharing',
) {
  const body: EngagementEvent = {
    id: randomUUID(),
    kind,
    userId: user.userId,
    scenarioId: randomUUID(),
    occurredAt: new Date().toISOString(),
    ...extra,
  };
  return social.direct('POST', '/internal/v1/engagement-events', {
    token: serviceToken(caller, 'social'),
    body,
  });
}

const put = (user: TestUser, path: string) => social.call('PUT', path, { token: user.token });
const remove = (user: TestUser, path: string) => social.call('DELETE', path, { token: user.token });

test('publishing, likes, comments and follows earn points once; like/unlike and delete/re-publish loops earn nothing more', async () => {
  const author = social.newUser();
  const fan = social.newUser();
  const another = social.newUser();
  const scenarioId = await social.scenario(author);
  const published = await social.call<{ id: string }>('POST', '/api/v1/social/posts', {
    token: author.token,
    body: { scenarioId },
  });
  expect(published.status).toBe(201);
  // 20 for the post, 5 for the first active day of a streak, 10 for the first-post achievement.
  expect((await experience(author)).points).toBe(35);

  const like = `/api/v1/social/posts/${published.body.id}/like`;
  for (let round = 0; round < 4; round += 1) {
    expect((await put(fan, like)).status).toBe(200);
    expect((await remove(fan, like)).status).toBe(200);
  }
  await put(fan, like);
  await put(author, like); // the author's own like earns nothing
  expect((await experience(author)).points).toBe(37);

  for (const body of ['First thought', 'Second thought']) {
    const comment = await social.call('POST', `/api/v1/social/posts/${published.body.id}/comments`, {
      token: fan.token,
      body: { body },
    });
    expect(comment.status).toBe(201);
  }
  // One comment's worth per commenter and scenario; the fan earns for writing (and a streak day).
  expect((await experience(author)).points).toBe(40);
  expect((await experience(fan)).points).toBe(1 + 1 + 5);

  for (let round = 0; round < 3; round += 1) {
    expect((await put(fan, `/api/v1/social/following/${author.userId}`)).status).toBe(204);
    expect((await remove(fan, `/api/v1/social/following/${author.userId}`)).status).toBe(204);
  }
  expect((await experience(author)).points).toBe(45);

  // Deleted and published again: the same scenario earns nothing, nor do the same fan's likes.
  expect((await remove(author, `/api/v1/social/posts/${published.body.id}`)).status).toBe(204);
  const again = await social.call<{ id: string }>('POST', '/api/v1/social/posts', {
    token: author.token,
    body: { scenarioId },
  });
  expect(again.status).toBe(201);
  await put(fan, `/api/v1/social/posts/${again.body.id}/like`);
  expect((await experience(author)).points).toBe(45);
  await put(another, `/api/v1/social/posts/${again.body.id}/like`);

  expect(await experience(author)).toEqual({
    userId: author.userId,
    points: 47,
    level: 1,
    levelStartsAt: 0,
    nextLevelAt: 100,
    streakDays: 1,
    windows: { '7d': 47, '30d': 47 },
  });
});

test('a burst of first likes on one post earns its author each like once, and the boards follow', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  const likers = Array.from({ length: 24 }, () => social.newUser());
  const liked = await Promise.all(likers.map((liker) => put(liker, `/api/v1/social/posts/${post.id}/like`)));
  expect(liked.map((response) => response.status)).toEqual(likers.map(() => 200));
  // 20 for the post, 5 for the streak day, 10 for first-post; 2 per like, 25 for liked-10.
  const points = 20 + 5 + 10 + 24 * 2 + 25;
  expect(await experience(author)).toMatchObject({ points, windows: { '7d': points, '30d': points } });
  await eventually(async () => {
    for (const window of ['all', '7d', '30d']) {
      const board = await wholeBoard(window, author);
      expect(board.me?.points).toBe(points);
    }
  });
});

test('boards a replica marked stale and never refreshed (it died) are refreshed by another', async () => {
  const user = social.newUser();
  const today = new Date().toISOString().slice(0, 10);
  const pk = `XP#${user.userId}`;
  // What an award leaves when its replica dies right after: points, a day total and the mark.
  for (const item of [
    { pk, sk: 'STATS', points: 40 },
    { pk, sk: `DAY#${today}`, points: 40 },
    {
      pk,
      sk: 'REFRESH#boards',
      version: 1,
      gsi1pk: 'BOARDS#stale',
      gsi1sk: `${new Date().toISOString()}#${user.userId}`,
    },
  ])
    await social.documents.send(new PutCommand({ TableName: social.tableName, Item: item }));
  // No request on this replica named the user: its periodic pass (every 5 s) finds the mark.
  await eventually(async () => {
    for (const window of ['all', '7d', '30d']) expect((await wholeBoard(window, user)).me?.points).toBe(40);
  }, 20_000);
});

test('a level follows the documented curve: 100 points reach level 2, 300 level 3', async () => {
  const user = social.newUser();
  // Each saved scenario is worth 5 (10 a day earn points), plus the day's streak and achievements.
  await Promise.all(
    Array.from({ length: 25 }, (_, index) =>
      event(user, 'scenario-saved', { language: index === 7 ? 'vi' : 'en' }),
    ),
  );
  // 10 × 5 + 5 (streak day) + first-scenario 10 + first-vietnamese 20 + storyteller 50.
  expect(await experience(user)).toMatchObject({
    points: 135,
    level: 2,
    levelStartsAt: 100,
    nextLevelAt: 300,
  });
});

test('an achievement is awarded exactly once under concurrent events, with its time; progress is the owner’s to see', async () => {
  const user = social.newUser();
  const stranger = social.newUser();
  const answers = await Promise.all(Array.from({ length: 12 }, () => event(user, 'share-created')));
  expect(answers.every((answer) => answer.status === 204)).toBe(true);
  // 5 shares earn 10 each (the daily cap), the streak day 5, first-share 10: once, not twelve times.
  expect((await experience(user)).points).toBe(5 * 10 + 5 + 10);

  const own = await social.call<AchievementList>('GET', `/api/v1/social/users/${user.userId}/achievements`, {
    token: user.token,
  });
  expect(own.status).toBe(200);
  expect(own.body.items.length).toBeGreaterThanOrEqual(10);
  const firstShare = own.body.items.find((item) => item.id === 'first-share')!;
  expect(firstShare).toMatchObject({ rarity: 'common', points: 10, progress: { current: 1, target: 1 } });
  expect(Date.parse(firstShare.unlockedAt!)).toBeGreaterThan(Date.now() - 60_000);
  expect(own.body.items.find((item) => item.id === 'liked-10')).toMatchObject({
    unlockedAt: null,
    progress: { current: 0, target: 10 },
  });
  expect(own.body.items.find((item) => item.id === 'first-vietnamese-scenario')?.name.vi).toBe('Xin chào');

  const seenByOthers = await social.call<AchievementList>(
    'GET',
    `/api/v1/social/users/${user.userId}/achievements`,
    { token: stranger.token },
  );
  expect(seenByOthers.body.items.map((item) => [item.id, item.progress])).toEqual([['first-share', null]]);
});

test('seven active days in a row make a streak worth more each day and unlock the 7-day achievement', async () => {
  const user = social.newUser();
  for (let day = 6; day >= 0; day -= 1) {
    expect((await event(user, 'scenario-saved', { occurredAt: daysAgo(day) })).status).toBe(204);
  }
  // 7 × 5 for the scenarios, 5 × (1+2+…+7) for the streak days, first-scenario 10, streak-7 50.
  const points = 7 * 5 + 5 * 28 + 10 + 50;
  expect(await experience(user)).toMatchObject({
    points,
    streakDays: 7,
    windows: { '7d': points, '30d': points },
  });
  const own = await social.call<AchievementList>('GET', `/api/v1/social/users/${user.userId}/achievements`, {
    token: user.token,
  });
  expect(own.body.items.find((item) => item.id === 'streak-7')?.unlockedAt).not.toBeNull();
  expect(own.body.items.find((item) => item.id === 'streak-30')?.progress).toEqual({
    current: 7,
    target: 30,
  });
});

/** Every entry of a board, page by page. */
async function wholeBoard(window: string, as?: TestUser) {
  const items: LeaderboardPage['items'] = [];
  let cursor: string | null = null;
  let me: LeaderboardPage['me'] = null;
  do {
    const query: string = `window=${window}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const page: { status: number; body: LeaderboardPage } = await social.call<LeaderboardPage>(
      'GET',
      `/api/v1/social/leaderboard?${query}`,
      as ? { token: as.token } : {},
    );
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    me = page.body.me;
    cursor = page.body.nextCursor;
  } while (cursor);
  return { items, me };
}

test('the leaderboard pages highest first with shared ranks for ties, and tells me my rank', async () => {
  const first = social.newUser();
  const second = social.newUser();
  const tiedA = social.newUser();
  const tiedB = social.newUser();
  for (const [user, shares] of [
    [first, 3],
    [second, 2],
    [tiedA, 1],
    [tiedB, 1],
  ] as const) {
    for (let share = 0; share < shares; share += 1) await event(user, 'share-created');
  }
  // The boards follow the points in the background, a moment later.
  const board = await eventually(async () => {
    const read = await wholeBoard('all', tiedB);
    expect(read.me?.points).toBe(25);
    return read;
  });
  expect(new Set(board.items.map((item) => item.userId)).size).toBe(board.items.length);
  // Every rank is one more than the number of entries with more points, across pages.
  for (const item of board.items) {
    expect(item.rank).toBe(1 + board.items.filter((other) => other.points > item.points).length);
  }
  const entry = (user: TestUser) => board.items.find((item) => item.userId === user.userId)!;
  expect([entry(first).points, entry(second).points, entry(tiedA).points]).toEqual([45, 35, 25]);
  expect(entry(first).rank).toBeLessThan(entry(second).rank);
  expect(entry(tiedA).rank).toBe(entry(tiedB).rank);
  expect(board.me).toEqual({ rank: entry(tiedB).rank, points: 25 });

  const signedOut = await social.call<LeaderboardPage>('GET', '/api/v1/social/leaderboard');
  expect(signedOut.body.me).toBeNull();
  const bad = await social.call('GET', '/api/v1/social/leaderboard?cursor=bm90LWEtY3Vyc29y');
  expect(bad.status).toBe(400);
});

test('the 7- and 30-day boards hold the points earned in their windows only', async () => {
  const lastWeek = social.newUser();
  const today = social.newUser();
  await event(lastWeek, 'share-created', { occurredAt: daysAgo(10) });
  await event(today, 'share-created');
  const has = (board: { items: LeaderboardPage['items'] }, user: TestUser) =>
    board.items.some((item) => item.userId === user.userId);
  await eventually(async () => {
    const [week, month, all] = [await wholeBoard('7d'), await wholeBoard('30d'), await wholeBoard('all')];
    expect([has(week, lastWeek), has(month, lastWeek), has(all, lastWeek)]).toEqual([false, true, true]);
    expect([has(week, today), has(month, today), has(all, today)]).toEqual([true, true, true]);
  });
  expect(await experience(lastWeek)).toMatchObject({
    points: 25,
    streakDays: 0,
    windows: { '7d': 0, '30d': 25 },
  });

  // An event delivered late for an earlier day adds to today's windows and keeps today's points.
  const late = social.newUser();
  await event(late, 'share-created');
  await event(late, 'share-created', { occurredAt: daysAgo(3) });
  expect(await experience(late)).toMatchObject({ points: 35, windows: { '7d': 35, '30d': 35 } });
});

test('only history and sharing may send activity events, in the contract’s shape; a repeat changes nothing', async () => {
  const user = social.newUser();
  expect((await event(user, 'share-created', {}, 'gateway')).status).toBe(403);
  const scenarioId = randomUUID();
  expect((await event(user, 'scenario-saved', { scenarioId })).status).toBe(204);
  expect((await event(user, 'scenario-saved', { scenarioId })).status).toBe(204);
  expect((await experience(user)).points).toBe(5 + 5 + 10);
  const malformed = await social.direct('POST', '/internal/v1/engagement-events', {
    token: serviceToken('history', 'social'),
    body: { id: randomUUID(), kind: 'scenario-generated', userId: user.userId },
  });
  expect(malformed.status).toBe(400);
});

test("a deleted account's points, achievements and leaderboard entries go with its purge", async () => {
  const leaving = social.newUser();
  await event(leaving, 'share-created');
  await eventually(async () =>
    expect((await wholeBoard('all')).items.some((item) => item.userId === leaving.userId)).toBe(true),
  );
  const instruction: PurgeInstruction = {
    id: randomUUID(),
    kind: 'account',
    subjectId: leaving.userId,
    ownerId: leaving.userId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
  const purged = await social.direct('POST', '/internal/v1/purges', {
    token: serviceToken('user', 'social'),
    body: instruction,
  });
  expect(purged.status).toBe(204);
  expect((await experience(leaving)).points).toBe(0);
  for (const window of ['all', '7d', '30d']) {
    expect((await wholeBoard(window)).items.some((item) => item.userId === leaving.userId)).toBe(false);
  }
  const achievements = await social.call<AchievementList>(
    'GET',
    `/api/v1/social/users/${leaving.userId}/achievements`,
  );
  expect(achievements.body.items).toEqual([]);
});
