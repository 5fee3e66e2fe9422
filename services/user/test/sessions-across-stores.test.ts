import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import type { PoolClient } from 'pg';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';
import { type ApiCall, type SignedIn, apiClient, register } from '../../../test/support/api-client';
import { serviceToken } from '../../../test/support/service-identity';
import { testRedisUrl } from '../../../test/support/stores';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

/**
 * A session lives in two stores: its refresh-token family in PostgreSQL (the record of truth) and
 * its Redis entry (what the gateway's check and this service read on every request). What a user
 * and an operator see when one side is lost, or changes under a sign-in or a refresh: a session
 * Redis lost comes back on its next refresh unless its account or family ended meanwhile, every
 * way of ending sessions ends both sides, and the security log says what happened to which session.
 */

let harness: UserServiceHarness;
let call: ApiCall;
let redis: Redis;
const logs = captureLogs('user');

beforeAll(async () => {
  harness = await startUserService({}, logs.logger);
  call = apiClient(harness.service.url);
  redis = new Redis(testRedisUrl, { keyPrefix: harness.stores.env['REDIS_KEY_PREFIX'] });
});

afterAll(async () => {
  redis?.disconnect();
  await harness?.close();
});

interface ListedSession {
  id: string;
  current: boolean;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  userAgent: string;
  ip: string;
}

const sidOf = (accessToken: string) => (jwt.decode(accessToken) as jwt.JwtPayload)['sid'] as string;

function client(userAgent: string, ip: string) {
  return { 'user-agent': userAgent, 'x-forwarded-for': ip };
}

function signIn(account: { email: string; password: string }, headers: Record<string, string> = {}) {
  return call<SignedIn>('POST', '/api/v1/auth/login', {
    body: { email: account.email, password: account.password },
    headers,
  });
}

function refresh(refreshToken: string, headers: Record<string, string> = {}) {
  return call<SignedIn>('POST', '/api/v1/auth/refresh', { body: { refreshToken }, headers });
}

/** What the gateway's session check answers for a session id. */
async function sessionCheck(sessionId: string): Promise<number> {
  return (await call('GET', `/internal/v1/sessions/${sessionId}`, { token: serviceToken('gateway', 'user') }))
    .status;
}

async function listedSessions(accessToken: string): Promise<ListedSession[]> {
  const answer = await call<{ items: ListedSession[] }>('GET', '/api/v1/auth/sessions', {
    token: accessToken,
  });
  expect(answer.status).toBe(200);
  return answer.body.items;
}

/** Redis loses a session (a flush, a failover to a replica that never had it). */
async function redisLoses(userId: string, sessionId: string): Promise<void> {
  await redis.del(`session:${sessionId}`);
  await redis.srem(`user-sessions:${userId}`, sessionId);
}

function securityEvents(event: string, userId?: string) {
  return logs.lines.filter(
    (line) =>
      line['securityEvent'] === true &&
      line['event'] === event &&
      (userId === undefined || line['userId'] === userId),
  );
}

async function revocationOf(sessionId: string): Promise<{ revoked: boolean; reason: string | null }> {
  const { rows } = await harness.database.query<{ revoked: boolean; reason: string | null }>(
    'SELECT revoked_at IS NOT NULL AS revoked, revoked_reason AS reason FROM refresh_token_families WHERE id = $1',
    [sessionId],
  );
  return rows[0]!;
}

/**
 * Holds the account's row (as a disable or a deletion does) while `request` starts, waits until the
 * request waits for that row, then changes what `change` changes and lets the request go on.
 */
async function whileAccountHeld<T>(
  userId: string,
  request: () => Promise<T>,
  change: (db: PoolClient) => Promise<unknown>,
): Promise<T> {
  const db = await harness.database.connect();
  let committed = false;
  try {
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
    const answer = request();
    await eventually(async () => {
      const { rows } = await harness.database.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM users%FOR SHARE%'`,
      );
      expect(rows[0]!.waiting).toBe(1);
    }, 30_000);
    await change(db);
    await db.query('COMMIT');
    committed = true;
    return await answer;
  } finally {
    // A request that never waited must not leave the row held for the rest of the file.
    if (!committed) await db.query('ROLLBACK');
    db.release();
  }
}

describe('the security log of token refresh', () => {
  test('a refresh is logged as succeeded with its account and session; a retry within the grace window says so', async () => {
    const account = await register(call);
    const sid = sidOf(account.accessToken);
    expect((await refresh(account.refreshToken)).status).toBe(200);
    expect((await refresh(account.refreshToken)).status).toBe(200);
    const [first, retry] = securityEvents('token-refresh', account.user.id);
    expect(first).toMatchObject({ outcome: 'succeeded', userId: account.user.id, sessionId: sid });
    expect(first).not.toHaveProperty('reason');
    expect(retry).toMatchObject({
      outcome: 'succeeded',
      sessionId: sid,
      reason: 'spent token again within the grace window: its unused successor replaced',
    });
  });

  test('an unknown token is denied naming no account; a reused one revokes its session; an ended one says so', async () => {
    const account = await register(call);
    const sid = sidOf(account.accessToken);
    const unknown = await refresh('A'.repeat(43), client('curl', '198.51.100.90'));
    expect(unknown.status).toBe(401);
    const unknownEvent = logs.lines.find(
      (line) => line['event'] === 'token-refresh' && line['ip'] === '198.51.100.90',
    );
    expect(unknownEvent).toMatchObject({ outcome: 'denied', reason: 'unknown refresh token' });
    expect(unknownEvent).not.toHaveProperty('userId');
    expect(unknownEvent).not.toHaveProperty('sessionId');

    // Reuse: the successor was used, then the spent token comes back (a thief, or the victim).
    const next = await refresh(account.refreshToken);
    expect((await refresh(next.body.refreshToken)).status).toBe(200);
    expect((await refresh(account.refreshToken, client('thief', '198.51.100.91'))).status).toBe(401);
    expect(securityEvents('token-refresh', account.user.id).at(-1)).toMatchObject({
      outcome: 'denied',
      reason: 'refresh token reused: session revoked',
      sessionId: sid,
      ip: '198.51.100.91',
    });
    // Its Redis side is gone too: the gateway's check refuses the session at once.
    expect(await sessionCheck(sid)).toBe(404);

    const other = await signIn(account);
    expect((await call('POST', '/api/v1/auth/logout', { token: other.body.accessToken })).status).toBe(204);
    expect((await refresh(other.body.refreshToken, client('app', '198.51.100.92'))).status).toBe(401);
    expect(securityEvents('token-refresh', account.user.id).at(-1)).toMatchObject({
      outcome: 'denied',
      reason: 'session ended',
      sessionId: sidOf(other.body.accessToken),
      ip: '198.51.100.92',
    });
  });
});

describe('a session Redis lost', () => {
  test('comes back on its next refresh as it was: the same expiry, the refreshing client, the account’s roles', async () => {
    const account = await register(call);
    const signedIn = await signIn(account, client('phone', '192.0.2.80'));
    const sid = sidOf(signedIn.body.accessToken);
    const [before] = (await listedSessions(signedIn.body.accessToken)).filter(
      (session) => session.id === sid,
    );
    await redisLoses(account.user.id, sid);
    expect(await sessionCheck(sid)).toBe(404);

    const refreshed = await refresh(signedIn.body.refreshToken, client('laptop', '198.51.100.80'));
    expect(refreshed.status).toBe(200);
    const check = await call('GET', `/internal/v1/sessions/${sid}`, {
      token: serviceToken('gateway', 'user'),
    });
    expect(check.body).toEqual({ active: true, userId: account.user.id, roles: ['user'] });
    const restored = (await listedSessions(refreshed.body.accessToken)).find((session) => session.id === sid);
    expect(restored).toMatchObject({
      current: true,
      expiresAt: before!.expiresAt,
      userAgent: 'laptop',
      ip: '198.51.100.80',
    });

    // It is one of the account's sessions again: "log out everywhere" reaches it.
    expect((await call('POST', '/api/v1/auth/logout-all', { token: account.accessToken })).status).toBe(204);
    expect(await sessionCheck(sid)).toBe(404);
  });

  test('a session Redis still has keeps its sign-in time; a refresh records when and from where', async () => {
    const account = await register(call);
    const signedIn = await signIn(account, client('phone', '192.0.2.81'));
    const sid = sidOf(signedIn.body.accessToken);
    const [before] = (await listedSessions(signedIn.body.accessToken)).filter(
      (session) => session.id === sid,
    );
    const refreshed = await refresh(signedIn.body.refreshToken, client('tablet', '198.51.100.81'));
    expect(refreshed.status).toBe(200);
    const [after] = (await listedSessions(refreshed.body.accessToken)).filter(
      (session) => session.id === sid,
    );
    expect(after).toMatchObject({
      createdAt: before!.createdAt,
      expiresAt: before!.expiresAt,
      userAgent: 'tablet',
      ip: '198.51.100.81',
    });
    expect(after!.lastUsedAt > before!.lastUsedAt).toBe(true);
  });

  test('is not restored for a disabled account: the refresh is refused and the session ends for good', async () => {
    const account = await register(call);
    const sid = sidOf(account.accessToken);
    await redisLoses(account.user.id, sid);
    // Disabled in the database alone (an operator's SQL, or a disable whose Redis side was lost).
    await harness.database.query('UPDATE users SET disabled_at = now() WHERE id = $1', [account.user.id]);
    expect((await refresh(account.refreshToken)).status).toBe(401);
    expect(await sessionCheck(sid)).toBe(404);
    expect(securityEvents('token-refresh', account.user.id).at(-1)).toMatchObject({
      outcome: 'denied',
      reason: 'account disabled or session ended',
      sessionId: sid,
    });
    expect(await revocationOf(sid)).toEqual({ revoked: true, reason: 'account disabled or session ended' });
    // Enabled again, the account signs in anew; the old session stays ended.
    await harness.database.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [account.user.id]);
    expect((await refresh(account.refreshToken)).status).toBe(401);
  });

  test('ending it from the session list still ends it: its refresh token stops working', async () => {
    const account = await register(call);
    const other = await signIn(account);
    const otherSid = sidOf(other.body.accessToken);
    await redisLoses(account.user.id, otherSid);
    const end = () => call('DELETE', `/api/v1/auth/sessions/${otherSid}`, { token: account.accessToken });
    expect((await end()).status).toBe(204);
    expect((await refresh(other.body.refreshToken)).status).toBe(401);
    // Ended already: nothing left to end.
    expect((await end()).status).toBe(404);
  });

  test('a session whose Redis entry outlived its family (a delete that failed) can still be ended from the list', async () => {
    const account = await register(call);
    const other = await signIn(account);
    const otherSid = sidOf(other.body.accessToken);
    await harness.database.query(
      "UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1",
      [otherSid],
    );
    expect(await sessionCheck(otherSid)).toBe(200);
    const ended = await call('DELETE', `/api/v1/auth/sessions/${otherSid}`, { token: account.accessToken });
    expect(ended.status).toBe(204);
    expect(await sessionCheck(otherSid)).toBe(404);
  });
});

describe('an account disabled while Redis still holds its session', () => {
  test('its next refresh ends the session on both sides', async () => {
    const account = await register(call);
    const sid = sidOf(account.accessToken);
    await harness.database.query('UPDATE users SET disabled_at = now() WHERE id = $1', [account.user.id]);
    expect((await refresh(account.refreshToken)).status).toBe(401);
    expect(await sessionCheck(sid)).toBe(404);
    expect(await revocationOf(sid)).toEqual({ revoked: true, reason: 'account disabled or session ended' });
  });
});

describe('ending every session', () => {
  test('log out everywhere ends them all, a session Redis lost included, and logs how many', async () => {
    const account = await register(call);
    const second = await signIn(account);
    const third = await signIn(account);
    await redisLoses(account.user.id, sidOf(third.body.accessToken));
    expect((await call('POST', '/api/v1/auth/logout-all', { token: second.body.accessToken })).status).toBe(
      204,
    );
    expect(securityEvents('logout-all', account.user.id)).toEqual([
      expect.objectContaining({ outcome: 'succeeded', sessionsEnded: 3 }),
    ]);
    for (const signedIn of [account, second.body, third.body]) {
      expect(await sessionCheck(sidOf(signedIn.accessToken))).toBe(404);
      expect((await refresh(signedIn.refreshToken)).status).toBe(401);
    }
  });

  test('deleting the account ends every session at the gateway’s check too', async () => {
    const account = await register(call);
    const other = await signIn(account);
    expect((await call('DELETE', '/api/v1/users/me', { token: account.accessToken })).status).toBe(204);
    for (const signedIn of [account, other.body])
      expect(await sessionCheck(sidOf(signedIn.accessToken))).toBe(404);
    expect(await redis.exists(`user-sessions:${account.user.id}`)).toBe(0);
  });
});

describe('a sign-in or refresh meeting a change to the account', () => {
  test('a sign-in that meets a disable gets 403 and leaves no session behind', async () => {
    const account = await register(call);
    await call('POST', '/api/v1/auth/logout', { token: account.accessToken });
    const answer = await whileAccountHeld(
      account.user.id,
      () => signIn(account),
      (db) => db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [account.user.id]),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ type: '/problems/account-disabled' });
    const { rows } = await harness.database.query(
      'SELECT 1 FROM refresh_token_families WHERE user_id = $1 AND revoked_at IS NULL',
      [account.user.id],
    );
    expect(rows).toEqual([]);
    expect(await redis.scard(`user-sessions:${account.user.id}`)).toBe(0);
  });

  test('a sign-in that meets the account’s deletion is refused and leaves no session behind', async () => {
    const account = await register(call);
    await call('POST', '/api/v1/auth/logout', { token: account.accessToken });
    const answer = await whileAccountHeld(
      account.user.id,
      () => signIn(account),
      (db) => db.query('DELETE FROM users WHERE id = $1', [account.user.id]),
    );
    expect(answer.status).toBe(403);
    expect(await redis.exists(`user-sessions:${account.user.id}`)).toBe(0);
  });

  test('a refresh that meets its session’s end elsewhere is refused, and the session stays ended', async () => {
    const account = await register(call);
    const sid = sidOf(account.accessToken);
    const answer = await whileAccountHeld(
      account.user.id,
      () => refresh(account.refreshToken),
      (db) =>
        db.query(
          "UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'logout' WHERE id = $1",
          [sid],
        ),
    );
    expect(answer.status).toBe(401);
    expect(await sessionCheck(sid)).toBe(404);
    expect(securityEvents('token-refresh', account.user.id).at(-1)).toMatchObject({
      outcome: 'denied',
      reason: 'account disabled or session ended',
      sessionId: sid,
    });
  });

  test('a refresh that meets the account’s deletion is refused (401), not an error', async () => {
    const account = await register(call);
    const answer = await whileAccountHeld(
      account.user.id,
      () => refresh(account.refreshToken),
      (db) => db.query('DELETE FROM users WHERE id = $1', [account.user.id]),
    );
    expect(answer.status).toBe(401);
    expect(await sessionCheck(sidOf(account.accessToken))).toBe(404);
  });
});
