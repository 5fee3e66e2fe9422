import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { eventually } from '../../../test/support/eventually';
import {
  createTestSigningKey,
  signAccessToken,
  testAudience,
  testIssuer,
} from '../../../test/support/tokens';
import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

let subject: GatewayUnderTest;

beforeAll(async () => {
  subject = await startGatewayUnderTest({ SESSION_CACHE_SECONDS: '1' });
});

afterAll(() => subject.stop());

function get(path: string, token?: string) {
  return fetch(`${subject.gateway.url}${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

function historyReached(): number {
  return subject.fakes.upstreams.find((fake) => fake.name === 'history')!.received.length;
}

describe('routes that require a token', () => {
  test('without one: 401 problem+json with a Bearer challenge, and the service never sees the request', async () => {
    const before = historyReached();
    const response = await get('/api/v1/scenarios');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await response.json()).toMatchObject({ type: '/problems/invalid-token', status: 401 });
    expect(historyReached()).toBe(before);
  });

  test('with a valid one: forwarded, the token passed on for the service to verify too', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sid: 'live-session' });
    const response = await get('/api/v1/scenarios', token);
    expect(response.status).toBe(200);
    const history = subject.fakes.upstreams.find((fake) => fake.name === 'history')!;
    expect(history.received.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  });
});

describe('tokens an attacker could forge', () => {
  const key = () => subject.fakes.signingKey;
  const claims = { sub: 'attacker', roles: ['admin'], sid: 'session-x', iss: testIssuer, aud: testAudience };

  const forgeries: Array<[string, () => string]> = [
    ['alg none', () => jwt.sign(claims, '', { algorithm: 'none', keyid: key().kid })],
    [
      'HS256 signed with the public key as the secret',
      () =>
        jwt.sign(claims, key().publicKey.export({ type: 'spki', format: 'pem' }).toString(), {
          algorithm: 'HS256',
          keyid: key().kid,
        }),
    ],
    ['expired', () => signAccessToken(key(), { expiresInSeconds: -60 })],
    ['not yet valid', () => signAccessToken(key(), { notBeforeSeconds: 600 })],
    ['from another issuer', () => signAccessToken(key(), { issuer: 'https://evil.example' })],
    ['for another audience', () => signAccessToken(key(), { audience: 'another-api' })],
    ['with an unknown key id', () => signAccessToken({ ...createTestSigningKey() })],
    [
      'signed by another key under the published key id',
      () => signAccessToken({ ...createTestSigningKey(), kid: key().kid }),
    ],
    [
      'with a tampered payload',
      () => {
        const [header, , signature] = signAccessToken(key()).split('.');
        const payload = Buffer.from(
          JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 900 }),
        ).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
    [
      'RS256 with a key of its own',
      () => {
        const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return jwt.sign(claims, privateKey, { algorithm: 'RS256', keyid: key().kid });
      },
    ],
    ['that is not a JWT at all', () => 'definitely-not-a-token'],
  ];

  test.each(forgeries)('a token %s is refused with 401', async (_name, forge) => {
    const before = historyReached();
    const response = await get('/api/v1/scenarios', forge());
    expect(response.status).toBe(401);
    expect(historyReached()).toBe(before);
  });

  test('refusals are logged as security events with the reason, never the token', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { issuer: 'https://evil.example' });
    const response = await get('/api/v1/scenarios', token);
    const requestId = response.headers.get('x-request-id');
    const event = subject.logs.lines.find(
      (line) =>
        line['securityEvent'] === true && line['requestId'] === requestId && line['outcome'] === 'denied',
    );
    expect(event).toMatchObject({ event: 'authentication', reason: expect.stringContaining('issuer') });
    expect(JSON.stringify(subject.logs.lines)).not.toContain(token);
  });
});

describe('the security log of access decisions', () => {
  function eventsOf(response: Response) {
    const requestId = response.headers.get('x-request-id');
    return subject.logs.lines.filter(
      (line) => line['securityEvent'] === true && line['requestId'] === requestId,
    );
  }

  test('a request without a token is one denied event, saying so, with the path and the client', async () => {
    const response = await get('/api/v1/scenarios');
    expect(eventsOf(response)).toEqual([
      expect.objectContaining({
        event: 'authentication',
        outcome: 'denied',
        reason: 'no token',
        path: '/api/v1/scenarios',
        ip: expect.stringContaining('127.0.0.1'),
      }),
    ]);
  });

  test('an accepted token is an allowed event naming the user and the path', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sub: 'logged-user', sid: 'logged-session' });
    const response = await get('/api/v1/scenarios', token);
    expect(response.status).toBe(200);
    expect(eventsOf(response)).toEqual([
      expect.objectContaining({
        event: 'authentication',
        outcome: 'allowed',
        userId: 'logged-user',
        path: '/api/v1/scenarios',
      }),
    ]);
  });

  test('a signed token of an ended session is one denied event saying the session ended', async () => {
    subject.fakes.endedSessions.add('ended-before');
    const token = signAccessToken(subject.fakes.signingKey, { sid: 'ended-before' });
    const response = await get('/api/v1/scenarios', token);
    expect(response.status).toBe(401);
    expect(eventsOf(response)).toEqual([
      expect.objectContaining({ event: 'authentication', outcome: 'denied', reason: 'session ended' }),
    ]);
  });
});

describe('routes where a token is optional or not looked at', () => {
  test('optional: anonymous requests pass, a bad token does not', async () => {
    expect((await get('/api/v1/feed')).status).toBe(200);
    expect((await get('/api/v1/feed', 'garbage.token.here')).status).toBe(401);
  });

  test('public: sign-in endpoints are reachable without a token', async () => {
    const response = await fetch(`${subject.gateway.url}/api/v1/auth/jwks`);
    expect(response.status).toBe(200);
  });

  test('public: whatever Authorization a request carries is not looked at (the service decides)', async () => {
    const checks = subject.fakes.sessionChecks();
    expect((await get('/api/v1/auth/jwks', 'garbage.token.here')).status).toBe(200);
    const basic = await fetch(`${subject.gateway.url}/api/v1/auth/jwks`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(basic.status).toBe(200);
    expect((await get('/api/v1/auth/jwks', signAccessToken(subject.fakes.signingKey))).status).toBe(200);
    expect(subject.fakes.sessionChecks()).toBe(checks);
  });

  test('HEAD follows GET: a public GET answers HEAD without a token, a protected one asks for it', async () => {
    const head = (path: string) => fetch(`${subject.gateway.url}${path}`, { method: 'HEAD' });
    expect((await head('/api/v1/scenarios/suggestions')).status).toBe(200);
    expect((await head('/api/v1/feed')).status).toBe(200);
    const protectedHead = await head('/api/v1/scenarios');
    expect(protectedHead.status).toBe(401);
    expect(protectedHead.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('sessions that ended', () => {
  test('a logged-out session’s token stops working within the cache interval', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sid: 'to-be-ended' });
    expect((await get('/api/v1/scenarios', token)).status).toBe(200);
    subject.fakes.endedSessions.add('to-be-ended');
    await eventually(async () => expect((await get('/api/v1/scenarios', token)).status).toBe(401), 5_000);
  });

  test('answers are cached: a burst of requests asks the user service about a session once', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sid: 'burst-session' });
    const before = subject.fakes.sessionChecks();
    await Promise.all(Array.from({ length: 10 }, () => get('/api/v1/scenarios', token)));
    expect(subject.fakes.sessionChecks() - before).toBe(1);
  });
});
