import { type KeyObject, createHash } from 'node:crypto';

/** The public members of an EC P-256 JWK. */
export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export function ecPublicJwk(publicKey: KeyObject): EcPublicJwk {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) {
    throw new Error('access-token keys must be EC P-256 keys');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/**
 * The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, so
 * every party derives the same key id from the key itself.
 */
export function jwkThumbprint(jwk: EcPublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}
