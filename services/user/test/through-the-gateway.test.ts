import { type StartedService, startService } from '@what-if/kit';
import { eventually } from '../../../test/support/eventually';
import { type TestStores, inProcessEnv, provisionStores } from '../../../test/support/service-chassis';
import { deadPort } from '../../../test/support/stores';
import { gatewayService } from '../../gateway/src/service';
import { type ApiCall, type SignedIn, apiClient, register } from './support/api-client';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

/**
 * The contract with the gateway, end to end: the real gateway verifies this service's tokens
 * with the kit (over the JWKS) and asks the internal session check, so a logout bites there too.
 */
let user: UserServiceHarness;
let gatewayStores: TestStores;
let gateway: StartedService<unknown>;
let viaGateway: ApiCall;

beforeAll(async () => {
  user = await startUserService();
  gatewayStores = await provisionStores(['redis']);
  gateway = await startService(gatewayService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...gatewayStores.env,
      USER_SERVICE_URL: user.service.url,
      // Nothing listens there: a request the gateway lets through answers 503, one it refuses 401.
      HISTORY_SERVICE_URL: `http://127.0.0.1:${await deadPort()}`,
      // Every request asks the session check, so the test needs no waiting for a cache to expire.
      SESSION_CACHE_SECONDS: '0',
    },
  });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200));
  viaGateway = apiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.stop();
  await gatewayStores?.cleanup();
  await user?.close();
});

test('a token this service signs passes the gateway, and stops passing once its session is logged out', async () => {
  const account = await register(viaGateway);
  const me = await viaGateway('GET', '/api/v1/users/me', { token: account.accessToken });
  expect(me.status).toBe(200);
  expect(me.body['id']).toBe(account.user.id);

  const other = await viaGateway<SignedIn>('POST', '/api/v1/auth/login', {
    body: { email: account.email, password: account.password },
  });
  expect((await viaGateway('POST', '/api/v1/auth/logout', { token: other.body.accessToken })).status).toBe(
    204,
  );
  const afterLogout = await viaGateway('GET', '/api/v1/users/me', { token: other.body.accessToken });
  expect(afterLogout.status).toBe(401);
  expect((await viaGateway('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(200);
});

test('a tampered token is refused at the gateway', async () => {
  const account = await register(viaGateway);
  const [header, , signature] = account.accessToken.split('.');
  const forged = Buffer.from(
    JSON.stringify({
      sub: account.user.id,
      roles: ['user', 'admin'],
      sid: 'x',
      iss: 'what-if',
      aud: 'what-if-api',
    }),
  ).toString('base64url');
  const answer = await viaGateway('GET', '/api/v1/admin/users', {
    token: `${header}.${forged}.${signature}`,
  });
  expect(answer.status).toBe(401);
});
