import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier, jwksKeySource } from '@what-if/kit';
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

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published.map((key) => key.jwk) }));
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
});

function verifier(minRefetchIntervalMs: number) {
  return createTokenVerifier({
    keys: jwksKeySource({ url, logger: captureLogs('kit-test').logger, minRefetchIntervalMs }),
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
