import { envFor } from './env';
import { listIncludes } from './aws-resources';
import { service } from './services';
import type { ConfiguredEnv, ServiceName } from './types';

/**
 * Where a deployment's secret store (AWS Secrets Manager on ECS and EKS) keeps each secret a
 * service reads: the one layout both paths use. Keys are relative to the deployment's prefix
 * (`whatif/<env>/`); `property` names a field of a JSON secret, none means the whole string.
 */
export interface SecretSource {
  /** The environment variable the service reads it as. */
  variable: string;
  /** The secret's name below the deployment's prefix. */
  key: string;
  property?: string;
  /**
   * Whether the service starts without it where a deployment provides no value (a feature is
   * off, or the connection string carries it). A deployment that holds every secret of the
   * layout requires them all, so no pod starts before its secrets are there.
   */
  optional: boolean;
}

/** The stores' connection secrets, shared by every service that uses the store. */
export const storeSecretKeys = {
  /** postgresql://<endpoint>:5432/whatif without credentials (a plain string). */
  postgresUrl: 'postgres/DATABASE_URL',
  /** The rotated owner credentials: a JSON secret with username and password. */
  postgresCredentials: 'postgres/credentials',
  /** The ElastiCache AUTH token. */
  redisAuthToken: 'redis/auth-token',
  /** rediss://:<token>@<primary endpoint>:6379 (a plain string). */
  redisUrl: 'redis/REDIS_URL',
} as const;

/** Application secrets are JSON with the value under this key (Secrets Manager refuses empty strings). */
export const applicationSecretProperty = 'value';

/** An application secret's key: one secret per service and variable. */
export function applicationSecretKey(name: ServiceName, variable: string): string {
  return `${name}/${variable}`;
}

function storeSources(name: ServiceName): SecretSource[] {
  const stores = service(name).stores;
  const sources: SecretSource[] = [];
  if (stores.includes('postgres')) {
    sources.push(
      { variable: 'DATABASE_URL', key: storeSecretKeys.postgresUrl, optional: false },
      // node-postgres takes the credentials from these when the URL carries none.
      { variable: 'PGUSER', key: storeSecretKeys.postgresCredentials, property: 'username', optional: true },
      {
        variable: 'PGPASSWORD',
        key: storeSecretKeys.postgresCredentials,
        property: 'password',
        optional: true,
      },
    );
  }
  if (stores.includes('redis')) {
    sources.push({ variable: 'REDIS_URL', key: storeSecretKeys.redisUrl, optional: false });
  }
  return sources;
}

/**
 * Every secret a service reads, and where the secret store keeps it: its stores' connection
 * secrets, then one application secret per other `secret: true` variable of the catalog.
 */
export function secretLayout(name: ServiceName): SecretSource[] {
  const fromStores = storeSources(name);
  const provided = new Set(fromStores.map((source) => source.variable));
  const application = envFor(name)
    .filter((variable) => variable.secret && !provided.has(variable.name))
    .map((variable) => ({
      variable: variable.name,
      key: applicationSecretKey(name, variable.name),
      property: applicationSecretProperty,
      optional: variable.default === '',
    }));
  return [...fromStores, ...application];
}

/** Whether this configuration makes the service call anything outside over HTTPS (a provider, SES). */
export function needsOutboundHttps(name: ServiceName, env: ConfiguredEnv): boolean {
  return (service(name).outboundHttps ?? []).some((use) =>
    use.listsAnyOf.some((value) => listIncludes(env[use.variable], value)),
  );
}
