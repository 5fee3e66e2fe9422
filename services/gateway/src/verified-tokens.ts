import type { Principal, TokenVerifier } from '@what-if/kit';

interface Remembered {
  principal: Principal;
  /** Until when (epoch ms) the answer holds: the token's expiry or the trust bound, whichever comes first. */
  until: number;
}

/** The token's `exp` in epoch milliseconds, read from a token that has just verified. */
function expiresAt(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp?: unknown;
  };
  return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
}

/**
 * Remembers access tokens that verified. Checking an ES256 signature is the dearest step of a
 * forwarded request, and a client sends the same token with every request for the 15 minutes
 * it lives. A token is remembered only once it has verified, never past its own expiry, and for
 * at most `trustSeconds` (the same bound as the session check), so a signing key withdrawn from
 * the JWKS stops being honoured within that time. Tokens that fail are never remembered: each
 * is checked (and logged) again.
 */
export function rememberingVerifier(
  verifier: TokenVerifier,
  options: { trustSeconds: number; maxEntries?: number },
): TokenVerifier {
  const remembered = new Map<string, Remembered>();
  const maxEntries = options.maxEntries ?? 10_000;
  const now = () => Date.now();
  return {
    async verify(token) {
      const known = remembered.get(token);
      if (known && known.until > now()) return known.principal;
      if (known) remembered.delete(token);
      const principal = await verifier.verify(token);
      if (options.trustSeconds > 0) {
        remembered.set(token, {
          principal,
          until: Math.min(expiresAt(token), now() + options.trustSeconds * 1000),
        });
        // The oldest answers go first.
        if (remembered.size > maxEntries) remembered.delete(remembered.keys().next().value as string);
      }
      return principal;
    },
  };
}
