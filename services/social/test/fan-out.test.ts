import { randomUUID } from 'node:crypto';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { createLogger } from '@what-if/kit';
import { purgeAccount } from '../src/account-purge';
import { leaseFanOut, pendingFanOuts, queueFanOut, releaseFanOut } from '../src/store/fan-out-jobs';
import { follow } from '../src/store/follows';
import { createSocialStore } from '../src/store/social-store';
import type { StoreContext } from '../src/store/store-context';
import { fanOutPost } from '../src/store/timelines';
import { type FanOutWorker, startFanOutWorker } from '../src/timeline-fan-out';
import { type SocialTable, openSocialTable } from './support/social-table';

let socialTable: SocialTable;
let table: StoreContext;
let worker: FanOutWorker;
const logger = createLogger({ service: 'social-test', level: 'silent' });

beforeAll(async () => {
  socialTable = await openSocialTable(logger);
  table = socialTable.table;
  // Passes run when the test says, 12 followers a page, leases of a minute (FANOUT_LEASE_MS's default).
  worker = startFanOutWorker({ table, logger, pollMs: 3_600_000, leaseMs: 60_000, pageSize: 12 });
});
afterAll(async () => {
  await worker?.stop();
  await socialTable?.close();
});

/** An author with `count` followers and a new post of theirs (as publishing writes it). */
async function wideAuthor(count: number) {
  const authorId = randomUUID();
  const followers = Array.from({ length: count }, () => randomUUID());
  const start = Date.now() - 60_000;
  for (const [index, followerId] of followers.entries())
    await follow(table, followerId, authorId, new Date(start + index));
  const post = { id: randomUUID(), authorId, createdAt: new Date().toISOString() };
  await table.documents.send(
    new PutCommand({ TableName: table.tableName, Item: { pk: `POST#${post.id}`, sk: 'POST', ...post } }),
  );
  return { authorId, followers, post };
}

/** Which of these readers have the post in their timeline. */
async function readersWith(readers: readonly string[], post: { id: string; createdAt: string }) {
  const found: string[] = [];
  for (const reader of readers) {
    const entry = await table.documents.send(
      new GetCommand({
        TableName: table.tableName,
        Key: { pk: `TIMELINE#${reader}`, sk: `${post.createdAt}#${post.id}` },
      }),
    );
    if (entry.Item) found.push(reader);
  }
  return found;
}

/** Publishing's fan-out with `inline` followers written in the request; the rest queued. */
async function publish(post: { id: string; authorId: string; createdAt: string }, inline: number) {
  const fanOut = await fanOutPost(table, post, inline);
  if (fanOut.after) await queueFanOut(table, post, fanOut.after, fanOut.followersWritten);
}

test('a wide author’s post reaches the newest followers in the request and every other follower from the queue', async () => {
  const { authorId, followers, post } = await wideAuthor(40);
  await publish(post, 10);
  // The author and the 10 newest followers at once.
  expect(await readersWith([authorId], post)).toEqual([authorId]);
  expect(new Set(await readersWith(followers, post))).toEqual(new Set(followers.slice(-10)));
  expect(await pendingFanOuts(table, 100)).toContain(post.id);

  expect(await worker.runDue()).toBe(1);
  expect(new Set(await readersWith(followers, post))).toEqual(new Set(followers));
  expect(await pendingFanOuts(table, 100)).not.toContain(post.id);
});

test('a fan-out whose replica died is finished by another; one a live replica holds is left to it until it lets go', async () => {
  const dead = await wideAuthor(30);
  const busy = await wideAuthor(30);
  await publish(dead.post, 5);
  await publish(busy.post, 5);
  // A replica leased the first a minute and a half ago and died; another holds the second now.
  expect(await leaseFanOut(table, dead.post.id, new Date(Date.now() - 90_000), 60_000)).toBeDefined();
  const held = await leaseFanOut(table, busy.post.id, new Date(), 60_000);
  expect(held).toBeDefined();

  expect(await worker.runDue()).toBe(1);
  expect(new Set(await readersWith(dead.followers, dead.post))).toEqual(new Set(dead.followers));
  expect(await readersWith(busy.followers, busy.post)).toHaveLength(5);
  expect(await pendingFanOuts(table, 100)).toContain(busy.post.id);

  // Until that replica lets it go (it is shutting down): then the next pass takes it at once.
  await releaseFanOut(table, held!);
  expect(await worker.runDue()).toBe(1);
  expect(new Set(await readersWith(busy.followers, busy.post))).toEqual(new Set(busy.followers));
});

test('a post deleted before its fan-out finished reaches no more timelines', async () => {
  const { followers, post } = await wideAuthor(30);
  await publish(post, 5);
  await table.documents.send(
    new DeleteCommand({ TableName: table.tableName, Key: { pk: `POST#${post.id}`, sk: 'POST' } }),
  );
  expect(await worker.runDue()).toBe(1);
  expect(await readersWith(followers, post)).toHaveLength(5);
  expect(await pendingFanOuts(table, 100)).not.toContain(post.id);
});

test('a replica shutting down lets its fan-out go after the page it is writing, and another goes on from there', async () => {
  const { followers, post } = await wideAuthor(30);
  await publish(post, 5);
  const stopping = startFanOutWorker({ table, logger, pollMs: 3_600_000, leaseMs: 60_000, pageSize: 5 });
  const pass = stopping.runDue();
  await stopping.stop();
  expect(await pass).toBe(0);
  // At most the page it was writing when told to stop.
  expect((await readersWith(followers, post)).length).toBeLessThanOrEqual(10);
  // Let go, not held: the next pass anywhere takes it at once.
  expect(await worker.runDue()).toBe(1);
  expect(new Set(await readersWith(followers, post))).toEqual(new Set(followers));
});

test('a job is taken over once the lease its replica was configured with (FANOUT_LEASE_MS) has run out, not before', async () => {
  const shortLease = await wideAuthor(20);
  const longLease = await wideAuthor(20);
  await publish(shortLease.post, 5);
  await publish(longLease.post, 5);
  // Two replicas died 15 s ago holding a job each: one ran with 10 s leases, the other with a minute.
  const fifteenSecondsAgo = new Date(Date.now() - 15_000);
  expect(await leaseFanOut(table, shortLease.post.id, fifteenSecondsAgo, 10_000)).toBeDefined();
  expect(await leaseFanOut(table, longLease.post.id, fifteenSecondsAgo, 60_000)).toBeDefined();

  expect(await worker.runDue()).toBe(1);
  expect(new Set(await readersWith(shortLease.followers, shortLease.post))).toEqual(
    new Set(shortLease.followers),
  );
  expect(await readersWith(longLease.followers, longLease.post)).toHaveLength(5);
  expect(await pendingFanOuts(table, 100)).toContain(longLease.post.id);
});

test('a follower whose account is deleted while a fan-out page is being written keeps no timeline entry', async () => {
  const { followers, post } = await wideAuthor(30);
  await publish(post, 5);
  const leaving = followers[10]!;
  const store = createSocialStore(table.documents, table.tableName);
  // The account purge lands between the job reading its page of followers and writing it: the
  // purge takes the follow edge and the (still empty) timeline, then the page writes the entry.
  let purged = false;
  const racing = {
    send: async (command: unknown) => {
      const writesTheLeaving =
        command instanceof BatchWriteCommand &&
        JSON.stringify(command.input.RequestItems).includes(`"TIMELINE#${leaving}"`);
      if (writesTheLeaving && !purged) {
        purged = true;
        await purgeAccount(store, leaving);
      }
      return table.documents.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  const racingWorker = startFanOutWorker({
    table: { documents: racing, tableName: table.tableName },
    logger,
    pollMs: 3_600_000,
    leaseMs: 60_000,
    pageSize: 12,
  });
  try {
    expect(await racingWorker.runDue()).toBe(1);
  } finally {
    await racingWorker.stop();
  }
  expect(purged).toBe(true);
  const timeline = await table.documents.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `TIMELINE#${leaving}` },
    }),
  );
  expect(timeline.Items).toEqual([]);
  const stayed = followers.filter((follower) => follower !== leaving);
  expect(new Set(await readersWith(stayed, post))).toEqual(new Set(stayed));
});
