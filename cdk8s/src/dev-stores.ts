import { type StoreKind, storePorts } from '@what-if/catalog';

/**
 * How each development store runs: the same image pins as docker-compose.yml, its image's
 * own non-root user, its arguments, the paths it writes (each an emptyDir, the root
 * filesystem staying read-only) and the probe that says it answers. PGDATA sits one level
 * below its volume so the postgres user owns, and may chmod, the directory.
 */
export interface DevStoreSpec {
  image: string;
  user: number;
  group: number;
  args: string[];
  env: { name: string; value: string }[];
  writablePaths: string[];
  probe: { command: string[] } | { tcpPort: number };
  resources: { requests: { cpu: number; memoryMiB: number }; limits: { cpu: number; memoryMiB: number } };
}

export const devStores: Record<StoreKind, DevStoreSpec> = {
  postgres: {
    image: 'postgres:16-alpine',
    user: 70,
    group: 70,
    args: [],
    env: [
      { name: 'POSTGRES_DB', value: 'whatif' },
      // No password: only the user service's pods may reach it (its NetworkPolicy), on a development cluster.
      { name: 'POSTGRES_HOST_AUTH_METHOD', value: 'trust' },
      { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
    ],
    writablePaths: ['/var/lib/postgresql/data', '/var/run/postgresql', '/tmp'],
    probe: { command: ['pg_isready', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'whatif'] },
    resources: { requests: { cpu: 100, memoryMiB: 256 }, limits: { cpu: 500, memoryMiB: 512 } },
  },
  redis: {
    image: 'redis:7-alpine',
    user: 999,
    group: 1000,
    args: ['redis-server', '--save', '', '--appendonly', 'no'],
    env: [],
    writablePaths: ['/data', '/tmp'],
    probe: { command: ['redis-cli', 'ping'] },
    resources: { requests: { cpu: 50, memoryMiB: 64 }, limits: { cpu: 250, memoryMiB: 128 } },
  },
  dynamodb: {
    image: 'amazon/dynamodb-local:3.1.0',
    user: 1000,
    group: 1000,
    args: ['-jar', 'DynamoDBLocal.jar', '-sharedDb', '-inMemory', '-disableTelemetry'],
    env: [],
    writablePaths: ['/tmp'],
    probe: { tcpPort: storePorts.dynamodb },
    resources: { requests: { cpu: 100, memoryMiB: 256 }, limits: { cpu: 500, memoryMiB: 768 } },
  },
};

export const devStoreProbeTimings = { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 6 } as const;
export const devStoreStartupTimings = { periodSeconds: 2, timeoutSeconds: 3, failureThreshold: 30 } as const;
