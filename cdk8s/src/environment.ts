import { createHash } from 'node:crypto';
import {
  type ServiceEntry,
  type WorkerEntry,
  deployedDefault,
  envFor,
  secretLayout,
  service,
  serviceUrlVariable,
  storePorts,
} from '@what-if/catalog';
import { devFiles, shutdownMarginSeconds } from './kubernetes-defaults';
import { componentName } from './naming';
import type { Profile } from './profile';

/** A variable computed from other settings, so a profile cannot set it. */
function isComputed(entry: ServiceEntry, name: string): boolean {
  return name === 'PORT' || entry.calls.some((callee) => serviceUrlVariable(callee) === name);
}

/** The claim of the dev stores' shared files volume, when the service keeps files and the stores are in the cluster. */
export function sharedFilesClaim(profile: Profile, entry: ServiceEntry): string | undefined {
  return profile.stores.kind === 'in-cluster' && entry.objectStorage
    ? componentName(profile, `${entry.name}-files`)
    : undefined;
}

/**
 * The variables a service reads from its Secret (the catalog's secret layout). With External
 * Secrets the Secret holds every one, so each is required and no pod starts before it is
 * complete; otherwise one the service starts without (a feature off) may be absent.
 */
export function secretVariables(
  profile: Profile,
  entry: ServiceEntry,
): { name: string; optional: boolean }[] {
  return secretLayout(entry.name).map((source) => ({
    name: source.variable,
    optional: source.optional && !profile.externalSecrets,
  }));
}

function computedEnv(profile: Profile, entry: ServiceEntry): Record<string, string> {
  const computed: Record<string, string> = { PORT: String(entry.port) };
  for (const callee of entry.calls) {
    computed[serviceUrlVariable(callee)] = `http://${componentName(profile, callee)}:${service(callee).port}`;
  }
  if (profile.stores.kind === 'in-cluster' && entry.stores.includes('dynamodb')) {
    computed.DYNAMODB_ENDPOINT = `http://${componentName(profile, 'dynamodb')}:${storePorts.dynamodb}`;
    computed.DYNAMODB_CREATE_TABLES = 'true';
  }
  // Without S3, the service and its workers keep files on the dev stores' shared volume.
  if (profile.stores.kind === 'in-cluster' && entry.objectStorage) {
    computed[entry.objectStorage.directoryVariable] = devFiles.mountPath;
  }
  return computed;
}

/**
 * The service's ConfigMap: every non-secret variable with its deployed default, the
 * profile's overrides, and the computed ones. An override of a variable the service does not
 * read is a mistake, and fails the synth.
 */
export function configData(profile: Profile, entry: ServiceEntry): Record<string, string> {
  const settable: Record<string, string> = {};
  for (const variable of envFor(entry.name)) {
    if (variable.secret || isComputed(entry, variable.name)) continue;
    settable[variable.name] = deployedDefault(variable, 'eks-alb') ?? '';
  }
  const overrides = profile.env[entry.name] ?? {};
  const unknown = Object.keys(overrides).filter((name) => !(name in settable));
  if (unknown.length > 0) {
    throw new Error(
      `Profile ${profile.name} sets ${unknown.join(', ')} on ${entry.name}, which does not read it`,
    );
  }
  const data = { ...settable, ...overrides, ...computedEnv(profile, entry) };
  const storage = entry.objectStorage;
  if (storage && data[storage.storageVariable] === 's3' && !data[storage.bucketVariable]) {
    throw new Error(
      `Profile ${profile.name}: ${entry.name} keeps its files in S3 (${storage.storageVariable}=s3) but ${storage.bucketVariable} is empty, so it would refuse to start; name the bucket (make deploy-eks takes it from the EKS prerequisites stack)`,
    );
  }
  return data;
}

/** The in-cluster stores' connection strings, for the service's Secret in the dev profile. */
export function inClusterStoreSecrets(profile: Profile, entry: ServiceEntry): Record<string, string> {
  const data: Record<string, string> = {};
  if (entry.stores.includes('postgres')) {
    data.DATABASE_URL = `postgres://postgres@${componentName(profile, 'postgres')}:${storePorts.postgres}/whatif`;
  }
  if (entry.stores.includes('redis')) {
    data.REDIS_URL = `redis://${componentName(profile, 'redis')}:${storePorts.redis}`;
  }
  return data;
}

function secondsFromMilliseconds(config: Record<string, string>, name: string): number {
  const value = Number(config[name]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be whole milliseconds, not "${config[name]}"`);
  return Math.ceil(value / 1000);
}

/** How long a pod keeps serving after SIGTERM: readiness fails for the delay, then requests drain. */
export function shutdownSeconds(config: Record<string, string>): number {
  return (
    secondsFromMilliseconds(config, 'SHUTDOWN_DELAY_MS') +
    secondsFromMilliseconds(config, 'SHUTDOWN_TIMEOUT_MS')
  );
}

export function terminationGracePeriodSeconds(config: Record<string, string>): number {
  return shutdownSeconds(config) + shutdownMarginSeconds;
}

/** A worker's: its service's readiness delay, then its own drain (the running job's time to finish). */
export function workerGracePeriodSeconds(config: Record<string, string>, worker: WorkerEntry): number {
  return secondsFromMilliseconds(config, 'SHUTDOWN_DELAY_MS') + worker.drainSeconds + shutdownMarginSeconds;
}

/**
 * sha256 of the ConfigMap data as Go's encoding/json writes it (sorted keys, <, > and &
 * escaped), so the pods roll when it changes and the checksum equals the chart's.
 */
export function configChecksum(data: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const json = JSON.stringify(sorted)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return createHash('sha256').update(json).digest('hex');
}
