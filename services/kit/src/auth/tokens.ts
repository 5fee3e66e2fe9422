import { type JsonWebKey, type KeyObject, createPublicKey } from 'node:crypto';
import { type Role, roles } from '@what-if/contracts';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Logger } from '../logging';
import { HttpProblem } from '../problems';

/** Access tokens are signed with ECDSA P-256; nothing else is accepted, whatever a token claims. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** Who made a request, from a verified access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** The session (refresh-token family) the token belongs to; logout ends it. */
  sessionId: string;
}

const accessClaims = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  roles: z.array(z.enum(roles)).min(1),
});

/** Where verification keys come from: the user service's JWKS, or the signer's own keys. */
export type KeySource = (kid: string) => Promise<KeyObject | undefined>;

export interface JsonWebKeySet {
  keys: Array<Record<string, unknown> & { kid?: string; kty?: string; use?: string; alg?: string }>;
}

export interface JwksKeySourceOptions {
  url: string;
  logger: Logger;
  timeoutMs?: number;
  /** An unknown kid refetches the set, at most this often (a rotation, not an attack, is the usual cause). */
  minRefetchIntervalMs?: number;
}

/**
 * Keys from a JWKS URL, cached; a kid not in the cache refetches the set (rate-limited),
 * so a key rotation at the signer is picked up without a restart.
 */
export function jwksKeySource(options: JwksKeySourceOptions): KeySource {
  const minInterval = options.minRefetchIntervalMs ?? 30_000;
  let keys = new Map<string, KeyObject>();
  let fetchedAt = 0;
  let inFlight: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    const response = await fetch(options.url, { signal: AbortSignal.timeout(options.timeoutMs ?? 3_000) });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const set = (await response.json()) as JsonWebKeySet;
    const next = new Map<string, KeyObject>();
    for (const jwk of set.keys ?? []) {
      if (!jwk.kid || jwk.kty !== 'EC' || (jwk.use && jwk.use !== 'sig')) continue;
      next.set(jwk.kid, createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }));
    }
    keys = next;
    fetchedAt = Date.now();
  }

  return async (kid) => {
    const known = keys.get(kid);
    if (known) return known;
    if (Date.now() - fetchedAt < minInterval && fetchedAt !== 0) return undefined;
    inFlight ??= refresh()
      .catch((error: unknown) => {
        options.logger.warn({ err: error, url: options.url }, 'auth: could not fetch the JWKS');
      })
      .finally(() => {
        inFlight = undefined;
      });
    await inFlight;
    return keys.get(kid);
  };
}

export interface TokenVerifierOptions {
  keys: KeySource;
  issuer: string;
  audience: string;
}

export class InvalidToken extends HttpProblem {
  constructor(readonly reason: string) {
    super(401, 'The access token is missing, invalid or expired; sign in again or refresh it.', {
      type: 'invalid-token',
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
    this.name = 'InvalidToken';
  }
}

export interface TokenVerifier {
  /** The principal of a valid access token; throws InvalidToken naming the reason otherwise. */
  verify(token: string): Promise<Principal>;
}

/**
 * Verification pinned to ES256, the configured issuer and audience, and a key id the
 * signer published: `alg: none`, HS256 signed with a public key, a foreign issuer or an
 * unknown kid all fail before any claim is trusted.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  return {
    async verify(token) {
      const decoded = jwt.decode(token, { complete: true });
      if (!decoded || typeof decoded.payload === 'string') throw new InvalidToken('malformed');
      if (decoded.header.alg !== ACCESS_TOKEN_ALGORITHM)
        throw new InvalidToken(`algorithm ${decoded.header.alg}`);
      const kid = decoded.header.kid;
      if (!kid) throw new InvalidToken('no key id');
      const key = await options.keys(kid);
      if (!key) throw new InvalidToken('unknown key id');
      let payload: unknown;
      try {
        payload = jwt.verify(token, key, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: 5,
        });
      } catch (error) {
        throw new InvalidToken((error as Error).message);
      }
      const claims = accessClaims.safeParse(payload);
      if (!claims.success) throw new InvalidToken('claims');
      return { userId: claims.data.sub, roles: claims.data.roles, sessionId: claims.data.sid };
    },
  };
}

/** A verifier for the tokens of one signer: its JWKS URL, and the issuer and audience they must name. */
export function jwksVerifier(
  options: { jwksUrl: string; issuer: string; audience: string },
  logger: Logger,
): TokenVerifier {
  return createTokenVerifier({
    keys: jwksKeySource({ url: options.jwksUrl, logger }),
    issuer: options.issuer,
    audience: options.audience,
  });
}
