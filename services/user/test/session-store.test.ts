import { Redis } from 'ioredis';
import { type TestRedisPrefix, createTestRedisPrefix, testRedisUrl } from '../../../test/support/stores';
import { type SessionRecord, SessionStore } from '../src/sessions/session-store';

/** Live sessions in Redis: what the gateway's check and the session list read, and when they go. */

let prefix: TestRedisPrefix;
let redis: Redis;
let store: SessionStore;

beforeAll(() => {
  prefix = createTestRedisPrefix();
  redis = new Redis(testRedisUrl, { keyPrefix: prefix.prefix });
  store = new SessionStore(redis);
});

afterAll(async () => {
  redis.disconnect();
  await prefix.cleanup();
});

let made = 0;
function session(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  made += 1;
  return {
    sessionId: `session-${made}-${Date.now()}`,
    userId,
    roles: ['user'],
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    userAgent: 'Firefox',
    ip: '192.0.2.1',
    ...overrides,
  };
}
const newUser = () => `user-${(made += 1)}-${Date.now()}`;

test('a saved session reads back whole, and lives exactly as long as its refresh-token family', async () => {
  const userId = newUser();
  const saved = session(userId, { roles: ['user', 'moderator'] });
  await store.save(saved);
  expect(await store.get(saved.sessionId)).toEqual(saved);
  const ttl = await redis.pttl(`session:${saved.sessionId}`);
  expect(ttl).toBeGreaterThan(3_500_000);
  expect(ttl).toBeLessThanOrEqual(3_600_000);
  expect(await redis.pttl(`user-sessions:${userId}`)).toBeGreaterThan(3_500_000);
});

test('an already expired session is saved for a millisecond at most, never forever', async () => {
  const saved = session(newUser(), { expiresAt: new Date(Date.now() - 60_000).toISOString() });
  await store.save(saved);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await store.get(saved.sessionId)).toBeUndefined();
});

test('the user’s session set lives as long as their newest session, not their latest saved', async () => {
  const userId = newUser();
  await store.save(session(userId, { expiresAt: new Date(Date.now() + 7_200_000).toISOString() }));
  await store.save(session(userId, { expiresAt: new Date(Date.now() + 600_000).toISOString() }));
  expect(await redis.pttl(`user-sessions:${userId}`)).toBeGreaterThan(7_000_000);
});

test('unknown or unreadable roles fall back to the plain user role; a session without a user is none', async () => {
  const userId = newUser();
  await redis.hset('session:odd-roles', { userId, roles: 'superuser,' });
  expect((await store.get('odd-roles'))?.roles).toEqual(['user']);
  await redis.hset('session:mixed-roles', { userId, roles: 'superuser,admin' });
  expect((await store.get('mixed-roles'))?.roles).toEqual(['admin']);
  await redis.hset('session:no-user', { roles: 'admin' });
  expect(await store.get('no-user')).toBeUndefined();
  await redis.hset('session:bare', { userId });
  expect(await store.get('bare')).toEqual({
    sessionId: 'bare',
    userId,
    roles: ['user'],
    createdAt: '',
    lastUsedAt: '',
    expiresAt: '',
    userAgent: '',
    ip: '',
  });
});

test('touching records the use; a session deleted meanwhile does not come back', async () => {
  const saved = session(newUser());
  await store.save(saved);
  await store.touch(saved.sessionId, '198.51.100.9', 'Safari');
  const touched = await store.get(saved.sessionId);
  expect(touched).toMatchObject({ ip: '198.51.100.9', userAgent: 'Safari', createdAt: saved.createdAt });
  expect(Date.parse(touched!.lastUsedAt)).toBeGreaterThan(Date.parse(saved.lastUsedAt));

  await store.delete(saved.userId, [saved.sessionId]);
  await store.touch(saved.sessionId, '198.51.100.9', 'Safari');
  expect(await redis.exists(`session:${saved.sessionId}`)).toBe(0);
});

test('the list shows live sessions only and forgets the ids of expired ones', async () => {
  const userId = newUser();
  const live = session(userId);
  const ending = session(userId, { expiresAt: new Date(Date.now() + 30).toISOString() });
  await store.save(live);
  await store.save(ending);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(await store.listForUser(userId)).toEqual([live]);
  expect(await redis.smembers(`user-sessions:${userId}`)).toEqual([live.sessionId]);
  expect(await store.listForUser(newUser())).toEqual([]);
});

test('ending all of a user’s sessions but one, and only theirs', async () => {
  const userId = newUser();
  const other = newUser();
  const [kept, first, second] = [session(userId), session(userId), session(userId)];
  const theirs = session(other);
  for (const each of [kept, first, second, theirs]) await store.save(each);
  const ended = await store.deleteAllForUser(userId, kept.sessionId);
  expect(ended.sort()).toEqual([first.sessionId, second.sessionId].sort());
  expect(await store.listForUser(userId)).toEqual([kept]);
  expect(await store.get(first.sessionId)).toBeUndefined();
  expect(await store.listForUser(other)).toEqual([theirs]);
  expect(await store.deleteAllForUser(userId)).toEqual([kept.sessionId]);
  expect(await store.listForUser(userId)).toEqual([]);
  await store.delete(userId, []);
});

test('a role change reaches every live session of the user, and revives none', async () => {
  const userId = newUser();
  const live = session(userId);
  const gone = session(userId);
  await store.save(live);
  await store.save(gone);
  await redis.del(`session:${gone.sessionId}`);
  await store.setRolesForUser(userId, ['user', 'admin']);
  expect((await store.get(live.sessionId))?.roles).toEqual(['user', 'admin']);
  expect(await redis.exists(`session:${gone.sessionId}`)).toBe(0);
  await store.setRolesForUser(newUser(), ['admin']);
});
