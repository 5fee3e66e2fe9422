import { generateKeyPairSync } from 'node:crypto';
import { type ServiceName, callersOf, serviceNames } from '@what-if/catalog';

/** One service's key pair, as PEM text. */
export interface ServiceKeyPair {
  /** PKCS#8 PEM: the service's SERVICE_SIGNING_KEY. */
  privateKeyPem: string;
  /** SPKI PEM: what its callees hold in SERVICE_PUBLIC_KEYS. */
  publicKeyPem: string;
}

/** Every service's keys: what make dev keeps in .dev/service-keys, what a test makes for itself. */
export type ServiceKeyRing = Readonly<Record<ServiceName, ServiceKeyPair>>;

export function generateServiceKeyPair(): ServiceKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A fresh key pair for every service in the catalog. */
export function generateServiceKeyRing(): ServiceKeyRing {
  return Object.fromEntries(serviceNames.map((name) => [name, generateServiceKeyPair()])) as Record<
    ServiceName,
    ServiceKeyPair
  >;
}

/** SERVICE_PUBLIC_KEYS of a service: the public keys of exactly the services the catalog lets call it. */
export function servicePublicKeysJson(
  service: ServiceName,
  publicKeys: Readonly<Partial<Record<ServiceName, string>>>,
): string {
  const entries = callersOf(service).flatMap((caller) => {
    const pem = publicKeys[caller];
    return pem ? [[caller, pem] as const] : [];
  });
  return JSON.stringify(Object.fromEntries(entries));
}

/** The two variables that give a service its identity, from a key ring. */
export function serviceIdentityEnv(
  service: ServiceName,
  ring: ServiceKeyRing,
): { SERVICE_SIGNING_KEY: string; SERVICE_PUBLIC_KEYS: string } {
  return {
    SERVICE_SIGNING_KEY: ring[service].privateKeyPem,
    SERVICE_PUBLIC_KEYS: servicePublicKeysJson(
      service,
      Object.fromEntries(serviceNames.map((name) => [name, ring[name].publicKeyPem])),
    ),
  };
}
