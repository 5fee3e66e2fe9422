import { apiClient, register } from '../../../test/support/api-client';
import {
  discardOneTimeTokens,
  issueOneTimeToken,
  pendingEmailOf,
  redeemOneTimeToken,
} from '../src/accounts/one-time-tokens';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

/**
 * Mailed links on the service's own database: each works once, for its purpose, until it
 * expires or a newer one of the same purpose replaces it.
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

test('a token is redeemed once, for its purpose, answering whose it is and where it was mailed', async () => {
  const userId = await newAccount();
  const token = await issueOneTimeToken(
    harness.database,
    userId,
    'password_reset',
    'mailed@example.com',
    600,
  );
  expect(await redeemOneTimeToken(harness.database, token, ['email_verification'])).toBeUndefined();
  expect(await redeemOneTimeToken(harness.database, token, ['email_verification', 'password_reset'])).toEqual(
    {
      userId,
      purpose: 'password_reset',
      email: 'mailed@example.com',
    },
  );
  expect(await redeemOneTimeToken(harness.database, token, ['password_reset'])).toBeUndefined();
});

test('an expired token does nothing', async () => {
  const userId = await newAccount();
  const token = await issueOneTimeToken(harness.database, userId, 'password_reset', 'a@example.com', -1);
  expect(await redeemOneTimeToken(harness.database, token, ['password_reset'])).toBeUndefined();
});

test('a newer token replaces the unused ones of its purpose only', async () => {
  const userId = await newAccount();
  const older = await issueOneTimeToken(harness.database, userId, 'email_verification', 'a@example.com', 600);
  const reset = await issueOneTimeToken(harness.database, userId, 'password_reset', 'a@example.com', 600);
  const newer = await issueOneTimeToken(harness.database, userId, 'email_verification', 'a@example.com', 600);
  expect(await redeemOneTimeToken(harness.database, older, ['email_verification'])).toBeUndefined();
  expect(await redeemOneTimeToken(harness.database, newer, ['email_verification'])).toMatchObject({ userId });
  expect(await redeemOneTimeToken(harness.database, reset, ['password_reset'])).toMatchObject({ userId });
});

test('something that is not a token is refused without asking the database', async () => {
  const unreachable = {
    query: () => Promise.reject(new Error('the database was asked')),
  } as unknown as UserServiceHarness['database'];
  expect(await redeemOneTimeToken(unreachable, 'short', ['password_reset'])).toBeUndefined();
});

test('the pending address of an email change is the unused, unexpired one; discarding removes only that purpose', async () => {
  const userId = await newAccount();
  expect(await pendingEmailOf(harness.database, userId)).toBeNull();
  await issueOneTimeToken(harness.database, userId, 'email_verification', 'old@example.com', 600);
  expect(await pendingEmailOf(harness.database, userId)).toBeNull();
  const change = await issueOneTimeToken(harness.database, userId, 'email_change', 'new@example.com', 600);
  expect(await pendingEmailOf(harness.database, userId)).toBe('new@example.com');
  await redeemOneTimeToken(harness.database, change, ['email_change']);
  expect(await pendingEmailOf(harness.database, userId)).toBeNull();

  await issueOneTimeToken(harness.database, userId, 'email_change', 'expired@example.com', -1);
  expect(await pendingEmailOf(harness.database, userId)).toBeNull();

  const verification = await issueOneTimeToken(
    harness.database,
    userId,
    'email_verification',
    'o@example.com',
    600,
  );
  await issueOneTimeToken(harness.database, userId, 'email_change', 'next@example.com', 600);
  await discardOneTimeTokens(harness.database, userId, 'email_change');
  expect(await pendingEmailOf(harness.database, userId)).toBeNull();
  expect(await redeemOneTimeToken(harness.database, verification, ['email_verification'])).toMatchObject({
    userId,
  });
});

test('one account’s tokens never touch another’s', async () => {
  const first = await newAccount();
  const second = await newAccount();
  const firsts = await issueOneTimeToken(harness.database, first, 'email_change', 'first@example.com', 600);
  await issueOneTimeToken(harness.database, second, 'email_change', 'second@example.com', 600);
  await discardOneTimeTokens(harness.database, second, 'email_change');
  expect(await pendingEmailOf(harness.database, first)).toBe('first@example.com');
  expect(await pendingEmailOf(harness.database, second)).toBeNull();
  expect(await redeemOneTimeToken(harness.database, firsts, ['email_change'])).toMatchObject({
    userId: first,
  });
});
