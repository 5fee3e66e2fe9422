import { randomBytes, randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PurgeInstruction, ShareSignals } from '@what-if/contracts';
import { serviceToken } from '../../../test/support/service-identity';
import { createSocialStore } from '../src/store/social-store';
import { halfLifeHours, trendingScore } from '../src/trending-score';
import { type SocialHarness, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  // Every first page ranks afresh, so each test sees its own posts and a cursor is shown to
  // keep the ranking it started in while newer rankings are made.
  social = await startSocial({ TRENDING_REFRESH_SECONDS: '0' });
});
afterAll(async () => {
  await social?.stop();
});

const hour = 3_600_000;

/**
 * Publishes a post and then gives it an age and counters, as if it had been published `ageHours`
 * ago and liked and commented on since (the counters are what the like and comment writes keep).
 */
async function constructed(
  name: string,
  ageHours: number,
  counts: { likes?: number; comments?: number },
): Promise<{ name: string; id: string; scenarioId: string }> {
  const author = social.newUser();
  const post = (await social.publish(author)) as { id: string; scenario: { id: string } };
  const createdAt = new Date(Date.now() - ageHours * hour).toISOString();
  await social.documents.send(
    new UpdateCommand({
      TableName: social.tableName,
      Key: { pk: `POST#${post.id}`, sk: 'POST' },
      UpdateExpression:
        'SET createdAt = :at, gsi1sk = :position, gsi2sk = :position, likes = :likes, comments = :comments',
      ExpressionAttributeValues: {
        ':at': createdAt,
        ':position': `${createdAt}#${post.id}`,
        ':likes': counts.likes ?? 0,
        ':comments': counts.comments ?? 0,
      },
    }),
  );
  return { name, id: post.id, scenarioId: post.scenario.id };
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 24 * hour).toISOString().slice(0, 10);
const newSlug = () => randomBytes(9).toString('base64url');

/** Sharing's report of one share (its snapshot), sent as sharing's outbox sends it. */
const sendSignals = (signals: ShareSignals, token = serviceToken('sharing', 'social')) =>
  social.direct('PUT', `/internal/v1/share-signals/${signals.slug}`, { token, body: signals });

/** A share of the scenario made `sharedHoursAgo`, with unique views on the days given (days ago → views). */
async function shared(
  scenarioId: string,
  sharedHoursAgo: number,
  views: Record<number, number>,
  slug = newSlug(),
  version = 1,
): Promise<string> {
  const answer = await sendSignals({
    slug,
    scenarioId,
    sharedAt: new Date(Date.now() - sharedHoursAgo * hour).toISOString(),
    version,
    views: Object.entries(views)
      .sort(([a], [b]) => Number(b) - Number(a))
      .map(([daysAgo, count]) => ({ day: day(Number(daysAgo)), views: count })),
  });
  expect(answer.status).toBe(204);
  return slug;
}

type TrendingPage = { window: string; items: Array<{ id: string }>; nextCursor: string | null };
const trending = (query: string) => social.call<TrendingPage>('GET', `/api/v1/feed/trending?${query}`);

test('the score halves every quarter of the window and weighs a comment as three likes, a share as five, a view as a fifth', () => {
  expect(halfLifeHours('1d')).toBe(6);
  expect(halfLifeHours('7d')).toBe(42);
  expect(halfLifeHours('30d')).toBe(180);
  const fresh = trendingScore({ likes: 10, comments: 0, shares: 0, views: 0 }, 0, '1d');
  expect(fresh).toBe(10);
  expect(trendingScore({ likes: 10, comments: 0, shares: 0, views: 0 }, 6 * hour, '1d')).toBeCloseTo(5);
  expect(trendingScore({ likes: 0, comments: 2, shares: 0, views: 0 }, 0, '1d')).toBe(6);
  expect(trendingScore({ likes: 0, comments: 0, shares: 1, views: 5 }, 0, '1d')).toBe(6);
});

test('trending ranks a constructed data set by decayed engagement within each window, paging without repeats', async () => {
  // 1 d (half-life 6 h):  recent 10·2^(-1/6) = 8.9,  popular 30·2^(-12/6) = 7.5,  talked-about 6·2^(-2/6) = 4.8.
  // 7 d (half-life 42 h): older 100·2^(-30/42) = 61, popular 24.6, recent 9.8, talked-about 5.8.
  // 30 d (half-life 180 h) adds the 20-day-old one: 800·2^(-480/180) = 126, then older 89, popular 28.6, recent 10, talked-about 6.
  // Shares and views (from sharing) move two posts that have no likes or comments at all:
  // "shared" (2 h old, shared 2 h ago, 25 views today): 5 + 0.2·25 = 10, so 10·2^(-2/6) = 7.9 in
  // 1 d (between recent and popular), 9.7 in 7 d and 9.9 in 30 d (just after recent);
  // "shared-earlier" (1 h old; its scenario shared 5 days ago, 150 views 4 days ago): nothing in
  // 1 d (the share and its views are older than the window), 5 + 0.2·150 = 35, so
  // 35·2^(-1/42) = 34.4 in 7 d and 34.9 in 30 d, after older and before popular;
  // "unopened" (a share nobody opened) counts nothing anywhere.
  const recent = await constructed('recent', 1, { likes: 10 });
  const popular = await constructed('popular', 12, { likes: 30 });
  const talkedAbout = await constructed('talked-about', 2, { comments: 2 });
  const older = await constructed('older', 30, { likes: 100 });
  const monthOld = await constructed('month-old', 20 * 24, { likes: 800 });
  const sharedToday = await constructed('shared', 2, {});
  await shared(sharedToday.scenarioId, 2, { 0: 25 });
  const sharedEarlier = await constructed('shared-earlier', 1, {});
  await shared(sharedEarlier.scenarioId, 5 * 24, { 4: 150 });
  const unopened = await constructed('unopened', 0.5, {});
  await shared(unopened.scenarioId, 0.5, {});
  await constructed('ignored', 0.5, {});

  const names = new Map(
    [recent, popular, talkedAbout, older, monthOld, sharedToday, sharedEarlier, unopened].map((post) => [
      post.id,
      post.name,
    ]),
  );
  const ranking = async (window: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: TrendingPage } = await trending(
        `window=${window}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.window).toBe(window);
      seen.push(...page.body.items.map((item) => names.get(item.id) ?? item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  };

  expect(await ranking('1d')).toEqual(['recent', 'shared', 'popular', 'talked-about']);
  expect(await ranking('7d')).toEqual([
    'older',
    'shared-earlier',
    'popular',
    'recent',
    'shared',
    'talked-about',
  ]);
  expect(await ranking('30d')).toEqual([
    'month-old',
    'older',
    'shared-earlier',
    'popular',
    'recent',
    'shared',
    'talked-about',
  ]);
  // 7 d is the default window.
  expect((await trending('limit=1')).body.window).toBe('7d');
});

test('a cursor pages on in the ranking it started in while likes move the scores; a deleted post is left out', async () => {
  const author = social.newUser();
  const fans = Array.from({ length: 3 }, () => social.newUser());
  const posts: Array<{ id: string }> = [];
  for (let index = 0; index < 4; index += 1) posts.push(await social.publish(author));
  // 3, 2, 1 and 0 likes: the first three are ranked in that order.
  for (const [index, post] of posts.entries()) {
    for (const fan of fans.slice(0, 3 - index)) {
      await social.call('PUT', `/api/v1/social/posts/${post.id}/like`, { token: fan.token });
    }
  }
  const first = await trending('window=1d&limit=2');
  const ranked = first.body.items.map((item) => item.id);
  // The last post now outscores them all; a first page shows it on top, but the pages after
  // the first one above come from the ranking that page came from.
  const everyone = Array.from({ length: 12 }, () => social.newUser());
  for (const fan of everyone)
    await social.call('PUT', `/api/v1/social/posts/${posts[3]!.id}/like`, { token: fan.token });
  expect((await trending('window=1d&limit=1')).body.items.map((item) => item.id)).toEqual([posts[3]!.id]);
  let cursor = first.body.nextCursor;
  while (cursor) {
    const page = await trending(`window=1d&limit=2&cursor=${cursor}`);
    ranked.push(...page.body.items.map((item) => item.id));
    cursor = page.body.nextCursor;
  }
  expect(new Set(ranked).size).toBe(ranked.length);
  const mine = ranked.filter((id) => posts.some((post) => post.id === id));
  expect(mine).toEqual([posts[0]!.id, posts[1]!.id, posts[2]!.id]);

  await social.call('DELETE', `/api/v1/social/posts/${posts[0]!.id}`, { token: author.token });
  const again = await trending('window=1d&limit=50');
  expect(again.body.items.map((item) => item.id)).not.toContain(posts[0]!.id);
});

test('an unknown window or a cursor that was not handed out is a 400', async () => {
  const window = await trending('window=2d');
  expect(window.status).toBe(400);
  expect(window.headers.get('content-type')).toContain('application/problem+json');
  const forged = Buffer.from(JSON.stringify({ v: 1, after: '2026-01-01T00:00:00.000Z#abc' })).toString(
    'base64url',
  );
  const cursor = await trending(`window=1d&cursor=${forged}`);
  expect(cursor.status).toBe(400);
  expect(JSON.stringify(cursor.body)).toContain('/query/cursor');
});

test("sharing's newest snapshot of a share counts, an older one changes nothing, and a deleted share stops counting for good", async () => {
  // A control post with 5 likes; the shared one has none: only its share and views can lift it.
  const control = await constructed('control', 1, { likes: 5 });
  const post = await constructed('shared', 1, {});
  const fans = Array.from({ length: 5 }, () => social.newUser());
  for (const fan of fans)
    await social.call('PUT', `/api/v1/social/posts/${control.id}/like`, { token: fan.token });
  const order = async () =>
    (await trending('window=1d&limit=50')).body.items
      .map((item) => item.id)
      .filter((id) => id === control.id || id === post.id);

  expect(await order()).toEqual([control.id]);
  // Version 2: one share, 50 views today: 5 + 10 = 15 against the control's 5.
  const slug = await shared(post.scenarioId, 1, { 0: 50 }, undefined, 2);
  expect(await order()).toEqual([post.id, control.id]);
  // Version 1 arriving late (a retry that crossed the newer one) leaves version 2 in place.
  await shared(post.scenarioId, 1, {}, slug, 1);
  expect(await order()).toEqual([post.id, control.id]);

  // Sharing deletes the share: its purge reaches social, and the views no longer count.
  const purge: PurgeInstruction = {
    id: randomUUID(),
    kind: 'share',
    subjectId: slug,
    ownerId: randomUUID(),
    requestedAt: new Date().toISOString(),
    origin: 'sharing',
  };
  expect((await social.direct('POST', '/internal/v1/purges', { body: purge })).status).toBe(204);
  expect(await order()).toEqual([control.id]);
  // Its scenario had no other share: nothing of its shares and views is kept.
  const signalsItem = { pk: `SIGNALS#${post.scenarioId}`, sk: 'SHARES' };
  expect(
    (await social.documents.send(new GetCommand({ TableName: social.tableName, Key: signalsItem }))).Item,
  ).toBeUndefined();
  // A snapshot still on its way when the share was deleted cannot bring it back.
  await shared(post.scenarioId, 1, { 0: 80 }, slug, 3);
  expect(await order()).toEqual([control.id]);
});

test('a purge that lands while a snapshot of the same share is being written leaves none of its views', async () => {
  // The snapshot's writes go through a client that stops after the snapshot claimed the share
  // (the first of its writes) until the purge has run to its end: the interleaving a purge
  // overtaking a delivery in flight produces.
  let claimed!: () => void;
  const claim = new Promise<void>((resolve) => (claimed = resolve));
  let release!: () => void;
  const purged = new Promise<void>((resolve) => (release = resolve));
  const pausing = new Proxy(social.documents, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver) as unknown;
      return async (command: UpdateCommand) => {
        const answer = await target.send(command);
        const input = command.input as { Key?: { pk?: string }; UpdateExpression?: string };
        if (
          input.Key?.pk?.startsWith('SHARESIGNAL#') &&
          input.UpdateExpression?.startsWith('SET scenarioId')
        ) {
          claimed();
          await purged;
        }
        return answer;
      };
    },
  });
  const delivering = createSocialStore(pausing, social.tableName);
  const purging = createSocialStore(social.documents, social.tableName);
  const scenarioId = randomUUID();
  const slug = newSlug();
  const signalsItem = { pk: `SIGNALS#${scenarioId}`, sk: 'SHARES' };

  const applied = delivering.applyShareSignals({
    slug,
    scenarioId,
    sharedAt: new Date().toISOString(),
    version: 1,
    views: [{ day: day(0), views: 5 }],
  });
  await claim;
  await purging.forgetShareSignals(slug);
  release();
  expect(await applied).toBe('purged');
  expect(
    (await social.documents.send(new GetCommand({ TableName: social.tableName, Key: signalsItem }))).Item,
  ).toBeUndefined();
});

test("a deleted scenario's shares and views go with its post", async () => {
  const post = await constructed('shared', 1, {});
  await shared(post.scenarioId, 1, { 0: 10 });
  const signalsItem = { pk: `SIGNALS#${post.scenarioId}`, sk: 'SHARES' };
  const stored = async () =>
    (await social.documents.send(new GetCommand({ TableName: social.tableName, Key: signalsItem }))).Item;
  expect(await stored()).toBeDefined();
  const purge: PurgeInstruction = {
    id: randomUUID(),
    kind: 'scenario',
    subjectId: post.scenarioId,
    ownerId: randomUUID(),
    requestedAt: new Date().toISOString(),
    origin: 'history',
  };
  const answer = await social.direct('POST', '/internal/v1/purges', {
    token: serviceToken('history', 'social'),
    body: purge,
  });
  expect(answer.status).toBe(204);
  expect(await stored()).toBeUndefined();
  expect((await trending('window=1d&limit=50')).body.items.map((item) => item.id)).not.toContain(post.id);
});

test('only sharing may report shares and views, for the share the address names', async () => {
  const post = await constructed('shared', 1, {});
  const signals: ShareSignals = {
    slug: newSlug(),
    scenarioId: post.scenarioId,
    sharedAt: new Date().toISOString(),
    version: 1,
    views: [{ day: day(0), views: 1000 }],
  };
  const asHistory = await sendSignals(signals, serviceToken('history', 'social'));
  expect(asHistory.status).toBe(403);
  expect(asHistory.headers.get('content-type')).toContain('application/problem+json');
  expect((await sendSignals(signals, '')).status).toBe(401);
  const elsewhere = await social.direct('PUT', `/internal/v1/share-signals/${newSlug()}`, { body: signals });
  expect(elsewhere.status).toBe(400);
  expect(JSON.stringify(elsewhere.body)).toContain('/body/slug');
  const noViews = await sendSignals({ ...signals, views: [{ day: day(0), views: 0 }] });
  expect(noViews.status).toBe(400);
  // None of these counted.
  expect((await trending('window=1d&limit=50')).body.items.map((item) => item.id)).not.toContain(post.id);
});
