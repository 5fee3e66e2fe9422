import { createHash } from 'node:crypto';
import {
  type ApiCall,
  type SignedIn,
  apiClient,
  goodPassword,
  register,
  uniqueEmail,
} from '../../../test/support/api-client';
import {
  type UserServiceHarness,
  mailTo,
  startUserService,
  tokenMailedTo,
} from './support/user-service-harness';

let harness: UserServiceHarness;
let call: ApiCall;

beforeAll(async () => {
  harness = await startUserService();
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
});

/** A sign-in from a given client address (the service trusts the gateway's X-Forwarded-For). */
function signInFrom(ip: string, email: string, password: string) {
  return call('POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': ip },
  });
}

/** Wrong passwords from one address until the lockout (5 by default) refuses it with 429. */
async function lockOut(ip: string, email: string): Promise<void> {
  const statuses = [];
  for (let guess = 1; guess <= 5; guess += 1)
    statuses.push((await signInFrom(ip, email, `forgotten password ${guess}`)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 429]);
}

describe('email verification', () => {
  test('sign-up mails a link that verifies the address once', async () => {
    const account = await register(call);
    const token = await tokenMailedTo(harness.outbox, account.email, 'email-verification');
    const [mail] = await mailTo(harness.outbox, account.email);
    expect(mail!.link).toMatch(/^http:\/\/app\.test\/verify-email\?token=/);
    expect((await call('POST', '/api/v1/auth/email-verification', { body: { token } })).status).toBe(204);
    const me = await call('GET', '/api/v1/users/me', { token: account.accessToken });
    expect(me.body['emailVerified']).toBe(true);
    const again = await call('POST', '/api/v1/auth/email-verification', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body['type']).toBe('/problems/invalid-link-token');
  });

  test('resend replaces the earlier link; a verified account gets 409', async () => {
    const account = await register(call);
    const first = await tokenMailedTo(harness.outbox, account.email, 'email-verification');
    expect(
      (await call('POST', '/api/v1/auth/email-verification/resend', { token: account.accessToken })).status,
    ).toBe(202);
    const second = await tokenMailedTo(harness.outbox, account.email, 'email-verification', 1);
    expect(second).not.toBe(first);
    expect((await call('POST', '/api/v1/auth/email-verification', { body: { token: first } })).status).toBe(
      400,
    );
    expect((await call('POST', '/api/v1/auth/email-verification', { body: { token: second } })).status).toBe(
      204,
    );
    const resend = await call('POST', '/api/v1/auth/email-verification/resend', {
      token: account.accessToken,
    });
    expect(resend.status).toBe(409);
  });
});

describe('change of email', () => {
  test('takes effect only once the new address is verified, and needs the current password', async () => {
    const account = await register(call);
    const newEmail = uniqueEmail('moved');
    const wrong = await call('POST', '/api/v1/users/me/email', {
      token: account.accessToken,
      body: { newEmail, currentPassword: 'not my password 1' },
    });
    expect(wrong.status).toBe(403);
    const asked = await call('POST', '/api/v1/users/me/email', {
      token: account.accessToken,
      body: { newEmail, currentPassword: account.password },
    });
    expect(asked.status).toBe(202);
    const pending = await call('GET', '/api/v1/users/me', { token: account.accessToken });
    expect(pending.body).toMatchObject({ email: account.email, pendingEmail: newEmail });
    // Until verified, the old address still signs in and the new one does not.
    expect(
      (await call('POST', '/api/v1/auth/login', { body: { email: newEmail, password: account.password } }))
        .status,
    ).toBe(401);

    const token = await tokenMailedTo(harness.outbox, newEmail, 'email-change');
    expect((await call('POST', '/api/v1/auth/email-verification', { body: { token } })).status).toBe(204);
    const moved = await call('GET', '/api/v1/users/me', { token: account.accessToken });
    expect(moved.body).toMatchObject({ email: newEmail, emailVerified: true, pendingEmail: null });
    expect(
      (await call('POST', '/api/v1/auth/login', { body: { email: newEmail, password: account.password } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('POST', '/api/v1/auth/login', {
          body: { email: account.email, password: account.password },
        })
      ).status,
    ).toBe(401);
  });

  test('an old verification link does not verify the new address', async () => {
    const account = await register(call);
    const staleToken = await tokenMailedTo(harness.outbox, account.email, 'email-verification');
    const newEmail = uniqueEmail('second');
    await call('POST', '/api/v1/users/me/email', {
      token: account.accessToken,
      body: { newEmail, currentPassword: account.password },
    });
    const token = await tokenMailedTo(harness.outbox, newEmail, 'email-change');
    await call('POST', '/api/v1/auth/email-verification', { body: { token } });
    await harness.database.query('UPDATE users SET email_verified = false WHERE id = $1', [account.user.id]);
    expect(
      (await call('POST', '/api/v1/auth/email-verification', { body: { token: staleToken } })).status,
    ).toBe(400);
  });
});

describe('password reset', () => {
  test('always answers 202, mails a single-use link only to real accounts, and ends every session', async () => {
    const account = await register(call);
    const stranger = uniqueEmail('stranger');
    const unknown = await call('POST', '/api/v1/auth/password-reset', { body: { email: stranger } });
    const known = await call('POST', '/api/v1/auth/password-reset', { body: { email: account.email } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    const token = await tokenMailedTo(harness.outbox, account.email, 'password-reset');
    expect(await mailTo(harness.outbox, stranger)).toEqual([]);

    const weak = await call('POST', '/api/v1/auth/password-reset/complete', {
      body: { token, password: 'weak' },
    });
    expect(weak.status).toBe(400);
    const newPassword = 'reset and renewed 9';
    expect(
      (await call('POST', '/api/v1/auth/password-reset/complete', { body: { token, password: newPassword } }))
        .status,
    ).toBe(204);
    // Single use.
    expect(
      (
        await call('POST', '/api/v1/auth/password-reset/complete', {
          body: { token, password: 'yet another one 8' },
        })
      ).status,
    ).toBe(400);
    // Every session ended.
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } })).status,
    ).toBe(401);
    expect(
      (
        await call('POST', '/api/v1/auth/login', {
          body: { email: account.email, password: account.password },
        })
      ).status,
    ).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/login', { body: { email: account.email, password: newPassword } }))
        .status,
    ).toBe(200);
  });

  test('lifts the lock that wrong passwords put on the owner’s address, as the lock’s answer promises', async () => {
    const account = await register(call);
    const home = '192.0.2.71';
    await lockOut(home, account.email);
    const locked = await signInFrom(home, account.email, account.password);
    expect(locked.status).toBe(429);
    expect(locked.body['detail']).toMatch(/or reset your password\.$/);
    await call('POST', '/api/v1/auth/password-reset', { body: { email: account.email } });
    const token = await tokenMailedTo(harness.outbox, account.email, 'password-reset');
    // The link is opened elsewhere (a phone on another network).
    const newPassword = 'remembered at last 31';
    const completed = await call('POST', '/api/v1/auth/password-reset/complete', {
      body: { token, password: newPassword },
      headers: { 'x-forwarded-for': '198.51.100.71' },
    });
    expect(completed.status).toBe(204);
    expect((await signInFrom(home, account.email, newPassword)).status).toBe(200);
  });

  test('an expired link is refused', async () => {
    const account = await register(call);
    await call('POST', '/api/v1/auth/password-reset', { body: { email: account.email } });
    const token = await tokenMailedTo(harness.outbox, account.email, 'password-reset');
    await harness.database.query(
      "UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [account.user.id],
    );
    const answer = await call('POST', '/api/v1/auth/password-reset/complete', {
      body: { token, password: 'too late now 12' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['detail']).toMatch(/invalid, expired or already used/);
  });

  test('mailed and refresh tokens are stored only as their SHA-256', async () => {
    const account = await register(call);
    await call('POST', '/api/v1/auth/password-reset', { body: { email: account.email } });
    const token = await tokenMailedTo(harness.outbox, account.email, 'password-reset');
    const sha256 = (value: string) => createHash('sha256').update(value).digest();
    const mailed = await harness.database.query('SELECT 1 FROM one_time_tokens WHERE token_hash = $1', [
      sha256(token),
    ]);
    expect(mailed.rowCount).toBe(1);
    const refresh = await harness.database.query('SELECT 1 FROM refresh_tokens WHERE token_hash = $1', [
      sha256(account.refreshToken),
    ]);
    expect(refresh.rowCount).toBe(1);
    const raw = await harness.database.query(
      'SELECT 1 FROM one_time_tokens WHERE token_hash = $1 UNION ALL SELECT 1 FROM refresh_tokens WHERE token_hash = $2',
      [Buffer.from(token), Buffer.from(account.refreshToken)],
    );
    expect(raw.rowCount).toBe(0);
  });
});

describe('profile', () => {
  test('reads and changes display name, bio and an https avatar', async () => {
    const account = await register(call);
    const changed = await call('PATCH', '/api/v1/users/me', {
      token: account.accessToken,
      body: { displayName: 'Ada L.', bio: 'Counts things.', avatarUrl: 'https://cdn.example.test/ada.png' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      displayName: 'Ada L.',
      bio: 'Counts things.',
      avatarUrl: 'https://cdn.example.test/ada.png',
    });
    const cleared = await call('PATCH', '/api/v1/users/me', {
      token: account.accessToken,
      body: { avatarUrl: null },
    });
    expect(cleared.body).toMatchObject({ displayName: 'Ada L.', avatarUrl: null });
  });

  test.each([
    'http://cdn.example.test/a.png',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'https://user:pw@x.test/a.png',
  ])('refuses the avatar URL %s, naming the field', async (avatarUrl) => {
    const account = await register(call);
    const answer = await call('PATCH', '/api/v1/users/me', {
      token: account.accessToken,
      body: { avatarUrl },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body['errors'])).toContain('avatarUrl');
  });

  test('changing the password needs the current one and ends the other sessions only', async () => {
    const account = await register(call);
    const other = await call<SignedIn>('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    const wrong = await call('POST', '/api/v1/users/me/password', {
      token: account.accessToken,
      body: { currentPassword: 'wrong password 1', newPassword: 'next password 22' },
    });
    expect(wrong.status).toBe(403);
    const changed = await call('POST', '/api/v1/users/me/password', {
      token: account.accessToken,
      body: { currentPassword: account.password, newPassword: 'next password 22' },
    });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(200);
    expect((await call('GET', '/api/v1/users/me', { token: other.body.accessToken })).status).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: other.body.refreshToken } }))
        .status,
    ).toBe(401);
    expect(
      (
        await call('POST', '/api/v1/auth/login', {
          body: { email: account.email, password: 'next password 22' },
        })
      ).status,
    ).toBe(200);
  });
});

describe('deleting the account', () => {
  test('leaves no row that identifies the person, and ends every session', async () => {
    const account = await register(call);
    await call('POST', '/api/v1/auth/password-reset', { body: { email: account.email } });
    await tokenMailedTo(harness.outbox, account.email, 'password-reset');
    const deleted = await call('DELETE', '/api/v1/users/me', { token: account.accessToken });
    expect(deleted.status).toBe(204);
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } })).status,
    ).toBe(401);
    for (const table of ['users', 'oauth_identities', 'refresh_token_families', 'one_time_tokens']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const rows = await harness.database.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [
        account.user.id,
      ]);
      expect({ table, rows: rows.rowCount }).toEqual({ table, rows: 0 });
    }
    const byEmail = await harness.database.query(
      'SELECT 1 FROM users WHERE email = $1 UNION ALL SELECT 1 FROM one_time_tokens WHERE email = $1',
      [account.email],
    );
    expect(byEmail.rowCount).toBe(0);
    // The address is free again.
    await register(call, { email: account.email, password: goodPassword });
  });

  test('a new account with the address of a deleted one inherits none of its sign-in lockout', async () => {
    const account = await register(call);
    const home = '192.0.2.72';
    await lockOut(home, account.email);
    expect((await call('DELETE', '/api/v1/users/me', { token: account.accessToken })).status).toBe(204);
    await register(call, { email: account.email, password: goodPassword });
    expect((await signInFrom(home, account.email, goodPassword)).status).toBe(200);
  });
});
