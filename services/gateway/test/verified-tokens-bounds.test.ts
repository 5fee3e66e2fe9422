import type { KeyObject } from 'node:crypto';
import { InvalidToken, type Principal, type TokenVerifier, createTokenVerifier } from '@what-if/kit';
import {
  createTestSigningKey,
  signAccessToken,
  testAudience,
  testIssuer,
} from '../../../test/support/tokens';
import { rememberingVerifier } from '../src/verified-tokens';

/** How long a remembered token is honoured, and how many are remembered at once. */

const key = createTestSigningKey();
/** The keys the signer publishes; a test withdraws them as a key rotation or a compromise would. */
let published: Map<string, KeyObject>;
let started: number;

/** Sets this machine's clock to `milliseconds` after the test started. */
function at(milliseconds: number): void {
  jest.setSystemTime(started + milliseconds);
}

function verifier(options: { trustSeconds: number; maxEntries?: number }) {
  return rememberingVerifier(
    createTokenVerifier({
      keys: async (kid) => published.get(kid),
      issuer: testIssuer,
      audience: testAudience,
    }),
    options,
  );
}

/** Whether the token is still honoured once its key is gone, i.e. whether it is remembered. */
async function honoured(tokens: TokenVerifier, token: string): Promise<boolean> {
  return tokens.verify(token).then(
    () => true,
    (error: unknown) => {
      if (error instanceof InvalidToken) return false;
      throw error;
    },
  );
}

beforeEach(() => {
  jest.useFakeTimers();
  started = Date.now();
  published = new Map([[key.kid, key.publicKey]]);
});

afterEach(() => jest.useRealTimers());

test('a token is honoured from memory up to the trust bound and not one millisecond longer', async () => {
  const tokens = verifier({ trustSeconds: 30 });
  const token = signAccessToken(key);
  await tokens.verify(token);
  published.clear();
  at(29_999);
  expect(await honoured(tokens, token)).toBe(true);
  at(30_000);
  expect(await honoured(tokens, token)).toBe(false);
});

test('a token is honoured from memory up to its own expiry and not one millisecond longer', async () => {
  const tokens = verifier({ trustSeconds: 60 });
  const token = signAccessToken(key, { expiresInSeconds: 20 });
  const expiry = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number })
    .exp;
  await tokens.verify(token);
  published.clear();
  jest.setSystemTime(expiry * 1000 - 1);
  expect(await honoured(tokens, token)).toBe(true);
  jest.setSystemTime(expiry * 1000);
  expect(await honoured(tokens, token)).toBe(false);
});

describe('the memory is bounded', () => {
  test('past maxEntries the oldest token goes first; up to it, every token stays', async () => {
    const tokens = verifier({ trustSeconds: 30, maxEntries: 2 });
    const [first, second, third] = ['ada', 'grace', 'edsger'].map((sub) => signAccessToken(key, { sub }));
    await tokens.verify(first!);
    await tokens.verify(second!);
    published.clear();
    expect([await honoured(tokens, first!), await honoured(tokens, second!)]).toEqual([true, true]);
    published.set(key.kid, key.publicKey);
    await tokens.verify(third!);
    published.clear();
    expect([
      await honoured(tokens, first!),
      await honoured(tokens, second!),
      await honoured(tokens, third!),
    ]).toEqual([false, true, true]);
  });

  test('a token verified again after its memory ran out counts as the newest', async () => {
    const tokens = verifier({ trustSeconds: 30, maxEntries: 2 });
    const [renewed, older, newest] = ['ada', 'grace', 'edsger'].map((sub) => signAccessToken(key, { sub }));
    await tokens.verify(renewed!);
    at(20_000);
    await tokens.verify(older!);
    // The first token's memory has run out: it is verified again, with its key still published.
    at(31_000);
    await tokens.verify(renewed!);
    await tokens.verify(newest!);
    published.clear();
    expect([
      await honoured(tokens, renewed!),
      await honoured(tokens, older!),
      await honoured(tokens, newest!),
    ]).toEqual([true, false, true]);
  });

  test('by default it holds 10 000 tokens', async () => {
    let verifications = 0;
    const counting: TokenVerifier = {
      async verify(token): Promise<Principal> {
        verifications += 1;
        return { userId: token, roles: ['user'], sessionId: 'session-1' };
      },
    };
    const tokens = rememberingVerifier(counting, { trustSeconds: 30 });
    const exp = Math.floor(started / 1000) + 900;
    const tokenOf = (index: number) =>
      `header.${Buffer.from(JSON.stringify({ sub: `user-${index}`, exp })).toString('base64url')}.signature`;
    for (let index = 0; index < 10_000; index += 1) await tokens.verify(tokenOf(index));
    await tokens.verify(tokenOf(0));
    expect(verifications).toBe(10_000);
    // One more: the oldest answer (the first token, though just used) goes.
    await tokens.verify(tokenOf(10_000));
    await tokens.verify(tokenOf(1));
    expect(verifications).toBe(10_001);
    await tokens.verify(tokenOf(0));
    expect(verifications).toBe(10_002);
  });
});
