import type { KeyObject } from 'node:crypto';
import { InvalidToken, createTokenVerifier } from '@what-if/kit';
import {
  createTestSigningKey,
  signAccessToken,
  testAudience,
  testIssuer,
} from '../../../test/support/tokens';
import { rememberingVerifier } from '../src/verified-tokens';

const key = createTestSigningKey();
/** The keys the signer publishes; a test withdraws one as a key rotation or a compromise would. */
let published: Map<string, KeyObject>;

/** Moves this machine's clock on, for the verifier and for the token checks beneath it. */
function later(milliseconds: number): void {
  jest.setSystemTime(Date.now() + milliseconds);
}

function verifier(trustSeconds = 30) {
  return rememberingVerifier(
    createTokenVerifier({
      keys: async (kid) => published.get(kid),
      issuer: testIssuer,
      audience: testAudience,
    }),
    { trustSeconds },
  );
}

beforeEach(() => {
  jest.useFakeTimers();
  published = new Map([[key.kid, key.publicKey]]);
});

afterEach(() => jest.useRealTimers());

test('a token that verified is honoured again with the same principal, even while its key is briefly unreachable', async () => {
  const tokens = verifier();
  const token = signAccessToken(key, { sub: 'ada', sid: 'session-7', roles: ['user', 'moderator'] });
  const principal = await tokens.verify(token);
  expect(principal).toEqual({ userId: 'ada', roles: ['user', 'moderator'], sessionId: 'session-7' });
  published.clear();
  expect(await tokens.verify(token)).toEqual(principal);
});

test('a withdrawn key stops being honoured once the trust bound has passed', async () => {
  const tokens = verifier(30);
  const token = signAccessToken(key);
  await tokens.verify(token);
  published.clear();
  later(29_000);
  await expect(tokens.verify(token)).resolves.toMatchObject({ userId: 'user-1' });
  later(2_000);
  await expect(tokens.verify(token)).rejects.toThrow(InvalidToken);
});

test('a remembered token is refused from the moment it expires', async () => {
  const tokens = verifier(300);
  const token = signAccessToken(key, { expiresInSeconds: 10 });
  await tokens.verify(token);
  // Past exp by more than the verifier's clock tolerance, well inside the trust bound.
  later(16_000);
  await expect(tokens.verify(token)).rejects.toThrow(InvalidToken);
});

test('a token that failed is checked again every time, never remembered', async () => {
  const tokens = verifier();
  const forged = signAccessToken({ ...createTestSigningKey(), kid: key.kid });
  await expect(tokens.verify(forged)).rejects.toThrow(InvalidToken);
  await expect(tokens.verify(forged)).rejects.toThrow(InvalidToken);
});

test('with no trust time, nothing is remembered', async () => {
  const tokens = verifier(0);
  const token = signAccessToken(key);
  await tokens.verify(token);
  published.clear();
  await expect(tokens.verify(token)).rejects.toThrow(InvalidToken);
});
