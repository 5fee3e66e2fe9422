import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ServiceName, serviceNames } from '@what-if/catalog';
import {
  type ServiceKeyPair,
  type ServiceKeyRing,
  generateServiceKeyPair,
  generateServiceKeyRing,
  serviceIdentityEnv,
} from '@what-if/kit';

/** Where make dev and make up keep each service's private key, beside the access-token signing key. */
export function devServiceKeysDirectory(repoRoot: string): string {
  return path.join(repoRoot, '.dev', 'service-keys');
}

/** A service's key pair from `<directory>/<service>.pem`, made once when the file is missing. */
function keptKeyPair(directory: string, name: ServiceName): ServiceKeyPair {
  const file = path.join(directory, `${name}.pem`);
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, generateServiceKeyPair().privateKeyPem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another launcher made it first; use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateKeyPem = readFileSync(file, 'utf8');
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem))
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return { privateKeyPem, publicKeyPem };
}

/**
 * Every service's key pair: kept in `directory` (make dev: .dev/service-keys, so a restarted
 * service is still trusted by the others), or, without one, made in memory for this run only
 * (the fuzz stack).
 */
export function loadServiceKeyRing(directory: string | undefined): ServiceKeyRing {
  if (!directory) return generateServiceKeyRing();
  return Object.fromEntries(serviceNames.map((name) => [name, keptKeyPair(directory, name)])) as Record<
    ServiceName,
    ServiceKeyPair
  >;
}

/** The env file of a service: its two identity variables, one line each, PEM newlines as `\n`. */
export function serviceKeyEnvFile(name: ServiceName, ring: ServiceKeyRing): string {
  const env = serviceIdentityEnv(name, ring);
  // Literal `\n`s: Compose's env_file, `kubectl --from-env-file` and util.parseEnv all keep an
  // unquoted value as written, and the kit reads `\n` in a PEM as a line break.
  const oneLine = (value: string) => value.trim().replace(/\r?\n/g, '\\n');
  return [
    `SERVICE_SIGNING_KEY=${oneLine(env.SERVICE_SIGNING_KEY)}`,
    `SERVICE_PUBLIC_KEYS=${JSON.stringify(
      Object.fromEntries(
        Object.entries(JSON.parse(env.SERVICE_PUBLIC_KEYS) as Record<string, string>).map(([caller, pem]) => [
          caller,
          oneLine(pem),
        ]),
      ),
    )}`,
    '',
  ].join('\n');
}

/**
 * Makes (once) every service's key in `directory` and writes `<service>.env` beside each:
 * what docker-compose.yml's env_file entries read, and what an operator loads into a
 * Kubernetes Secret or the service's Secrets Manager secret. Returns the files written.
 */
export function writeServiceKeyEnvFiles(directory: string): string[] {
  const ring = loadServiceKeyRing(directory);
  return serviceNames.map((name) => {
    const file = path.join(directory, `${name}.env`);
    writeFileSync(file, serviceKeyEnvFile(name, ring), { mode: 0o600 });
    return file;
  });
}
