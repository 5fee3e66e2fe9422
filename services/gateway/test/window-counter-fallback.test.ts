import { type AddressInfo, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { createTestRedisPrefix, testRedisUrl, type TestRedisPrefix } from '../../../test/support/stores';
import { eventually } from '../../../test/support/eventually';
import { memoryWindowCounters, windowCountersWithFallback } from '../src/window-counters';

/** The counters the gateway uses: Redis, shared by every replica, while it answers; this replica's own otherwise. */

let prefix: TestRedisPrefix;
const clients: Redis[] = [];

beforeAll(() => {
  prefix = createTestRedisPrefix();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});
afterAll(() => prefix.cleanup());

async function connected(): Promise<Redis> {
  const client = new Redis(testRedisUrl, { keyPrefix: prefix.prefix });
  clients.push(client);
  await eventually(async () => expect(client.status).toBe('ready'));
  return client;
}

test('while Redis answers, replicas count together', async () => {
  const first = windowCountersWithFallback(await connected(), 60_000);
  const second = windowCountersWithFallback(await connected(), 60_000);
  const counter = [{ key: 'together', limit: 2 }];
  expect(await first.count(counter)).toBeUndefined();
  expect(await second.count(counter)).toBeUndefined();
  expect(await first.count(counter)).toMatchObject({ index: 0 });
});

test('when Redis refuses the count, this replica’s own counters take over instead of letting everyone through', async () => {
  const client = await connected();
  // A key Redis cannot count: every count of it fails on Redis.
  await client.lpush('not-a-counter', 'something else');
  const counters = windowCountersWithFallback(client, 60_000);
  const counter = [{ key: 'not-a-counter', limit: 1 }];
  expect(await counters.count(counter)).toBeUndefined();
  expect(await counters.count(counter)).toMatchObject({ index: 0 });
});

test('a Redis that took the connection but never became ready is not waited for: this replica’s counters answer', async () => {
  // Accepts the connection and never says a word, so the client never becomes ready.
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const client = new Redis((silent.address() as AddressInfo).port, '127.0.0.1', {
    keyPrefix: prefix.prefix,
    maxRetriesPerRequest: null,
  });
  clients.push(client);
  try {
    await eventually(async () => expect(client.status).toBe('connect'));
    const counters = windowCountersWithFallback(client, 60_000);
    const counter = [{ key: 'unanswered', limit: 1 }];
    expect(await counters.count(counter)).toBeUndefined();
    expect(await counters.count(counter)).toMatchObject({ index: 0 });
  } finally {
    client.disconnect();
    silent.close();
  }
});

describe('in memory (while Redis is away)', () => {
  test('a window is renewed the moment it ends, and clearing out ended windows never ends a live one', async () => {
    let now = 0;
    const counters = memoryWindowCounters(60_000, () => now);
    const busy = [{ key: 'busy', limit: 1 }];
    const other = [{ key: 'other', limit: 5 }];
    // Ended windows are cleared out at most once a window's length: here at 60 s, then at 120 s.
    now = 60_000;
    expect(await counters.count(other)).toBeUndefined();
    now = 61_000;
    expect(await counters.count(busy)).toBeUndefined();
    expect(await counters.count(busy)).toEqual({ index: 0, msLeft: 60_000 });
    now = 120_000;
    expect(await counters.count(other)).toBeUndefined();
    now = 120_500;
    expect(await counters.count(busy)).toEqual({ index: 0, msLeft: 500 });
    // Its window ends at 121 s, before the next clearing out is due: counted in a new window all the same.
    now = 121_000;
    expect(await counters.count(busy)).toBeUndefined();
    expect(await counters.count(busy)).toEqual({ index: 0, msLeft: 60_000 });
  });
});
