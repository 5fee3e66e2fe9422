import { type Role } from '@what-if/contracts';
import { ACCESS_TOKEN_ALGORITHM } from '@what-if/kit';
import jwt from 'jsonwebtoken';
import type { SigningKeys } from '../keys/signing-keys';

export interface AccessTokenIssuerOptions {
  keys: SigningKeys;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenSubject {
  userId: string;
  roles: readonly Role[];
  sessionId: string;
}

export interface AccessTokenIssuer {
  readonly ttlSeconds: number;
  issue(subject: AccessTokenSubject): string;
}

/** Signs the short-lived ES256 access tokens every service verifies with the kit. */
export function createAccessTokenIssuer(options: AccessTokenIssuerOptions): AccessTokenIssuer {
  return {
    ttlSeconds: options.ttlSeconds,
    issue(subject) {
      return jwt.sign({ roles: subject.roles, sid: subject.sessionId }, options.keys.current.privateKey, {
        algorithm: ACCESS_TOKEN_ALGORITHM,
        keyid: options.keys.current.kid,
        subject: subject.userId,
        issuer: options.issuer,
        audience: options.audience,
        expiresIn: options.ttlSeconds,
      });
    },
  };
}
