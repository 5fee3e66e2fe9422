import { captureLogs } from '../../../test/support/logs';
import { type ApiCall, type SignedIn, apiClient, register } from '../../../test/support/api-client';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

let harness: UserServiceHarness;
let call: ApiCall;
const logs = captureLogs('user');

beforeAll(async () => {
  harness = await startUserService({}, logs.logger);
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
});

function securityEvents(event: string) {
  return logs.lines.filter((line) => line['securityEvent'] === true && line['event'] === event);
}

test('every auth decision is logged as a security event with the request id, and no secret reaches the log', async () => {
  const account = await register(call);
  await call('POST', '/api/v1/auth/login', {
    body: { email: account.email, password: 'wrong password 1' },
    headers: { 'x-request-id': 'security-log-0001' },
  });
  const refreshed = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
    body: { refreshToken: account.refreshToken },
  });
  const retried = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
    body: { refreshToken: account.refreshToken },
  });
  await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: retried.body.refreshToken } });
  await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } });
  await call('GET', '/api/v1/admin/users', { token: refreshed.body.accessToken });

  expect(securityEvents('registration')).toEqual([
    expect.objectContaining({ outcome: 'succeeded', userId: account.user.id }),
  ]);
  expect(securityEvents('login')).toEqual([
    expect.objectContaining({
      outcome: 'denied',
      reason: 'invalid credentials',
      requestId: 'security-log-0001',
    }),
  ]);
  expect(securityEvents('token-refresh').map((line) => line['outcome'])).toEqual([
    'succeeded',
    'succeeded',
    'succeeded',
    'denied',
  ]);
  expect(securityEvents('token-refresh')[1]).toMatchObject({
    reason: 'spent token again within the grace window: its unused successor replaced',
  });
  expect(securityEvents('token-refresh')[3]).toMatchObject({
    reason: 'refresh token reused: session revoked',
  });
  expect(securityEvents('authentication').concat(securityEvents('authorization'))).not.toEqual([]);

  const everything = JSON.stringify(logs.lines);
  for (const secret of [
    account.password,
    'wrong password 1',
    account.refreshToken,
    account.accessToken,
    refreshed.body.refreshToken,
    retried.body.refreshToken,
  ]) {
    expect(everything).not.toContain(secret);
  }
  expect(everything).not.toContain(account.email);
});
