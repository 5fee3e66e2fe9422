import type { Redis } from 'ioredis';
import { captureLogs } from '../../../test/support/logs';
import { type RateLimits, createRateLimits } from '../src/rate-limits';
import { memoryWindowCounters } from '../src/window-counters';

/**
 * The 429 a client gets, on a clock under the test's control: Retry-After is the whole seconds
 * left in the window, rounded up, so a client that waits that long is admitted again.
 */

let now: number;

function limits(): RateLimits {
  return createRateLimits(
    // Not reached: the counters are this process's own, on the test's clock.
    undefined as unknown as Redis,
    { ipPerMinute: 1, userPerMinute: 1, credentialAttemptsPerMinute: 1, refreshAttemptsPerMinute: 1 },
    captureLogs('gateway').logger,
    memoryWindowCounters(60_000, () => now),
  );
}

beforeEach(() => {
  now = 1_000_000;
});

test.each([
  [0, 60],
  [999, 60],
  [1_000, 59],
  [30_500, 30],
  [59_999, 1],
])(
  'a request %i ms into the window is told to come back in %i s, in the header, the problem and its detail',
  async (elapsed, seconds) => {
    const rateLimits = limits();
    await rateLimits.admit({ ip: '203.0.113.1', path: '/api/v1/feed' });
    now += elapsed;
    await expect(rateLimits.admit({ ip: '203.0.113.1', path: '/api/v1/feed' })).rejects.toMatchObject({
      status: 429,
      headers: { 'Retry-After': String(seconds) },
      extensions: { retryAfterSeconds: seconds },
      message: `Too many requests from this address; try again in ${seconds} s.`,
    });
  },
);

test('a client that waits the Retry-After it was given is admitted again', async () => {
  const rateLimits = limits();
  await rateLimits.admit({ ip: '203.0.113.2', path: '/api/v1/feed' });
  now += 20_250;
  const refusal = await rateLimits.admit({ ip: '203.0.113.2', path: '/api/v1/feed' }).then(
    () => undefined,
    (error: { headers: Record<string, string> }) => error,
  );
  now += Number(refusal?.headers['Retry-After']) * 1000;
  await expect(rateLimits.admit({ ip: '203.0.113.2', path: '/api/v1/feed' })).resolves.toBeUndefined();
});

test('a request counted at an endpoint that takes no credentials is a programming error naming it, not a 429', async () => {
  await expect(
    limits().admit({ ip: '203.0.113.3', path: '/api/v1/feed', credentialEndpoint: '/api/v1/feed' }),
  ).rejects.toThrow('/api/v1/feed is not a credential endpoint');
});
