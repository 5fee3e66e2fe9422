import { createHash, randomBytes } from 'node:crypto';

/**
 * A random token for a refresh token or a mailed link: 256 bits, URL-safe. Only its hash is
 * stored, so a leaked database cannot be replayed; SHA-256 suffices because the value has
 * full entropy and cannot be guessed from its hash.
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Tokens this service hands out are exactly 43 base64url characters; anything else is not one. */
export function looksLikeOpaqueToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
