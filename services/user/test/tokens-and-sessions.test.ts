import { createTokenVerifier, jwksKeySource } from '@what-if/kit';
import jwt from 'jsonwebtoken';
import { captureLogs } from '../../../test/support/logs';
import {
  type ApiCall,
  type SignedIn,
  apiClient,
  register,
  uniqueEmail,
} from '../../../test/support/api-client';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';
import { serviceToken } from '../../../test/support/service-identity';

/** The session check is the gateway's: it calls with its service token. */
const asGateway = {
  get token() {
    return serviceToken('gateway', 'user');
  },
};

let harness: UserServiceHarness;
let call: ApiCall;

beforeAll(async () => {
  harness = await startUserService();
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
});

function verifierOverJwks() {
  return createTokenVerifier({
    keys: jwksKeySource({ url: `${harness.service.url}/api/v1/auth/jwks`, logger: captureLogs().logger }),
    issuer: harness.service.config.JWT_ISSUER,
    audience: harness.service.config.JWT_AUDIENCE,
  });
}

describe('registration and sign-in', () => {
  test('register answers 201 with the account and a token pair, and a taken address answers 409', async () => {
    const email = uniqueEmail();
    const first = await call<SignedIn>('POST', '/api/v1/auth/register', {
      body: { email, password: 'a long secret 1', displayName: 'Grace' },
    });
    expect(first.status).toBe(201);
    expect(first.body.user).toMatchObject({
      email,
      displayName: 'Grace',
      roles: ['user'],
      emailVerified: false,
    });
    expect(first.body.expiresIn).toBe(900);
    expect(first.headers.get('set-cookie')).toMatch(
      /whatif_refresh=[^;]+; Max-Age=\d+; Path=\/api\/v1\/auth; Expires=[^;]+; HttpOnly; SameSite=Strict/,
    );
    const again = await call('POST', '/api/v1/auth/register', {
      body: { email: email.toUpperCase(), password: 'another secret 2', displayName: 'Mallory' },
    });
    expect(again.status).toBe(409);
    expect(again.body['type']).toBe('/problems/email-taken');
  });

  test('a weak password is refused with the policy, naming the field', async () => {
    const answer = await call('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: 'short', displayName: 'Weak' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['detail']).toContain('password');
    expect(answer.body['detail']).toContain('10 to 128 characters');
    expect(answer.body['errors']).toEqual([expect.objectContaining({ path: '/body/password' })]);
    expect(answer.body['detail']).toBe(
      'The request is invalid: password must have 10 to 128 characters (it has 5).',
    );
  });

  test('each policy message is one clean sentence naming the field and the rule it breaks', async () => {
    const refused = async (email: string, password: string) =>
      (
        await call('POST', '/api/v1/auth/register', {
          body: { email, password, displayName: 'Policy' },
        })
      ).body['detail'];
    expect(await refused(uniqueEmail(), 'onlyletterspassword')).toBe(
      'The request is invalid: password must have at least one letter and at least one digit or symbol.',
    );
    const local = `tables${Date.now()}`;
    expect(await refused(`${local}@example.com`, `Little-${local}-2024!`)).toBe(
      `The request is invalid: password must not contain the name part of your email address ("${local}").`,
    );
  });

  test('a short name part of the address does not count against a password that merely contains it', async () => {
    // The address's name part is exactly "bob"; the password merely contains "Bob".
    const answer = await call('POST', '/api/v1/auth/register', {
      body: { email: `bob@b${Date.now()}.example.com`, password: 'Bobby-Tables-2024!', displayName: 'Bob' },
    });
    expect(answer.status).toBe(201);
  });

  test('login answers 200 with a new session; a wrong password and an unknown address answer identically', async () => {
    const account = await register(call);
    const good = await call<SignedIn>('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect(good.status).toBe(200);
    expect(good.body.user.id).toBe(account.user.id);

    const wrongPassword = await call('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: 'not the password 1' },
    });
    const unknownEmail = await call('POST', '/api/v1/auth/login', {
      body: { email: uniqueEmail('nobody'), password: 'not the password 1' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const comparable = (body: Record<string, unknown>) => ({
      ...body,
      requestId: undefined,
      instance: undefined,
    });
    expect(comparable(unknownEmail.body)).toEqual(comparable(wrongPassword.body));
    expect([...unknownEmail.headers.keys()].sort()).toEqual([...wrongPassword.headers.keys()].sort());
  });
});

describe('access tokens', () => {
  test('are ES256 with the key thumbprint as kid and the contract claims, and the kit verifier accepts them over the JWKS', async () => {
    const account = await register(call);
    const decoded = jwt.decode(account.accessToken, { complete: true })!;
    expect(decoded.header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    const jwks = await call<{ keys: Array<Record<string, string>> }>('GET', '/api/v1/auth/jwks');
    expect(jwks.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(jwks.body.keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256', kid: decoded.header.kid }),
    ]);
    expect(jwks.body.keys[0]).not.toHaveProperty('d');
    const claims = decoded.payload as jwt.JwtPayload;
    expect(claims).toMatchObject({
      sub: account.user.id,
      roles: ['user'],
      iss: 'what-if',
      aud: 'what-if-api',
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    const principal = await verifierOverJwks().verify(account.accessToken);
    expect(principal).toEqual({ userId: account.user.id, roles: ['user'], sessionId: claims['sid'] });
  });

  test('a tampered token is rejected by the kit verifier and by this service', async () => {
    const account = await register(call);
    const [header, payload, signature] = account.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['user', 'admin'] })).toString('base64url');
    const tampered = `${header}.${forged}.${signature}`;
    await expect(verifierOverJwks().verify(tampered)).rejects.toThrow();
    const answer = await call('GET', '/api/v1/users/me', { token: tampered });
    expect(answer.status).toBe(401);
    expect(answer.body['type']).toBe('/problems/invalid-token');
  });
});

describe('refresh tokens', () => {
  test('rotate on every use: each refresh issues a new pair that works', async () => {
    const account = await register(call);
    const first = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(account.refreshToken);
    const second = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(second.status).toBe(200);
    expect((await call('GET', '/api/v1/users/me', { token: second.body.accessToken })).status).toBe(200);
  });

  test('a spent refresh token presented after its successor was used revokes the whole session', async () => {
    const account = await register(call);
    const rotated = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(rotated.status).toBe(200);
    const moved = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(moved.status).toBe(200);

    const replay = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(replay.body['type']).toBe('/problems/invalid-refresh-token');

    // The legitimate holder's newest token is dead too: the family is revoked.
    const legit = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: moved.body.refreshToken },
    });
    expect(legit.status).toBe(401);
    const sid = (jwt.decode(rotated.body.accessToken) as jwt.JwtPayload)['sid'] as string;
    expect((await call('GET', `/internal/v1/sessions/${sid}`, asGateway)).status).toBe(404);
    expect((await call('GET', '/api/v1/users/me', { token: moved.body.accessToken })).status).toBe(401);
    const family = await harness.database.query(
      'SELECT revoked_reason FROM refresh_token_families WHERE id = $1',
      [sid],
    );
    expect(family.rows[0]).toEqual({ revoked_reason: 'refresh token reused' });
  });

  test('an answer lost on the way: the same token again within seconds gets a new pair, and the lost one stops working', async () => {
    const account = await register(call);
    const lost = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(lost.status).toBe(200);

    const retry = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.refreshToken).not.toBe(lost.body.refreshToken);
    const sid = (token: string) => (jwt.decode(token) as jwt.JwtPayload)['sid'] as string;
    expect(sid(retry.body.accessToken)).toBe(sid(lost.body.accessToken));

    // The answer that never arrived is worth nothing now, and presenting it ends nothing.
    const stale = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: lost.body.refreshToken },
    });
    expect(stale.status).toBe(401);
    const next = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: retry.body.refreshToken },
    });
    expect(next.status).toBe(200);
    expect((await call('GET', '/api/v1/users/me', { token: next.body.accessToken })).status).toBe(200);
  });

  test('the same token again after the grace window is reuse and revokes the session', async () => {
    const account = await register(call);
    const rotated = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(rotated.status).toBe(200);
    const sid = (jwt.decode(rotated.body.accessToken) as jwt.JwtPayload)['sid'] as string;
    // As if a minute had passed since the refresh: the spend and its successor move back together.
    await harness.database.query(
      `UPDATE refresh_tokens SET used_at = used_at - interval '1 minute',
         issued_at = issued_at - interval '1 minute' WHERE family_id = $1`,
      [sid],
    );

    const replay = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(replay.status).toBe(401);
    const legit = await call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(legit.status).toBe(401);
    const family = await harness.database.query(
      'SELECT revoked_reason FROM refresh_token_families WHERE id = $1',
      [sid],
    );
    expect(family.rows[0]).toEqual({ revoked_reason: 'refresh token reused' });
  });

  test('concurrent refreshes with one token (two tabs) keep the session, with exactly one live successor', async () => {
    const account = await register(call);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call<SignedIn>('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const sid = (jwt.decode(answers[0]!.body.accessToken) as jwt.JwtPayload)['sid'] as string;

    const outcomes = [];
    for (const answer of answers) {
      const next = await call('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: answer.body.refreshToken },
      });
      outcomes.push(next.status);
    }
    expect(outcomes.filter((status) => status === 200)).toHaveLength(1);
    const family = await harness.database.query(
      'SELECT revoked_at FROM refresh_token_families WHERE id = $1',
      [sid],
    );
    expect(family.rows[0]).toEqual({ revoked_at: null });
  });

  test('the httpOnly cookie refreshes a browser session, and logout clears it', async () => {
    const account = await register(call);
    const answer = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      headers: { cookie: `other=1; whatif_refresh=${account.refreshToken}` },
    });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toContain(`whatif_refresh=${answer.body.refreshToken}`);
    const logout = await call('POST', '/api/v1/auth/logout', { token: answer.body.accessToken });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/whatif_refresh=;.*Expires=Thu, 01 Jan 1970/);
  });

  test('garbage, unknown and missing refresh tokens answer 401', async () => {
    for (const body of [{ refreshToken: "' OR 1=1 --" }, { refreshToken: 'A'.repeat(43) }, {}]) {
      const answer = await call('POST', '/api/v1/auth/refresh', { body });
      expect(answer.status).toBe(401);
    }
  });
});

describe('sessions', () => {
  test('logout ends that session at once: its refresh token, its access token here, and the gateway check', async () => {
    const account = await register(call);
    const other = await call<SignedIn>('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    const sid = (jwt.decode(account.accessToken) as jwt.JwtPayload)['sid'] as string;
    expect((await call('GET', `/internal/v1/sessions/${sid}`, asGateway)).body).toEqual({
      active: true,
      userId: account.user.id,
      roles: ['user'],
    });

    expect((await call('POST', '/api/v1/auth/logout', { token: account.accessToken })).status).toBe(204);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } })).status,
    ).toBe(401);
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(401);
    const internal = await call('GET', `/internal/v1/sessions/${sid}`, asGateway);
    expect(internal.status).toBe(404);
    expect(internal.headers.get('content-type')).toContain('application/problem+json');
    // The other session is untouched.
    expect((await call('GET', '/api/v1/users/me', { token: other.body.accessToken })).status).toBe(200);
  });

  test('the session list shows each sign-in with its client, marks the current one, and pages', async () => {
    const account = await register(call);
    for (const agent of ['phone', 'laptop']) {
      await call('POST', '/api/v1/auth/login', {
        body: { email: account.email, password: account.password },
        headers: { 'user-agent': agent, 'x-forwarded-for': '203.0.113.7' },
      });
    }
    const firstPage = await call<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(
      'GET',
      '/api/v1/auth/sessions?limit=2',
      { token: account.accessToken },
    );
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    const secondPage = await call<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(
      'GET',
      `/api/v1/auth/sessions?limit=2&cursor=${firstPage.body.nextCursor}`,
      { token: account.accessToken },
    );
    expect(secondPage.body.items).toHaveLength(1);
    expect(secondPage.body.nextCursor).toBeNull();
    const all = [...firstPage.body.items, ...secondPage.body.items];
    expect(all.filter((session) => session['current'])).toHaveLength(1);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userAgent: 'laptop', ip: '203.0.113.7', current: false }),
      ]),
    );
    const bad = await call('GET', '/api/v1/auth/sessions?cursor=not-a-cursor', {
      token: account.accessToken,
    });
    expect(bad.status).toBe(400);
  });

  test('one session can be ended from the list', async () => {
    const account = await register(call);
    const other = await call<SignedIn>('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    const otherSid = (jwt.decode(other.body.accessToken) as jwt.JwtPayload)['sid'] as string;
    expect(
      (await call('DELETE', `/api/v1/auth/sessions/${otherSid}`, { token: account.accessToken })).status,
    ).toBe(204);
    expect((await call('GET', '/api/v1/users/me', { token: other.body.accessToken })).status).toBe(401);
    expect(
      (await call('DELETE', `/api/v1/auth/sessions/${otherSid}`, { token: account.accessToken })).status,
    ).toBe(404);
  });

  test('logout-all ends every session of the account', async () => {
    const account = await register(call);
    const other = await call<SignedIn>('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect((await call('POST', '/api/v1/auth/logout-all', { token: other.body.accessToken })).status).toBe(
      204,
    );
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: account.refreshToken } })).status,
    ).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: other.body.refreshToken } }))
        .status,
    ).toBe(401);
  });

  test('the internal check answers 404 for ids that are not live sessions, whatever their shape', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"]) {
      expect((await call('GET', `/internal/v1/sessions/${encodeURIComponent(id)}`, asGateway)).status).toBe(
        404,
      );
    }
  });
});
