import type { ServiceName } from '@what-if/catalog';
import { createServiceIdentity, readServiceKeys } from '@what-if/kit';
import jwt from 'jsonwebtoken';
import { harnessIdentityEnv, harnessKeyRing } from '../../tools/src/harness/service-keys';

/**
 * Service keys for tests: one ring per test process, shared by the services a test starts in
 * process and those it starts as processes, so they trust each other as a deployment's do.
 */
export { harnessKeyRing as testKeyRing };

/** SERVICE_SIGNING_KEY and SERVICE_PUBLIC_KEYS for a service a test starts. */
export function testServiceIdentity(name: ServiceName): ReturnType<typeof harnessIdentityEnv> {
  return harnessIdentityEnv(name);
}

/** A service token as `caller` signs it for `callee`, the way the kit's client sends it. */
export function serviceToken(caller: ServiceName, callee: ServiceName): string {
  const keys = readServiceKeys(caller, harnessIdentityEnv(caller));
  if (!keys.keys) throw new Error(keys.problems.join('; '));
  return createServiceIdentity(caller, keys.keys).tokenFor(callee);
}

/** A token with claims of the test's choosing, signed with `signer`'s key (forgeries and expired tokens). */
export function craftedServiceToken(
  signer: ServiceName,
  claims: { kid?: string; iss?: string; sub?: string; aud?: string; iat?: number; exp?: number },
): string {
  const now = Math.floor(Date.now() / 1000);
  const { kid = signer, iat = now, exp = now + 60, ...rest } = claims;
  return jwt.sign(
    { iss: `what-if:${signer}`, sub: signer, aud: 'what-if:user', iat, exp, ...rest },
    harnessKeyRing()[signer].privateKeyPem,
    { algorithm: 'ES256', keyid: kid },
  );
}

/**
 * Who signed this Authorization header, checked as `callee` would check it (for stand-ins of a
 * service, so a test sees that calls into it carry a service token); undefined when nothing valid.
 */
export function verifiedCaller(
  callee: ServiceName,
  authorization: string | undefined,
): ServiceName | undefined {
  const keys = readServiceKeys(callee, harnessIdentityEnv(callee));
  if (!keys.keys) throw new Error(keys.problems.join('; '));
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    return createServiceIdentity(callee, keys.keys).verify(token);
  } catch {
    return undefined;
  }
}
