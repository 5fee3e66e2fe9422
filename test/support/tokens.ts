import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** An ES256 signing key of a test's own, published as a JWKS the way the user service does. */
export interface TestSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function createTestSigningKey(): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const exported = publicKey.export({ format: 'jwk' }) as { crv: string; x: string; y: string; kty: string };
  // RFC 7638 thumbprint: the required members in lexicographic order.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: exported.crv, kty: exported.kty, x: exported.x, y: exported.y }))
    .digest('base64url');
  return { kid, privateKey, publicKey, jwk: { ...exported, kid, use: 'sig', alg: 'ES256' } };
}

export interface AccessTokenOptions {
  sub?: string;
  sid?: string;
  roles?: string[];
  issuer?: string;
  audience?: string;
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
}

export const testIssuer = 'what-if';
export const testAudience = 'what-if-api';

export function signAccessToken(key: TestSigningKey, options: AccessTokenOptions = {}): string {
  return jwt.sign({ roles: options.roles ?? ['user'], sid: options.sid ?? 'session-1' }, key.privateKey, {
    algorithm: 'ES256',
    keyid: key.kid,
    subject: options.sub ?? 'user-1',
    issuer: options.issuer ?? testIssuer,
    audience: options.audience ?? testAudience,
    expiresIn: options.expiresInSeconds ?? 900,
    ...(options.notBeforeSeconds !== undefined ? { notBefore: options.notBeforeSeconds } : {}),
  });
}
