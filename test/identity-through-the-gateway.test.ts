import { generateKeyPairSync } from 'node:crypto';
import { type ApiCall, type SignedIn, apiClient, register } from './support/api-client';
import { eventually } from './support/eventually';
import { type TestStores, provisionStores } from './support/service-chassis';
import {
  type GatewayInFront,
  type ServiceProcess,
  startGatewayInFront,
  startServiceProcess,
} from './support/service-processes';

/**
 * The user service and the gateway, each in its own process: the gateway verifies the user
 * service's tokens over its JWKS and asks its internal session check, so a logout bites there too.
 */
let userStores: TestStores;
let user: ServiceProcess;
let gateway: GatewayInFront;
let viaGateway: ApiCall;

beforeAll(async () => {
  userStores = await provisionStores(['postgres', 'redis']);
  user = await startServiceProcess('user', {
    env: {
      ...userStores.env,
      JWT_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString(),
      MAILER: 'log',
    },
  });
  await eventually(async () => expect((await fetch(`${user.url}/health/ready`)).status).toBe(200));
  // The other services are not there: a request the gateway lets through answers 503, one it refuses 401.
  gateway = await startGatewayInFront(
    { user: user.url },
    // Every request asks the session check, so the test needs no waiting for a cache to expire.
    { SESSION_CACHE_SECONDS: '0' },
  );
  viaGateway = apiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.stop();
  await user?.stop();
  await userStores?.cleanup();
});

test('a token the user service signs passes the gateway, and stops passing once its session is logged out', async () => {
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
