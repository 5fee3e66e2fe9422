import { type KeyObject, createPrivateKey, createPublicKey } from 'node:crypto';
import { type ServiceName, callersOf, serviceNames } from '@what-if/catalog';

/** This service's signing key and the verification keys of the services allowed to call it. */
export interface ServiceKeys {
  signingKey: KeyObject;
  /** Each catalog caller's public keys: one, or two while that caller rotates its key. */
  callerKeys: ReadonlyMap<ServiceName, readonly KeyObject[]>;
}

/** The configuration the keys are read from (the kit's base config schema has both). */
export interface ServiceKeyConfig {
  SERVICE_SIGNING_KEY: string;
  SERVICE_PUBLIC_KEYS: string;
}

function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

function isServiceName(value: string): value is ServiceName {
  return (serviceNames as readonly string[]).includes(value);
}

function readSigningKey(pem: string, problems: string[]): KeyObject | undefined {
  if (pem === '') {
    problems.push(
      'SERVICE_SIGNING_KEY is missing: every service needs its own EC P-256 private key (PKCS#8 PEM) to call other services (make dev makes one in .dev/service-keys; docs/cross-service.md)',
    );
    return undefined;
  }
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    if (isP256(key)) return key;
    problems.push('SERVICE_SIGNING_KEY is not an EC P-256 private key');
  } catch {
    problems.push('SERVICE_SIGNING_KEY is not a readable PEM private key');
  }
  return undefined;
}

function readPublicKeys(
  service: ServiceName,
  json: string,
  problems: string[],
): { keys: Map<ServiceName, KeyObject[]>; ignored: string[] } {
  const keys = new Map<ServiceName, KeyObject[]>();
  const ignored: string[] = [];
  const callers = callersOf(service);
  let parsed: unknown = {};
  if (json.trim() !== '') {
    try {
      parsed = JSON.parse(json);
    } catch {
      problems.push('SERVICE_PUBLIC_KEYS is not JSON: give {"<service>": "<PEM>"}');
      return { keys, ignored };
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push('SERVICE_PUBLIC_KEYS must be a JSON object: {"<service>": "<PEM>"}');
    return { keys, ignored };
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (!isServiceName(name) || !callers.includes(name)) {
      // A key of a service the catalog no longer lets call this one: harmless, and never used.
      ignored.push(name);
      continue;
    }
    const pems: unknown[] = Array.isArray(value) ? value : [value];
    const read: KeyObject[] = [];
    for (const [index, pem] of pems.entries()) {
      const where = pems.length > 1 ? `${name}[${index}]` : name;
      try {
        if (typeof pem !== 'string') throw new Error('not a string');
        const key = createPublicKey({ key: pem.replace(/\\n/g, '\n'), format: 'pem' });
        if (!isP256(key)) throw new Error('not P-256');
        // A private key would also yield a public key; refuse it, so none is ever spread around.
        if (/PRIVATE KEY/.test(pem)) throw new Error('private');
        read.push(key);
      } catch {
        problems.push(`SERVICE_PUBLIC_KEYS.${where} is not an EC P-256 public key in PEM`);
      }
    }
    if (read.length > 0) keys.set(name, read);
  }
  for (const caller of callers) {
    if (
      !keys.has(caller) &&
      !problems.some((problem) => problem.startsWith(`SERVICE_PUBLIC_KEYS.${caller}`))
    ) {
      problems.push(
        `SERVICE_PUBLIC_KEYS has no key for ${caller}, which the catalog lets call ${service}: its calls would all be refused`,
      );
    }
  }
  return { keys, ignored };
}

/**
 * Reads and checks a service's keys. Every problem is reported at once; the caller turns them
 * into a ConfigError, so a service with a missing or broken key never starts.
 */
export function readServiceKeys(
  service: ServiceName,
  config: ServiceKeyConfig,
): { keys?: ServiceKeys; problems: string[]; ignoredCallers: string[] } {
  const problems: string[] = [];
  const signingKey = readSigningKey(config.SERVICE_SIGNING_KEY, problems);
  const { keys, ignored } = readPublicKeys(service, config.SERVICE_PUBLIC_KEYS, problems);
  if (problems.length > 0 || !signingKey) return { problems, ignoredCallers: ignored };
  return { keys: { signingKey, callerKeys: keys }, problems, ignoredCallers: ignored };
}
