import { type ServiceName, callersOf, serviceNames } from '@what-if/catalog';
import jwt from 'jsonwebtoken';
import type { ServiceKeys } from './service-keys';

/** Service tokens are ES256 JWTs, as access tokens are; nothing else is accepted. */
export const SERVICE_TOKEN_ALGORITHM = 'ES256';
/** How long a service token lives; the signer reuses one for half of it. */
export const serviceTokenLifetimeSeconds = 60;
/** Clock skew tolerated between replicas when checking expiry. */
export const serviceTokenLeewaySeconds = 30;
/** The longest lifetime a token may claim, whoever signed it: a token is for one call, not a session. */
export const serviceTokenMaxLifetimeSeconds = 600;

/** The `iss` and `aud` of a service token name services in this namespace: `what-if:<service>`. */
export function serviceAudience(service: ServiceName): string {
  return `what-if:${service}`;
}

/** Why a service token was refused: 401 (not proven) or 403 (proven, or claimed, but not allowed). */
export class ServiceTokenRefused extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly reason: string,
    readonly caller?: string,
  ) {
    super(reason);
    this.name = 'ServiceTokenRefused';
  }
}

/** Who this service is to others, and who others are to it. */
export interface ServiceIdentity {
  readonly service: ServiceName;
  /** A token for one call to `callee`'s /internal/ endpoints, reused for half its lifetime. */
  tokenFor(callee: ServiceName): string;
  /** The catalog caller a token proves; throws ServiceTokenRefused otherwise. */
  verify(token: string): ServiceName;
}

function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (serviceNames as readonly string[]).includes(value);
}

export function createServiceIdentity(
  service: ServiceName,
  keys: ServiceKeys,
  now: () => number = Date.now,
): ServiceIdentity {
  const cached = new Map<ServiceName, { token: string; renewAt: number }>();
  const callers = callersOf(service);
  const audience = serviceAudience(service);

  return {
    service,
    tokenFor(callee) {
      const current = cached.get(callee);
      if (current && current.renewAt > now()) return current.token;
      const issuedAt = Math.floor(now() / 1000);
      const token = jwt.sign(
        { iat: issuedAt, exp: issuedAt + serviceTokenLifetimeSeconds },
        keys.signingKey,
        {
          algorithm: SERVICE_TOKEN_ALGORITHM,
          keyid: service,
          issuer: serviceAudience(service),
          subject: service,
          audience: serviceAudience(callee),
        },
      );
      cached.set(callee, { token, renewAt: now() + (serviceTokenLifetimeSeconds * 1000) / 2 });
      return token;
    },
    verify(token) {
      const decoded = jwt.decode(token, { complete: true });
      if (!decoded || typeof decoded.payload === 'string') throw new ServiceTokenRefused(401, 'malformed');
      if (decoded.header.alg !== SERVICE_TOKEN_ALGORITHM) {
        throw new ServiceTokenRefused(401, `algorithm ${decoded.header.alg}`);
      }
      const caller = decoded.header.kid;
      if (!isServiceName(caller)) throw new ServiceTokenRefused(401, 'unknown caller');
      if (!callers.includes(caller)) {
        throw new ServiceTokenRefused(403, `the catalog does not let ${caller} call ${service}`, caller);
      }
      const candidates = keys.callerKeys.get(caller) ?? [];
      let payload: jwt.JwtPayload | undefined;
      let failure = 'no key for this caller';
      for (const key of candidates) {
        try {
          payload = jwt.verify(token, key, {
            algorithms: [SERVICE_TOKEN_ALGORITHM],
            audience,
            issuer: serviceAudience(caller),
            subject: caller,
            clockTolerance: serviceTokenLeewaySeconds,
            clockTimestamp: Math.floor(now() / 1000),
          }) as jwt.JwtPayload;
          break;
        } catch (error) {
          failure = (error as Error).message;
        }
      }
      if (!payload) throw new ServiceTokenRefused(401, failure, caller);
      if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') {
        throw new ServiceTokenRefused(401, 'no expiry', caller);
      }
      if (payload.exp - payload.iat > serviceTokenMaxLifetimeSeconds) {
        throw new ServiceTokenRefused(401, 'lifetime too long', caller);
      }
      return caller;
    },
  };
}
