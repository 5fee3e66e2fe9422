import type { ServiceClient } from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';
import { createSessionChecks } from '../src/sessions';

/** SESSION_CACHE_SECONDS=0: the gateway keeps no answer about a session, not even for an outage. */

test('with no cache, an outage finds no last known answer: the session passes on its signature alone, logged as such', async () => {
  const logs = captureLogs('gateway');
  let outage = false;
  const user = {
    upstream: 'user',
    async request() {
      if (outage) throw new Error('user service unreachable');
      return { status: 404, headers: {}, body: undefined };
    },
  } as unknown as ServiceClient;
  const sessions = createSessionChecks({ user, cacheSeconds: 0, logger: logs.logger });
  expect(await sessions.isActive('ended')).toBe(false);
  outage = true;
  expect(await sessions.isActive('ended')).toBe(true);
  expect(logs.lines).toContainEqual(
    expect.objectContaining({
      securityEvent: true,
      event: 'session-check',
      outcome: 'failed',
      sessionId: 'ended',
      fallback: 'signature only',
    }),
  );
});
