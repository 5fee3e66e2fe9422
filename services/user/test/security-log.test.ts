import { captureLogs } from '../../../test/support/logs';
import { type ApiCall, type SignedIn, apiClient, register } from '../../../test/support/api-client';
import { craftedServiceToken, serviceToken } from '../../../test/support/service-identity';
import { eventually } from '../../../test/support/eventually';
import {
  type UserServiceHarness,
  mailTo,
  startUserService,
  tokenMailedTo,
} from './support/user-service-harness';

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

describe('reaching the port is not enough: the session check needs the gateway’s service token', () => {
  async function liveSession() {
    const account = await register(call);
    const sid = (
      JSON.parse(Buffer.from(account.accessToken.split('.')[1]!, 'base64url').toString()) as {
        sid: string;
      }
    ).sid;
    return { account, path: `/internal/v1/sessions/${sid}` };
  }

  test('without a token, or with a user’s access token, it is 401 and says nothing about the session', async () => {
    const { account, path } = await liveSession();
    for (const token of [undefined, account.accessToken]) {
      const answer = await call('GET', path, token ? { token } : {});
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ type: '/problems/invalid-service-token' });
      expect(JSON.stringify(answer.body)).not.toContain(account.user.id);
    }
    expect(securityEvents('service-authentication')).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'denied', reason: 'no token', path })]),
    );
  });

  test('a service token from a service the catalog does not let call this endpoint is 403, and logged', async () => {
    const { path } = await liveSession();
    // History may call user (for its JWKS), but the session check is the gateway's alone.
    const answer = await call('GET', path, { token: serviceToken('generation', 'user') });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ type: '/problems/caller-not-allowed' });
    expect(securityEvents('service-authorization')).toEqual(
      expect.arrayContaining([expect.objectContaining({ outcome: 'denied', caller: 'generation', path })]),
    );
    const asGateway = await call('GET', path, { token: serviceToken('gateway', 'user') });
    expect(asGateway.status).toBe(200);
  });

  test('a token signed for another service, or by a key that is not the caller’s, is 401', async () => {
    const { path } = await liveSession();
    const forHistory = craftedServiceToken('gateway', { aud: 'what-if:history' });
    const forged = craftedServiceToken('sharing', {
      kid: 'gateway',
      iss: 'what-if:gateway',
      sub: 'gateway',
      aud: 'what-if:user',
    });
    for (const token of [forHistory, forged]) {
      expect((await call('GET', path, { token })).status).toBe(401);
    }
  });
});

test('one address gets at most the allowed reset mails per window, however many clients ask; each ask still answers 202', async () => {
  const account = await register(call);
  const statuses = [];
  for (let ask = 0; ask < 5; ask += 1) {
    const answer = await call('POST', '/api/v1/auth/password-reset', {
      body: { email: account.email },
      headers: { 'x-forwarded-for': `203.0.113.${ask + 1}` },
    });
    statuses.push(answer.status);
  }
  expect(statuses).toEqual([202, 202, 202, 202, 202]);
  // Every ask is decided (and logged) after its 202; the mails of the allowed ones follow.
  const decisions = () =>
    securityEvents('password-reset-request').filter((line) => line['userId'] === account.user.id);
  await eventually(async () => expect(decisions()).toHaveLength(5));
  expect(decisions().filter((line) => line['outcome'] === 'succeeded')).toHaveLength(3);
  expect(decisions().filter((line) => line['outcome'] === 'denied')).toEqual([
    expect.objectContaining({ reason: 'mail limit for this address' }),
    expect.objectContaining({ reason: 'mail limit for this address' }),
  ]);
  await eventually(async () =>
    expect(
      (await mailTo(harness.outbox, account.email)).filter((mail) => mail.kind === 'password-reset'),
    ).toHaveLength(3),
  );
  // Another address keeps its own allowance.
  const other = await register(call);
  await call('POST', '/api/v1/auth/password-reset', { body: { email: other.email } });
  await tokenMailedTo(harness.outbox, other.email, 'password-reset');
});
