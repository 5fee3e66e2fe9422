import { Redis } from 'ioredis';
import { createTestRedisPrefix, testRedisUrl, type TestRedisPrefix } from '../../../test/support/stores';
import { eventually } from '../../../test/support/eventually';
import { windowCountersWithFallback } from '../src/window-counters';

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
