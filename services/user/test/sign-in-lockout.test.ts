import { eventually } from '../../../test/support/eventually';
import { type ApiCall, apiClient, register, uniqueEmail } from '../../../test/support/api-client';
import { type UserServiceHarness, startUserService, tokenMailedTo } from './support/user-service-harness';

let harness: UserServiceHarness;
let call: ApiCall;

// Three failures lock an address out for five seconds; six from anywhere lock the account. Failures
// are counted over the same window, so it must outlast three argon2id checks on a busy machine.
beforeAll(async () => {
  harness = await startUserService({
    LOGIN_LOCKOUT_THRESHOLD: '3',
    LOGIN_ACCOUNT_LOCKOUT_THRESHOLD: '6',
    LOGIN_LOCKOUT_SECONDS: '5',
  });
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
});

function loginFrom(ip: string, email: string, password: string) {
  return call('POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': ip },
  });
}

describe('brute force on one account', () => {
  test('locks the guessing address out with 429, Retry-After and the duration, then lets it in after the period', async () => {
    const account = await register(call);
    const attacker = '198.51.100.1';
    expect((await loginFrom(attacker, account.email, 'wrong guess 1')).status).toBe(401);
    expect((await loginFrom(attacker, account.email, 'wrong guess 2')).status).toBe(401);
    const locked = await loginFrom(attacker, account.email, 'wrong guess 3');
    expect(locked.status).toBe(429);
    expect(locked.body['type']).toBe('/problems/sign-in-locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(locked.body['detail']).toMatch(/try again in \d+ seconds?/);

    // Even the right password is refused while locked, so guessing cannot continue.
    expect((await loginFrom(attacker, account.email, account.password)).status).toBe(429);
    // The owner, elsewhere, is not locked out.
    expect((await loginFrom('192.0.2.50', account.email, account.password)).status).toBe(200);

    // The lock lifts by itself after the period.
    await eventually(
      async () => expect((await loginFrom(attacker, account.email, account.password)).status).toBe(200),
      20_000,
      250,
    );
  });

  test('an unknown address locks exactly like a real one (no enumeration through the lockout)', async () => {
    const ip = '198.51.100.2';
    const email = uniqueEmail('ghost');
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await loginFrom(ip, email, 'guess guess 1')).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  test('guessing spread over many addresses locks the account for new addresses only, never for familiar ones', async () => {
    const account = await register(call);
    const home = '192.0.2.10';
    expect((await loginFrom(home, account.email, account.password)).status).toBe(200);
    const answers = [];
    for (let bot = 0; bot < 6; bot += 1)
      answers.push((await loginFrom(`203.0.113.${bot + 1}`, account.email, 'botnet guess 1')).status);
    expect(answers[answers.length - 1]).toBe(429);
    // A fresh address is refused, even with the right password...
    expect((await loginFrom('203.0.113.99', account.email, account.password)).status).toBe(429);
    // ...but the owner's familiar address still signs in.
    expect((await loginFrom(home, account.email, account.password)).status).toBe(200);
  });

  test('a password reset lifts the account-wide lock', async () => {
    const account = await register(call);
    for (let bot = 0; bot < 6; bot += 1)
      await loginFrom(`203.0.114.${bot + 1}`, account.email, 'botnet guess 2');
    expect((await loginFrom('203.0.114.200', account.email, account.password)).status).toBe(429);
    expect(
      (await call('POST', '/api/v1/auth/password-reset', { body: { email: account.email } })).status,
    ).toBe(202);
    const token = await tokenMailedTo(harness.outbox, account.email, 'password-reset');
    const newPassword = 'a brand new secret 7';
    expect(
      (await call('POST', '/api/v1/auth/password-reset/complete', { body: { token, password: newPassword } }))
        .status,
    ).toBe(204);
    expect((await loginFrom('203.0.114.200', account.email, newPassword)).status).toBe(200);
  });
});
