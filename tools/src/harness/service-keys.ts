import type { ServiceName } from '@what-if/catalog';
import { type ServiceKeyRing, generateServiceKeyRing, serviceIdentityEnv } from '@what-if/kit';

let ring: ServiceKeyRing | undefined;

/**
 * One key pair per service for everything this process starts (benchmarks, tests): made on first
 * use and kept in memory only, so every service it starts trusts the others and nothing else.
 */
export function harnessKeyRing(): ServiceKeyRing {
  ring ??= generateServiceKeyRing();
  return ring;
}

/** SERVICE_SIGNING_KEY and SERVICE_PUBLIC_KEYS of a service this process starts. */
export function harnessIdentityEnv(name: ServiceName): ReturnType<typeof serviceIdentityEnv> {
  return serviceIdentityEnv(name, harnessKeyRing());
}
