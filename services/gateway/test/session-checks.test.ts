import type { ServiceClient, ServiceRequest } from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';
import { createSessionChecks } from '../src/sessions';

/**
 * The gateway's memory of the user service's answers, driven by a clock under the test's control:
 * how long an answer is trusted, how many are kept, and what happens when the user service is down.
 */

type Answer = number | Error;

/** A user service that answers each session as told (200 lives, 404 ended, an Error is an outage). */
function userService(answers: Record<string, Answer> = {}) {
  const asked: ServiceRequest[] = [];
  const client = {
    upstream: 'user',
    async request(request: ServiceRequest) {
      asked.push(request);
      const sessionId = decodeURIComponent(request.path.split('/').at(-1) ?? '');
      const answer = answers[sessionId] ?? 200;
      if (answer instanceof Error) throw answer;
      return { status: answer, headers: {}, body: undefined };
    },
  } as unknown as ServiceClient;
  return {
    client,
    answers,
    asked,
    askedAbout: (id: string) => asked.filter((r) => r.path.endsWith(`/${id}`)).length,
  };
}

beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
afterEach(() => jest.useRealTimers());

test('asks the user service with a GET on the session’s status path: 200 lives, anything else has ended', async () => {
  const user = userService({ 'ended one': 404 });
  const sessions = createSessionChecks({
    user: user.client,
    cacheSeconds: 5,
    logger: captureLogs('gateway').logger,
  });
  expect(await sessions.isActive('live')).toBe(true);
  expect(await sessions.isActive('ended one')).toBe(false);
  expect(user.asked).toEqual([
    { method: 'GET', path: '/internal/v1/sessions/live' },
    { method: 'GET', path: '/internal/v1/sessions/ended%20one' },
  ]);
});

test('an answer is trusted for SESSION_CACHE_SECONDS and not one millisecond longer', async () => {
  const user = userService();
  const sessions = createSessionChecks({
    user: user.client,
    cacheSeconds: 5,
    logger: captureLogs('gateway').logger,
  });
  await sessions.isActive('s');
  jest.advanceTimersByTime(4_999);
  await sessions.isActive('s');
  expect(user.askedAbout('s')).toBe(1);
  user.answers['s'] = 404;
  jest.advanceTimersByTime(1);
  expect(await sessions.isActive('s')).toBe(false);
  expect(user.askedAbout('s')).toBe(2);
  // The new answer is remembered in turn.
  expect(await sessions.isActive('s')).toBe(false);
  expect(user.askedAbout('s')).toBe(2);
});

test('with SESSION_CACHE_SECONDS=0 every request asks', async () => {
  const user = userService();
  const sessions = createSessionChecks({
    user: user.client,
    cacheSeconds: 0,
    logger: captureLogs('gateway').logger,
  });
  await sessions.isActive('s');
  await sessions.isActive('s');
  expect(user.askedAbout('s')).toBe(2);
});

test('simultaneous checks of one session share one question; the next one after it asks again', async () => {
  const user = userService();
  const sessions = createSessionChecks({
    user: user.client,
    cacheSeconds: 0,
    logger: captureLogs('gateway').logger,
  });
  const answers = await Promise.all([sessions.isActive('s'), sessions.isActive('s'), sessions.isActive('s')]);
  expect(answers).toEqual([true, true, true]);
  expect(user.askedAbout('s')).toBe(1);
  await sessions.isActive('s');
  expect(user.askedAbout('s')).toBe(2);
});

describe('the memory is bounded', () => {
  test('past maxEntries the oldest answer goes first; up to it, every answer stays', async () => {
    const user = userService();
    const sessions = createSessionChecks({
      user: user.client,
      cacheSeconds: 60,
      logger: captureLogs('gateway').logger,
      maxEntries: 2,
    });
    await sessions.isActive('a');
    await sessions.isActive('b');
    await sessions.isActive('a');
    await sessions.isActive('b');
    expect([user.askedAbout('a'), user.askedAbout('b')]).toEqual([1, 1]);
    await sessions.isActive('c');
    await sessions.isActive('b');
    await sessions.isActive('a');
    expect([user.askedAbout('a'), user.askedAbout('b'), user.askedAbout('c')]).toEqual([2, 1, 1]);
  });

  test('a renewed answer counts as the newest', async () => {
    const user = userService();
    const sessions = createSessionChecks({
      user: user.client,
      cacheSeconds: 10,
      logger: captureLogs('gateway').logger,
      maxEntries: 2,
    });
    await sessions.isActive('a');
    jest.advanceTimersByTime(6_000);
    await sessions.isActive('b');
    jest.advanceTimersByTime(5_000);
    await sessions.isActive('a'); // expired: asked again, and now the newest
    await sessions.isActive('c'); // evicts b, the oldest
    expect(user.askedAbout('a')).toBe(2);
    await sessions.isActive('a');
    expect(user.askedAbout('a')).toBe(2);
    await sessions.isActive('b');
    expect(user.askedAbout('b')).toBe(2);
  });

  test('by default it holds 50 000 sessions', async () => {
    const user = userService();
    const sessions = createSessionChecks({
      user: user.client,
      cacheSeconds: 60,
      logger: captureLogs('gateway').logger,
    });
    for (let index = 0; index < 50_000; index += 1) await sessions.isActive(`s${index}`);
    await sessions.isActive('s0');
    expect(user.askedAbout('s0')).toBe(1);
    await sessions.isActive('one more');
    await sessions.isActive('s1');
    expect(user.askedAbout('s1')).toBe(1);
    await sessions.isActive('s0');
    expect(user.askedAbout('s0')).toBe(2);
  });
});

describe('when the user service cannot answer', () => {
  test('a session never asked about passes on its signature alone, and the fallback is a logged security event', async () => {
    const logs = captureLogs('gateway');
    const user = userService({ s: new Error('user service unreachable') });
    const sessions = createSessionChecks({ user: user.client, cacheSeconds: 5, logger: logs.logger });
    expect(await sessions.isActive('s')).toBe(true);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        securityEvent: true,
        event: 'session-check',
        outcome: 'failed',
        level: 'warn',
        sessionId: 's',
        fallback: 'signature only',
        reason: 'user service unreachable',
      }),
    );
  });

  test('a session last known to have ended stays ended, even after its answer expired', async () => {
    const logs = captureLogs('gateway');
    const user = userService({ s: 404 });
    const sessions = createSessionChecks({ user: user.client, cacheSeconds: 5, logger: logs.logger });
    expect(await sessions.isActive('s')).toBe(false);
    jest.advanceTimersByTime(10_000);
    user.answers['s'] = new Error('timed out');
    expect(await sessions.isActive('s')).toBe(false);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ event: 'session-check', sessionId: 's', fallback: 'last known answer' }),
    );
  });

  test('a session last known to live goes on living', async () => {
    const user = userService({ s: 200 });
    const sessions = createSessionChecks({
      user: user.client,
      cacheSeconds: 5,
      logger: captureLogs('gateway').logger,
    });
    await sessions.isActive('s');
    jest.advanceTimersByTime(10_000);
    user.answers['s'] = new Error('timed out');
    expect(await sessions.isActive('s')).toBe(true);
  });
});
