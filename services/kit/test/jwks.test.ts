import { generateKeyPairSync } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier, jwksKeySource, jwksVerifier } from '@what-if/kit';
import jwt from 'jsonwebtoken';
import { captureLogs } from '../../../test/support/logs';
import {
  type TestSigningKey,
  createTestSigningKey,
  signAccessToken,
  testAudience,
  testIssuer,
} from '../../../test/support/tokens';

/** A signer's JWKS endpoint whose published keys the test changes, counting how often it is read. */
let server: Server;
let url: string;
let published: TestSigningKey[] = [];
let fetches = 0;
/** How the signer answers; a test may make it fail or stall. */
let answer: (res: ServerResponse) => void;

function publishKeys(res: ServerResponse, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
}

beforeAll(async () => {
  server = createServer((_req: IncomingMessage, res) => {
    fetches += 1;
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/auth/jwks`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

beforeEach(() => {
  fetches = 0;
  answer = (res) => publishKeys(res);
});

function verifier(minRefetchIntervalMs: number, logs = captureLogs('kit-test'), timeoutMs?: number) {
  return createTokenVerifier({
    keys: jwksKeySource({
      url,
      logger: logs.logger,
      minRefetchIntervalMs,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    }),
    issuer: testIssuer,
    audience: testAudience,
  });
}

test('a key published after the first read is picked up on its first token, with one read for many requests', async () => {
  const current = createTestSigningKey();
  const next = createTestSigningKey();
  published = [current];
  const verify = verifier(0);
  expect(await verify.verify(signAccessToken(current, { sub: 'before-rotation' }))).toMatchObject({
    userId: 'before-rotation',
  });
  expect(fetches).toBe(1);
  // Known keys are served from the cache.
  await verify.verify(signAccessToken(current));
  expect(fetches).toBe(1);

  published = [current, next];
  const principals = await Promise.all(
    [1, 2, 3, 4, 5].map((index) => verify.verify(signAccessToken(next, { sub: `after-rotation-${index}` }))),
  );
  expect(principals.map((principal) => principal.userId)).toEqual([
    'after-rotation-1',
    'after-rotation-2',
    'after-rotation-3',
    'after-rotation-4',
    'after-rotation-5',
  ]);
  expect(fetches).toBe(2);
});

test('unknown key ids within the refetch interval are refused without asking the signer again', async () => {
  const known = createTestSigningKey();
  published = [known];
  const verify = verifier(60_000);
  await verify.verify(signAccessToken(known));
  expect(fetches).toBe(1);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const forged = signAccessToken(createTestSigningKey());
    await expect(verify.verify(forged)).rejects.toEqual(
      expect.objectContaining({ name: 'InvalidToken', reason: 'unknown key id' }),
    );
  }
  expect(fetches).toBe(1);
});

/** The reason a verifier gives for refusing a token (the security log records it). */
async function refusal(verify: { verify(token: string): Promise<unknown> }, token: string): Promise<string> {
  const error = (await verify.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )) as { name?: string; reason?: string } | undefined;
  expect(error?.name).toBe('InvalidToken');
  return error!.reason!;
}

test('with the default settings, a valid token verifies and unknown key ids ask the signer once per interval', async () => {
  const known = createTestSigningKey();
  published = [known];
  const verify = jwksVerifier(
    { jwksUrl: url, issuer: testIssuer, audience: testAudience },
    captureLogs().logger,
  );
  expect(await verify.verify(signAccessToken(known, { sub: 'default-settings' }))).toMatchObject({
    userId: 'default-settings',
  });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    expect(await refusal(verify, signAccessToken(createTestSigningKey()))).toBe('unknown key id');
  }
  expect(fetches).toBe(1);
});

test('a signer answering 5xx is not read as a key set, is logged, and is asked again on the next unknown key', async () => {
  const key = createTestSigningKey();
  published = [key];
  const logs = captureLogs('kit-test');
  const verify = verifier(0, logs);
  // The body is a perfectly good key set: only the status says it must not be trusted.
  answer = (res) => publishKeys(res, 503);
  expect(await refusal(verify, signAccessToken(key))).toBe('unknown key id');
  expect(logs.lines).toContainEqual(
    expect.objectContaining({
      level: 'warn',
      msg: 'auth: could not fetch the JWKS',
      url,
      err: expect.objectContaining({ message: 'JWKS answered 503' }),
    }),
  );
  answer = (res) => publishKeys(res);
  expect(await verify.verify(signAccessToken(key, { sub: 'after-recovery' }))).toMatchObject({
    userId: 'after-recovery',
  });
  expect(fetches).toBe(2);
});

test('a signer slower than the timeout is abandoned: the token is refused rather than held', async () => {
  const key = createTestSigningKey();
  published = [key];
  // The keys arrive after 2 s; the verifier gives up after 200 ms and does not wait for them.
  answer = (res) => setTimeout(() => publishKeys(res), 2_000).unref();
  const verify = verifier(60_000, captureLogs('kit-test'), 200);
  expect(await refusal(verify, signAccessToken(key))).toBe('unknown key id');
  expect(fetches).toBe(1);
});

test('only EC signing keys with a key id are taken from the set; anything else in it is skipped', async () => {
  const signing = createTestSigningKey();
  const forEncryption = createTestSigningKey();
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
  published = [forEncryption, signing];
  answer = (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        keys: [
          { kty: 'oct', kid: 'shared-secret', k: 'c2VjcmV0' },
          { ...rsa, kid: 'rsa-key', use: 'sig' },
          { ...forEncryption.jwk, use: 'enc' },
          signing.jwk,
        ],
      }),
    );
  };
  const verify = verifier(0);
  expect(await verify.verify(signAccessToken(signing, { sub: 'signing-key' }))).toMatchObject({
    userId: 'signing-key',
  });
  expect(await refusal(verify, signAccessToken(forEncryption))).toBe('unknown key id');
});

describe('a token signed by a published key', () => {
  const key = createTestSigningKey();
  const verify = () => verifier(60_000);
  beforeEach(() => {
    published = [key];
  });

  function sign(payload: Record<string, unknown>, options: jwt.SignOptions = {}): string {
    return jwt.sign(payload, key.privateKey, {
      algorithm: 'ES256',
      keyid: key.kid,
      issuer: testIssuer,
      audience: testAudience,
      expiresIn: 900,
      ...options,
    });
  }

  test('is refused with the claims the API relies on missing or wrong', async () => {
    const verifying = verify();
    const valid = { sub: 'user-1', sid: 'session-1', roles: ['user'] };
    expect(await verifying.verify(sign(valid))).toEqual({
      userId: 'user-1',
      roles: ['user'],
      sessionId: 'session-1',
    });
    for (const claims of [
      { ...valid, sub: '' },
      { sid: 'session-1', roles: ['user'] },
      { ...valid, sid: '' },
      { sub: 'user-1', roles: ['user'] },
      { ...valid, roles: [] },
      { ...valid, roles: ['superuser'] },
    ]) {
      expect(await refusal(verifying, sign(claims))).toBe('claims');
    }
  });

  test('is refused for another issuer or audience, or once expired', async () => {
    const verifying = verify();
    expect(await refusal(verifying, signAccessToken(key, { issuer: 'someone-else' }))).toMatch(/issuer/);
    expect(await refusal(verifying, signAccessToken(key, { audience: 'another-api' }))).toMatch(/audience/);
    expect(await refusal(verifying, signAccessToken(key, { expiresInSeconds: -60 }))).toMatch(/expired/);
  });

  test('without a key id, or with a string payload, is refused before the signer is asked', async () => {
    const verifying = verify();
    const withoutKeyId = jwt.sign({ sub: 'user-1', sid: 'session-1', roles: ['user'] }, key.privateKey, {
      algorithm: 'ES256',
      issuer: testIssuer,
      audience: testAudience,
    });
    expect(await refusal(verifying, withoutKeyId)).toBe('no key id');
    const stringPayload = jwt.sign('just a string', key.privateKey, { algorithm: 'ES256', keyid: key.kid });
    expect(await refusal(verifying, stringPayload)).toBe('malformed');
    expect(await refusal(verifying, 'not.a.token')).toBe('malformed');
    expect(fetches).toBe(0);
  });

  test('with another algorithm is refused by its header, before the signer is asked', async () => {
    const verifying = verify();
    const unsigned = jwt.sign({ sub: 'user-1', sid: 'session-1', roles: ['user'] }, null, {
      algorithm: 'none',
      keyid: key.kid,
    });
    expect(await refusal(verifying, unsigned)).toBe('algorithm none');
    expect(fetches).toBe(0);
  });

  test('refused, answers 401 with a problem type and a Bearer challenge', async () => {
    const error = await verify()
      .verify('not.a.token')
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      status: 401,
      type: expect.stringMatching(/invalid-token$/),
      message: expect.stringContaining('sign in again'),
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  });
});
