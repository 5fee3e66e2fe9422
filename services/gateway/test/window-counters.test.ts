import { Redis } from 'ioredis';
import { createTestRedisPrefix, testRedisUrl, type TestRedisPrefix } from '../../../test/support/stores';
import { eventually } from '../../../test/support/eventually';
import { memoryWindowCounters, redisWindowCounters } from '../src/window-counters';

describe('on Redis', () => {
  let prefix: TestRedisPrefix;
  const replicas: Redis[] = [];

  beforeAll(() => {
    prefix = createTestRedisPrefix();
  });
  afterEach(() => {
    for (const replica of replicas.splice(0)) replica.disconnect();
  });
  afterAll(() => prefix.cleanup());

  function replica(): Redis {
    const client = new Redis(testRedisUrl, { keyPrefix: prefix.prefix });
    replicas.push(client);
    return client;
  }

  test('two replicas count together, and the one over the limit learns how long its window has left', async () => {
    const first = redisWindowCounters(replica(), 60_000);
    const second = redisWindowCounters(replica(), 60_000);
    const counter = [{ key: 'shared', limit: 3 }];
    expect(await first.count(counter)).toBeUndefined();
    expect(await second.count(counter)).toBeUndefined();
    expect(await first.count(counter)).toBeUndefined();
    const over = await second.count(counter);
    expect(over?.index).toBe(0);
    expect(over?.msLeft).toBeGreaterThan(55_000);
    expect(over?.msLeft).toBeLessThanOrEqual(60_000);
  });

  test('counting stops at the first counter over its limit: a request refused by one limit uses up no other', async () => {
    const counters = redisWindowCounters(replica(), 60_000);
    const address = { key: 'address', limit: 1 };
    const account = { key: 'account', limit: 2 };
    expect(await counters.count([address, account])).toBeUndefined();
    expect(await counters.count([address, account])).toMatchObject({ index: 0 });
    expect(await counters.count([address, account])).toMatchObject({ index: 0 });
    // The account was counted once: one more fits, the one after does not, and says which counter refused.
    expect(await counters.count([account])).toBeUndefined();
    expect(await counters.count([{ key: 'elsewhere', limit: 5 }, account])).toMatchObject({ index: 1 });
  });

  test('a window ends: the key admits again', async () => {
    const counters = redisWindowCounters(replica(), 300);
    const counter = [{ key: 'short', limit: 1 }];
    expect(await counters.count(counter)).toBeUndefined();
    expect(await counters.count(counter)).toBeDefined();
    await eventually(async () => expect(await counters.count(counter)).toBeUndefined());
  });

  test('the script is sent again when Redis has forgotten it', async () => {
    const client = replica();
    const counters = redisWindowCounters(client, 60_000);
    expect(await counters.count([{ key: 'before-flush', limit: 1 }])).toBeUndefined();
    await client.script('FLUSH');
    expect(await counters.count([{ key: 'after-flush', limit: 1 }])).toBeUndefined();
    expect(await counters.count([{ key: 'after-flush', limit: 1 }])).toMatchObject({ index: 0 });
  });
});

describe('in memory (while Redis is away)', () => {
  test('the same rules: a fixed window from the first request, counting stops at the first counter over', async () => {
    let now = 1_000_000;
    const counters = memoryWindowCounters(60_000, () => now);
    const address = { key: 'address', limit: 2 };
    const account = { key: 'account', limit: 5 };
    expect(await counters.count([address, account])).toBeUndefined();
    now += 10_000;
    expect(await counters.count([address, account])).toBeUndefined();
    expect(await counters.count([address, account])).toEqual({ index: 0, msLeft: 50_000 });
    now += 49_999;
    expect(await counters.count([address])).toEqual({ index: 0, msLeft: 1 });
    now += 1;
    expect(await counters.count([address, account])).toBeUndefined();
    // The account's window opened with the first request and has just ended too: counted once, in a new window.
    for (let index = 0; index < 4; index += 1) expect(await counters.count([account])).toBeUndefined();
    expect(await counters.count([account])).toEqual({ index: 0, msLeft: 60_000 });
  });
});
