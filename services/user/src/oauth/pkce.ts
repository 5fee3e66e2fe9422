import { createHash, randomBytes } from 'node:crypto';

/** A fresh PKCE verifier (RFC 7636: 43 to 128 characters of unreserved text). */
export function newCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** The S256 challenge of a verifier. */
export function codeChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** State and nonce values: unguessable, URL-safe. */
export function newRandomValue(): string {
  return randomBytes(24).toString('base64url');
}
