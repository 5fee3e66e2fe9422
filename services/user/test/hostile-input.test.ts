import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { type ApiCall, apiClient, register, uniqueEmail } from '../../../test/support/api-client';
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

const injections = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  "admin'--",
  '1; SELECT pg_sleep(5)',
  "Robert'); DELETE FROM refresh_tokens; --",
  '$1',
  '%_\\',
];

async function tablesIntact(): Promise<void> {
  const counts = await harness.database.query(
    'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM refresh_tokens) AS tokens',
  );
  expect(Number(counts.rows[0].users)).toBeGreaterThan(0);
  expect(Number(counts.rows[0].tokens)).toBeGreaterThan(0);
}

describe('SQL injection strings', () => {
  test.each(injections)('are stored verbatim in free-text fields: %s', async (text) => {
    const account = await register(call, { displayName: text });
    expect(account.user.displayName).toBe(text);
    const changed = await call('PATCH', '/api/v1/users/me', {
      token: account.accessToken,
      body: { bio: text, displayName: text },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ bio: text, displayName: text });
    const stored = await harness.database.query('SELECT display_name, bio FROM users WHERE id = $1', [
      account.user.id,
    ]);
    expect(stored.rows[0]).toEqual({ display_name: text, bio: text });
    await tablesIntact();
  });

  test.each(injections)(
    'sign nobody in and change nothing through credential and token fields: %s',
    async (text) => {
      const victim = await register(call);
      const asEmail = await call('POST', '/api/v1/auth/login', { body: { email: text, password: text } });
      expect(asEmail.status).toBe(401);
      const asPassword = await call('POST', '/api/v1/auth/login', {
        body: { email: victim.email, password: text },
      });
      expect(asPassword.status).toBe(401);
      expect(
        (
          await call('POST', '/api/v1/auth/register', {
            body: { email: text, password: 'fine password 1', displayName: 'x' },
          })
        ).status,
      ).toBe(400);
      expect((await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: text } })).status).toBe(401);
      expect((await call('POST', '/api/v1/auth/password-reset', { body: { email: text } })).status).toBe(202);
      expect(
        (
          await call('POST', '/api/v1/auth/password-reset/complete', {
            body: { token: text, password: 'fine password 1' },
          })
        ).status,
      ).toBe(400);
      expect((await call('POST', '/api/v1/auth/email-verification', { body: { token: text } })).status).toBe(
        400,
      );
      expect((await call('GET', `/internal/v1/sessions/${encodeURIComponent(text)}`, asGateway)).status).toBe(
        404,
      );
      expect(
        (
          await call('DELETE', `/api/v1/auth/sessions/${encodeURIComponent(text)}`, {
            token: victim.accessToken,
          })
        ).status,
      ).toBe(400);
      await tablesIntact();
      expect(
        (
          await call('POST', '/api/v1/auth/login', {
            body: { email: victim.email, password: victim.password },
          })
        ).status,
      ).toBe(200);
    },
  );
});

describe('oversized and malformed input', () => {
  test.each([
    ['email', { email: `${'a'.repeat(250)}@example.test`, password: 'fine password 1', displayName: 'x' }],
    ['displayName', { email: uniqueEmail(), password: 'fine password 1', displayName: 'x'.repeat(81) }],
    ['password', { email: uniqueEmail(), password: 'p1'.repeat(600), displayName: 'x' }],
  ])('an oversized %s is refused with a 400 naming it, and nothing is written', async (field, body) => {
    const before = await harness.database.query('SELECT count(*) AS n FROM users');
    const answer = await call('POST', '/api/v1/auth/register', { body });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body['errors'])).toContain(field);
    const after = await harness.database.query('SELECT count(*) AS n FROM users');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  test('a password over the policy maximum names the policy', async () => {
    const answer = await call('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: 'a1'.repeat(70), displayName: 'x' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['detail']).toContain('10 to 128 characters');
  });

  test('an oversized bio is refused, and the profile keeps its earlier values', async () => {
    const account = await register(call, { displayName: 'Before' });
    const answer = await call('PATCH', '/api/v1/users/me', {
      token: account.accessToken,
      body: { displayName: 'After', bio: 'b'.repeat(501) },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body['errors'])).toContain('bio');
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).body['displayName']).toBe(
      'Before',
    );
  });

  // Found by make fuzz: PostgreSQL refuses U+0000 in text, so a NUL in a bio was a 500.
  test('a NUL character in a profile field is a 400 naming it, and the profile keeps its values', async () => {
    const account = await register(call, { displayName: 'Before' });
    const answer = await call('PATCH', '/api/v1/users/me', {
      token: account.accessToken,
      body: { displayName: 'After', bio: 'a\u0000b' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual([
      { path: '/body/bio', message: 'must not contain the NUL character (U+0000)' },
    ]);
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).body['displayName']).toBe(
      'Before',
    );
  });

  test('a NUL character in sign-up, sign-in or a search is a 400, never a server error', async () => {
    const signUp = await call('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: 'correct horse 42', displayName: 'Ada\u0000' },
    });
    const signIn = await call('POST', '/api/v1/auth/login', {
      body: { email: 'ada\u0000@example.com', password: 'correct horse 42' },
    });
    const search = await call('GET', '/api/v1/admin/users?q=a%00b', {
      token: (await register(call)).accessToken,
    });
    expect([signUp.status, signIn.status, search.status]).toEqual([400, 400, 400]);
    expect(search.body['errors']).toEqual([
      { path: '/query/q', message: 'must not contain the NUL character (U+0000)' },
    ]);
  });

  test('a body over the size limit answers 413', async () => {
    const answer = await call('POST', '/api/v1/auth/register', {
      rawBody: JSON.stringify({
        email: uniqueEmail(),
        password: 'fine password 1',
        displayName: 'x',
        pad: 'z'.repeat(20_000),
      }),
    });
    expect(answer.status).toBe(413);
  });

  test('unknown fields and malformed JSON are refused', async () => {
    const extra = await call('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: 'fine password 1', displayName: 'x', roles: ['admin'] },
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.body['errors'])).toContain('roles');
    const broken = await call('POST', '/api/v1/auth/login', { rawBody: '{"email": ' });
    expect(broken.status).toBe(400);
    expect(broken.body['type']).toBe('/problems/malformed-body');
  });
});

describe('tokens that must not work', () => {
  test('alg none, an HS256 token signed with the public key, and a foreign key are refused', async () => {
    const account = await register(call);
    const [, payload] = account.accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const header = JSON.parse(Buffer.from(account.accessToken.split('.')[0]!, 'base64url').toString()) as {
      kid: string;
    };
    const hsHeader = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: header.kid })).toString(
      'base64url',
    );
    const hsSignature = createHmac('sha256', harness.signingKey.publicKeyPem)
      .update(`${hsHeader}.${payload}`)
      .digest('base64url');
    const hs256 = `${hsHeader}.${payload}.${hsSignature}`;
    const foreignKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const foreign = jwt.sign(claims, foreignKey, { algorithm: 'ES256', keyid: header.kid });
    for (const token of [none, hs256, foreign]) {
      const answer = await call('GET', '/api/v1/users/me', { token });
      expect(answer.status).toBe(401);
    }
  });
});
