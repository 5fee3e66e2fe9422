import { type JsonWebKey, type KeyObject, createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  type AuthorizationRequest,
  type CodeExchange,
  OAuthError,
  type OAuthProvider,
  type ProviderProfile,
  providerJson,
} from './provider-profile';

export interface OidcClientOptions {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes?: readonly string[];
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
}

/** Asymmetric algorithms only: an HS256 id_token would be "signed" with our own client secret. */
const acceptedAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;
type AcceptedAlgorithm = (typeof acceptedAlgorithms)[number];

/** How often an unknown kid may refetch the provider's keys. */
const jwksRefetchIntervalMs = 60_000;

function isAccepted(alg: string): alg is AcceptedAlgorithm {
  return (acceptedAlgorithms as readonly string[]).includes(alg);
}

function requireString(document: Record<string, unknown>, field: string, what: string): string {
  const value = document[field];
  if (typeof value !== 'string' || value === '') {
    throw new OAuthError('provider_rejected', `${what} has no ${field}`);
  }
  return value;
}

/**
 * An OpenID Connect relying party over fetch, jsonwebtoken and node:crypto: discovery,
 * authorization code with PKCE, and id_token validation (signature with the issuer's JWKS,
 * iss, aud, azp, exp, iat, nonce).
 */
export function createOidcProvider(options: OidcClientOptions): OAuthProvider {
  const issuer = options.issuer.replace(/\/+$/, '');
  let discovery: Promise<Discovery> | undefined;
  let keys = new Map<string, KeyObject>();
  let keysFetchedAt = 0;

  function discover(): Promise<Discovery> {
    discovery ??= (async () => {
      const document = await providerJson(
        `${options.name} discovery`,
        `${issuer}/.well-known/openid-configuration`,
      );
      const found: Discovery = {
        issuer: requireString(document, 'issuer', 'the discovery document'),
        authorization_endpoint: requireString(document, 'authorization_endpoint', 'the discovery document'),
        token_endpoint: requireString(document, 'token_endpoint', 'the discovery document'),
        jwks_uri: requireString(document, 'jwks_uri', 'the discovery document'),
        ...(typeof document['userinfo_endpoint'] === 'string'
          ? { userinfo_endpoint: document['userinfo_endpoint'] }
          : {}),
      };
      // OIDC Discovery 4.3: the document must name the issuer it was fetched from.
      if (found.issuer.replace(/\/+$/, '') !== issuer) {
        throw new OAuthError('provider_rejected', `discovery names issuer ${found.issuer}, not ${issuer}`);
      }
      return found;
    })().catch((error: unknown) => {
      discovery = undefined;
      throw error;
    });
    return discovery;
  }

  async function signingKey(kid: string | undefined): Promise<KeyObject> {
    const lookup = () => (kid ? keys.get(kid) : keys.size === 1 ? [...keys.values()][0] : undefined);
    const known = lookup();
    if (known) return known;
    if (Date.now() - keysFetchedAt > jwksRefetchIntervalMs || keysFetchedAt === 0) {
      const set = await providerJson(`${options.name} JWKS`, (await discover()).jwks_uri);
      const next = new Map<string, KeyObject>();
      for (const jwk of Array.isArray(set['keys']) ? (set['keys'] as Array<Record<string, unknown>>) : []) {
        if (typeof jwk['kid'] !== 'string' || (jwk['use'] !== undefined && jwk['use'] !== 'sig')) continue;
        try {
          next.set(jwk['kid'], createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }));
        } catch {
          // A key of a type node cannot read is skipped; the one that signed must be readable.
        }
      }
      keys = next;
      keysFetchedAt = Date.now();
    }
    const found = lookup();
    if (!found) throw new OAuthError('invalid_id_token', `no key ${kid ?? '(none)'} in the issuer's JWKS`);
    return found;
  }

  async function validateIdToken(idToken: string, nonce: string): Promise<jwt.JwtPayload> {
    const decoded = jwt.decode(idToken, { complete: true });
    if (!decoded || typeof decoded.payload === 'string')
      throw new OAuthError('invalid_id_token', 'malformed id_token');
    const alg = decoded.header.alg;
    if (!isAccepted(alg))
      throw new OAuthError('invalid_id_token', `id_token algorithm ${alg} is not accepted`);
    const key = await signingKey(decoded.header.kid);
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(idToken, key, {
        algorithms: [alg],
        issuer: (await discover()).issuer,
        audience: options.clientId,
        clockTolerance: 30,
      }) as jwt.JwtPayload;
    } catch (error) {
      throw new OAuthError('invalid_id_token', `id_token: ${(error as Error).message}`, { cause: error });
    }
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
      throw new OAuthError('invalid_id_token', 'id_token lacks exp or iat');
    }
    if (claims['nonce'] !== nonce) throw new OAuthError('invalid_id_token', 'id_token nonce does not match');
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims['azp'] !== options.clientId) {
      throw new OAuthError('invalid_id_token', 'id_token azp is not this client');
    }
    if (typeof claims.sub !== 'string' || claims.sub === '')
      throw new OAuthError('invalid_id_token', 'id_token has no sub');
    return claims;
  }

  return {
    name: options.name,
    kind: 'oidc',
    async authorizationUrl(request: AuthorizationRequest) {
      const url = new URL((await discover()).authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: request.redirectUri,
        scope: (options.scopes ?? ['openid', 'email', 'profile']).join(' '),
        state: request.state,
        nonce: request.nonce,
        code_challenge: request.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async complete(exchange: CodeExchange): Promise<ProviderProfile> {
      const endpoints = await discover();
      const basic = Buffer.from(
        `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
      ).toString('base64');
      const tokens = await providerJson(`${options.name} token endpoint`, endpoints.token_endpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: exchange.code,
          redirect_uri: exchange.redirectUri,
          code_verifier: exchange.codeVerifier,
        }).toString(),
      });
      const idToken = tokens['id_token'];
      if (typeof idToken !== 'string')
        throw new OAuthError('provider_rejected', 'the token answer has no id_token');
      const claims = await validateIdToken(idToken, exchange.nonce);
      let profile: Record<string, unknown> = claims;
      // Some issuers put email only in userinfo; it is asked with the access token just obtained.
      if (
        claims['email'] === undefined &&
        endpoints.userinfo_endpoint &&
        typeof tokens['access_token'] === 'string'
      ) {
        const userinfo = await providerJson(`${options.name} userinfo`, endpoints.userinfo_endpoint, {
          headers: { authorization: `Bearer ${tokens['access_token']}` },
        });
        if (userinfo['sub'] !== claims.sub)
          throw new OAuthError('invalid_profile', 'userinfo sub differs from the id_token');
        profile = { ...userinfo, ...claims };
      }
      const email = typeof profile['email'] === 'string' ? profile['email'] : null;
      const verified = profile['email_verified'];
      return {
        subject: claims.sub!,
        email,
        // Google sent the string "true" in older answers.
        emailVerified: email !== null && (verified === true || verified === 'true'),
        name: typeof profile['name'] === 'string' ? profile['name'] : null,
      };
    },
  };
}
