import { apiClient, register } from '../../../test/support/api-client';
import {
  lockLiveFamily,
  openFamily,
  revokeAllFamilies,
  revokeFamily,
  rotateRefreshToken,
} from '../src/sessions/refresh-token-store';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

/**
 * Refresh-token families on the service's own database: what a logout, a "log out everywhere"
 * and a spent token presented after its session ended each do to a session.
 */

let harness: UserServiceHarness;

beforeAll(async () => {
  harness = await startUserService();
});

afterAll(async () => {
  await harness?.close();
});

async function newAccount(): Promise<string> {
  return (await register(apiClient(harness.service.url))).user.id;
}

test('a logout revokes the family once, only for its owner, and its tokens end instead of rotating', async () => {
  const userId = await newAccount();
  const stranger = await newAccount();
  const family = await openFamily(harness.database, userId, 600);
  expect(await revokeFamily(harness.database, stranger, family.familyId, 'logout')).toBe(false);
  expect(await lockLiveFamily(harness.database, family.familyId)).toBe(true);
  expect(await revokeFamily(harness.database, userId, family.familyId, 'logout')).toBe(true);
  expect(await revokeFamily(harness.database, userId, family.familyId, 'logout')).toBe(false);
  expect(await lockLiveFamily(harness.database, family.familyId)).toBe(false);
  expect(await rotateRefreshToken(harness.database, family.refreshToken)).toEqual({
    outcome: 'ended',
    familyId: family.familyId,
    userId,
  });
});

test('a spent token presented after its session ended is an ended session, not a theft that revokes anything', async () => {
  const userId = await newAccount();
  const family = await openFamily(harness.database, userId, 600);
  const rotated = await rotateRefreshToken(harness.database, family.refreshToken);
  expect(rotated).toMatchObject({ outcome: 'rotated', familyId: family.familyId, userId });
  await revokeFamily(harness.database, userId, family.familyId, 'logout');
  expect(await rotateRefreshToken(harness.database, family.refreshToken)).toEqual({
    outcome: 'ended',
    familyId: family.familyId,
    userId,
  });
  const reason = await harness.database.query<{ revoked_reason: string }>(
    'SELECT revoked_reason FROM refresh_token_families WHERE id = $1',
    [family.familyId],
  );
  expect(reason.rows[0]?.revoked_reason).toBe('logout');
});

test('an expired family is not live and its tokens end', async () => {
  const userId = await newAccount();
  const family = await openFamily(harness.database, userId, -1);
  expect(await lockLiveFamily(harness.database, family.familyId)).toBe(false);
  expect(await rotateRefreshToken(harness.database, family.refreshToken)).toMatchObject({
    outcome: 'ended',
  });
});

test('"log out everywhere" revokes every live family of the user but the one kept, and no one else’s', async () => {
  const userId = await newAccount();
  const other = await newAccount();
  const kept = await openFamily(harness.database, userId, 600);
  const first = await openFamily(harness.database, userId, 600);
  const second = await openFamily(harness.database, userId, 600);
  const theirs = await openFamily(harness.database, other, 600);
  const revoked = await revokeAllFamilies(harness.database, userId, 'logout everywhere', kept.familyId);
  // The registration's own session is one of them.
  expect(revoked).toEqual(expect.arrayContaining([first.familyId, second.familyId]));
  expect(revoked).not.toContain(kept.familyId);
  expect(revoked).not.toContain(theirs.familyId);
  expect(await lockLiveFamily(harness.database, kept.familyId)).toBe(true);
  expect(await lockLiveFamily(harness.database, first.familyId)).toBe(false);
  expect(await lockLiveFamily(harness.database, theirs.familyId)).toBe(true);
  expect(await rotateRefreshToken(harness.database, kept.refreshToken)).toMatchObject({ outcome: 'rotated' });
  expect(await revokeAllFamilies(harness.database, userId, 'logout everywhere')).toEqual([kept.familyId]);
});
