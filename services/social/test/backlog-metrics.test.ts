import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createLogger, createMetrics } from '@what-if/kit';
import { registerBacklogMetrics } from '../src/backlog-metrics';
import { type LeaderboardRefresh, startLeaderboardRefresh } from '../src/engagement/leaderboard-refresh';
import { type EngagementStore, createEngagementStore } from '../src/store/engagement-store';
import { advanceFanOut, leaseFanOut, queueFanOut } from '../src/store/fan-out-jobs';
import { follow } from '../src/store/follows';
import type { StoreContext } from '../src/store/store-context';
import { fanOutPage, fanOutPost } from '../src/store/timelines';
import { type FanOutWorker, startFanOutWorker } from '../src/timeline-fan-out';
import { type SocialTable, openSocialTable } from './support/social-table';

let socialTable: SocialTable;
let table: StoreContext;
let engagementStore: EngagementStore;
let refresh: LeaderboardRefresh;
let worker: FanOutWorker;
const logger = createLogger({ service: 'social-test', level: 'silent' });
// The registry social's /metrics answers from, with the backlog gauges on it.
const metrics = createMetrics('social');

beforeAll(async () => {
  socialTable = await openSocialTable(logger);
  table = socialTable.table;
  engagementStore = createEngagementStore(table.documents, table.tableName);
  registerBacklogMetrics({ registry: metrics.registry, table, logger });
  // Passes run when the test says.
  refresh = startLeaderboardRefresh({ store: engagementStore, logger, pollMs: 3_600_000 });
  worker = startFanOutWorker({ table, logger, pollMs: 3_600_000, leaseMs: 60_000, pageSize: 10 });
});
afterAll(async () => {
  await refresh?.stop();
  await worker?.stop();
  await socialTable?.close();
});

/** The value of a gauge as Prometheus scrapes it from social's /metrics. */
async function scraped(name: string): Promise<number> {
  const exposition = await metrics.registry.metrics();
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${name}{`));
  if (!line) throw new Error(`${name} is not exposed`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('stale leaderboards', () => {
  test('an award the refresh has not reached shows, with its age, and leaves once the boards are refreshed', async () => {
    expect(await scraped('social_leaderboard_stale_users')).toBe(0);
    expect(await scraped('social_leaderboard_stale_oldest_age_seconds')).toBe(0);

    // Two users' awards marked their boards: one 10 minutes ago (its replica died), one now.
    const forgotten = randomUUID();
    await engagementStore.markBoardsStale(forgotten, minutesAgo(10));
    await engagementStore.markBoardsStale(randomUUID(), new Date());
    expect(await scraped('social_leaderboard_stale_users')).toBe(2);
    expect(await scraped('social_leaderboard_stale_oldest_age_seconds')).toBeGreaterThanOrEqual(600);

    // A pass over the marks any replica left (what every replica runs every few seconds).
    expect(await refresh.refreshDue(true)).toBe(2);
    expect(await scraped('social_leaderboard_stale_users')).toBe(0);
    expect(await scraped('social_leaderboard_stale_oldest_age_seconds')).toBe(0);
  });

  test('a user whose awards keep arriving during refreshes is behind since the last refresh, not since the first award', async () => {
    const popular = randomUUID();
    await engagementStore.markBoardsStale(popular, minutesAgo(30));
    // A refresh leases the mark, rewrites the boards, and another award lands meanwhile.
    const refreshedFrom = new Date();
    const version = await engagementStore.leaseBoardRefresh(popular, refreshedFrom);
    expect(version).toBeDefined();
    await engagementStore.markBoardsStale(popular, new Date());
    expect(await engagementStore.releaseBoardRefresh(popular, version, refreshedFrom)).toBe(true);

    expect(await scraped('social_leaderboard_stale_users')).toBe(1);
    expect(await scraped('social_leaderboard_stale_oldest_age_seconds')).toBeLessThan(60);

    expect(await refresh.refreshDue(true)).toBe(1);
    expect(await scraped('social_leaderboard_stale_users')).toBe(0);
  });

  test('a refresh that failed keeps the age of the mark', async () => {
    const unlucky = randomUUID();
    await engagementStore.markBoardsStale(unlucky, minutesAgo(20));
    const version = await engagementStore.leaseBoardRefresh(unlucky, new Date());
    expect(version).toBeDefined();
    expect(await engagementStore.releaseBoardRefresh(unlucky, undefined)).toBe(true);
    expect(await scraped('social_leaderboard_stale_oldest_age_seconds')).toBeGreaterThanOrEqual(1200);

    await refresh.refreshDue(true);
    expect(await scraped('social_leaderboard_stale_users')).toBe(0);
  });
});

describe('wide authors’ fan-outs', () => {
  /** An author with `count` followers and a post of theirs published `publishedAt`, fanned out as publishing does. */
  async function publishedByWideAuthor(count: number, publishedAt: Date, inline: number) {
    const authorId = randomUUID();
    const start = Date.now() - 3_600_000;
    for (let index = 0; index < count; index += 1)
      await follow(table, randomUUID(), authorId, new Date(start + index));
    const post = { id: randomUUID(), authorId, createdAt: publishedAt.toISOString() };
    await table.documents.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: `POST#${post.id}`, sk: 'POST', ...post } }),
    );
    const fanOut = await fanOutPost(table, post, inline);
    if (fanOut.after) await queueFanOut(table, post, fanOut.after, fanOut.followersWritten);
    return post;
  }

  test('a stuck job shows how long its post has waited and how many followers it has not reached', async () => {
    expect(await scraped('social_fanout_jobs_waiting')).toBe(0);
    expect(await scraped('social_fanout_followers_left')).toBe(0);

    // Published 15 minutes ago: 5 followers in the request, 30 left to a job no replica finished.
    const stuck = await publishedByWideAuthor(35, minutesAgo(15), 5);
    await publishedByWideAuthor(12, new Date(), 4);
    expect(await scraped('social_fanout_jobs_waiting')).toBe(2);
    expect(await scraped('social_fanout_oldest_age_seconds')).toBeGreaterThanOrEqual(900);
    expect(await scraped('social_fanout_followers_left')).toBe(30 + 8);

    // A replica works one page of the stuck job (10 followers) and records it.
    const job = await leaseFanOut(table, stuck.id, new Date(), 60_000);
    expect(job).toBeDefined();
    const page = await fanOutPage(table, job!.post, job!.after, 10);
    expect(await advanceFanOut(table, job!, page.after!, page.readers.length, new Date())).toBe(true);
    expect(await scraped('social_fanout_followers_left')).toBe(20 + 8);

    // Its lease runs out (the replica died); a pass finishes both.
    await advanceFanOut(table, job!, page.after!, 0, minutesAgo(2));
    expect(await worker.runDue()).toBe(2);
    expect(await scraped('social_fanout_jobs_waiting')).toBe(0);
    expect(await scraped('social_fanout_oldest_age_seconds')).toBe(0);
    expect(await scraped('social_fanout_followers_left')).toBe(0);
  });
});
