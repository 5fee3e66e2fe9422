import { dependencyUnavailable } from '@what-if/kit';
import { createRedis } from '@what-if/kit/redis';
import { captureLogs } from '../../../test/support/logs';
import { testRedisUrl } from '../../../test/support/stores';
import { type SilentRelay, startSilentRelay } from '../../../test/support/silent-relay';

/**
 * A Redis that falls silent with its connection open (a partition, a frozen host): without a
 * command timeout every command, and the request waiting on it, would wait until TCP gives up.
 */
const logs = captureLogs('kit-test');
let relay: SilentRelay;

beforeAll(async () => {
  relay = await startSilentRelay(new URL(testRedisUrl), 6379);
});

afterAll(async () => {
  await relay?.close();
});

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

test('a command that gets no answer within the command timeout fails marked; it works again once Redis speaks', async () => {
  const store = createRedis(
    { url: relay.url, keyPrefix: `kit-test:silence:${process.pid}:`, commandTimeoutMs: 300 },
    logs.logger,
  );
  try {
    await store.waitUntilReady(5_000);
    await store.client.set('key', 'value', 'EX', 60);
    relay.silence(true);
    const silent = await rejection(store.client.get('key'));
    expect((silent as Error).message).toBe('Command timed out');
    expect(dependencyUnavailable(silent)).toBe('redis');
    const pipelined = await rejection(store.client.multi().incr('count').expire('count', 60).exec());
    expect(dependencyUnavailable(pipelined)).toBe('redis');
    await expect(store.check()).rejects.toThrow();

    relay.silence(false);
    expect(await store.client.get('key')).toBe('value');
    await store.client.del('key', 'count');
  } finally {
    relay.silence(false);
    await store.close();
  }
});
