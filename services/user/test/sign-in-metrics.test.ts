import { type ApiCall, apiClient, register } from '../../../test/support/api-client';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

let harness: UserServiceHarness;
let call: ApiCall;

// Three failures lock an address out; the window outlasts three argon2id checks on a busy machine.
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

async function counted(): Promise<{ failures: number; addressLockouts: number }> {
  const text = await (await fetch(`${harness.service.url}/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    failures: value(/^user_sign_in_failures_total\{[^}]*\} (\d+)$/m),
    addressLockouts: value(/^user_sign_in_lockouts_total\{[^}]*scope="address"[^}]*\} (\d+)$/m),
  };
}

test('each wrong password counts as a sign-in failure, and a lock as a lockout, on /metrics', async () => {
  const account = await register(call);
  const before = await counted();
  for (const guess of ['one', 'two', 'three']) {
    await call('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: `wrong ${guess}` },
      headers: { 'x-forwarded-for': '198.51.100.200' },
    });
  }
  const after = await counted();
  expect(after.failures - before.failures).toBe(3);
  expect(after.addressLockouts - before.addressLockouts).toBe(1);
});
