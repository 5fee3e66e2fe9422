import { createDummyPasswordHash, hashPassword, passwordMatches } from '../src/passwords/password-hashing';
import { passwordPolicyViolation } from '../src/passwords/password-policy';
import { hashOpaqueToken, looksLikeOpaqueToken, newOpaqueToken } from '../src/tokens/opaque-tokens';
import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { captureLogs } from '../../../test/support/logs';
import { loadSigningKeys } from '../src/keys/signing-keys';
import { createAccessTokenIssuer } from '../src/tokens/access-tokens';
import { generateSigningKeyPem } from './support/user-service-harness';

/** The password rules and the secrets made from passwords and tokens, checked exactly, without the service around them. */

describe('the password policy', () => {
  test.each([
    ['nine characters', 'abcdefg1!', 'must have 10 to 128 characters (it has 9)'],
    ['129 characters', `${'a'.repeat(128)}1`, 'must have 10 to 128 characters (it has 129)'],
    ['letters only', 'abcdefghijkl', 'must have at least one letter and at least one digit or symbol'],
    ['digits only', '123456789012', 'must have at least one letter and at least one digit or symbol'],
    ['symbols only', '!@#$%^&*()_+', 'must have at least one letter and at least one digit or symbol'],
  ])('refuses %s, saying why', (_name, password, violation) => {
    expect(passwordPolicyViolation(password)).toBe(violation);
  });

  test.each([
    ['ten characters', 'abcdefgh1!'],
    ['128 characters', `${'a'.repeat(127)}1`],
    ['a letter and a space', 'correct horse'],
    ['letters of any script with a digit', 'пароль-пароль7'],
  ])('accepts %s', (_name, password) => {
    expect(passwordPolicyViolation(password)).toBeUndefined();
  });

  test('counts characters, not UTF-16 units: ten emoji-and-letter characters are enough, nine are not', () => {
    expect(passwordPolicyViolation('a😀😀😀😀😀😀😀😀😀')).toBeUndefined();
    expect(passwordPolicyViolation('a😀😀😀😀😀😀😀😀')).toBe('must have 10 to 128 characters (it has 9)');
  });

  test('refuses the name part of the address from five characters on, in any case', () => {
    expect(passwordPolicyViolation('my Alice5 password', 'alice5@example.com')).toBe(
      'must not contain the name part of your email address ("alice5")',
    );
    expect(passwordPolicyViolation('xxALICExx-1', 'Alice@example.com')).toBe(
      'must not contain the name part of your email address ("alice")',
    );
    expect(passwordPolicyViolation('bobby tables 1', 'bobb@example.com')).toBeUndefined();
    expect(passwordPolicyViolation('carefully chosen 1', 'someone.else@example.com')).toBeUndefined();
  });
});

describe('password hashes', () => {
  test('are argon2id at OWASP’s baseline (19 MiB, two passes, one lane), salted, and verify only their password', async () => {
    const hash = await hashPassword('a good secret 1');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hashPassword('a good secret 1')).not.toBe(hash);
    expect(await passwordMatches(hash, 'a good secret 1')).toBe(true);
    expect(await passwordMatches(hash, 'a good secret 2')).toBe(false);
  });

  test('a damaged stored hash is a mismatch, not an error', async () => {
    expect(await passwordMatches('not a hash', 'anything')).toBe(false);
  });

  test('the stand-in hash for missing accounts is a real argon2id hash that no password matches', async () => {
    const dummy = await createDummyPasswordHash();
    expect(dummy).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await passwordMatches(dummy, '')).toBe(false);
    expect(await passwordMatches(dummy, 'no account undefined')).toBe(false);
  });
});

describe('opaque tokens', () => {
  test('are 256 random bits in 43 URL-safe characters, and stored only as their SHA-256', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newOpaqueToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(looksLikeOpaqueToken(token)).toBe(true);
      expect(hashOpaqueToken(token).equals(createHash('sha256').update(token).digest())).toBe(true);
    }
  });

  test.each([
    ['42 characters', 'a'.repeat(42)],
    ['44 characters', 'a'.repeat(44)],
    ['a standard base64 character', `${'a'.repeat(42)}+`],
    ['a line break after it', `${'a'.repeat(43)}\n`],
    ['a space inside it', `${'a'.repeat(21)} ${'a'.repeat(21)}`],
    ['not a string', 43],
  ])('anything else is not one: %s', (_name, value) => {
    expect(looksLikeOpaqueToken(value)).toBe(false);
  });
});

describe('access tokens', () => {
  test('are ES256 under the current key’s id, for the configured issuer and audience, naming user, roles and session, for the configured time', () => {
    const keys = loadSigningKeys({
      signingKeyPem: generateSigningKeyPem().privateKeyPem,
      previousPublicKeysPem: '',
      allowEphemeral: false,
      logger: captureLogs('user').logger,
    });
    const issuer = createAccessTokenIssuer({
      keys,
      issuer: 'what-if',
      audience: 'what-if-api',
      ttlSeconds: 300,
    });
    expect(issuer.ttlSeconds).toBe(300);
    const token = issuer.issue({ userId: 'user-1', roles: ['user', 'moderator'], sessionId: 'session-1' });
    const verified = jwt.verify(token, keys.current.publicKey, {
      algorithms: ['ES256'],
      issuer: 'what-if',
      audience: 'what-if-api',
      complete: true,
    });
    expect(verified.header).toMatchObject({ alg: 'ES256', kid: keys.current.kid });
    const claims = verified.payload as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: 'user-1', roles: ['user', 'moderator'], sid: 'session-1' });
    expect(claims.exp! - claims.iat!).toBe(300);
  });
});
