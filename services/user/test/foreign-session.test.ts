import jwt from 'jsonwebtoken';
import { type ApiCall, apiClient, register } from '../../../test/support/api-client';
import { serviceToken } from '../../../test/support/service-identity';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

/** A session id is not a capability: naming someone else's session ends nothing of theirs. */

let harness: UserServiceHarness;
let call: ApiCall;

beforeAll(async () => {
  harness = await startUserService();
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
});

test('ending another account’s session answers 404 and leaves that session signed in', async () => {
  const mallory = await register(call);
  const victim = await register(call);
  const victimSid = (jwt.decode(victim.accessToken) as jwt.JwtPayload)['sid'] as string;
  expect(
    (await call('DELETE', `/api/v1/auth/sessions/${victimSid}`, { token: mallory.accessToken })).status,
  ).toBe(404);
  expect((await call('GET', '/api/v1/users/me', { token: victim.accessToken })).status).toBe(200);
  const check = await call('GET', `/internal/v1/sessions/${victimSid}`, {
    token: serviceToken('gateway', 'user'),
  });
  expect(check.status).toBe(200);
});
