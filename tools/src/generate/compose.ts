import {
  type ServiceEntry,
  type ServiceName,
  type StoreKind,
  type WorkerEntry,
  envFor,
  serviceUrlVariable,
  services,
  storePorts,
} from '@what-if/catalog';
import { Document, isMap, isScalar, visit } from 'yaml';

/** Where the store containers live on the compose network; services reach them by these names. */
const storeUrls = {
  DATABASE_URL: `postgres://postgres@postgres:${storePorts.postgres}/whatif`,
  REDIS_URL: `redis://redis:${storePorts.redis}`,
  DYNAMODB_ENDPOINT: `http://dynamodb:${storePorts.dynamodb}`,
} as const;

/** Compose-only values: a production build, and DynamoDB Local starts empty on every run. */
const stackSettings = {
  NODE_ENV: 'production',
  DYNAMODB_CREATE_TABLES: 'true',
} as const;

/**
 * Compose-only values of one service. The user service signs with a key it makes at start
 * (no key is committed, and the stack runs one replica of it), and keeps its mail as files
 * (`docker compose exec user ls /tmp/outbox`).
 */
const serviceSettings: Partial<Record<ServiceName, Record<string, string>>> = {
  user: { JWT_ALLOW_EPHEMERAL_KEY: 'true', MAILER: 'outbox', MAIL_OUTBOX_DIR: '/tmp/outbox' },
  video: { VIDEO_STORAGE_DIR: '/var/lib/what-if' },
};

/**
 * Each service's identity (docs/cross-service.md): its own key and its callers' public keys are
 * made on the machine that runs the stack (`make service-keys`, which `make up` runs first) and
 * read from `.dev/service-keys/<service>.env`; no key is committed.
 */
export const identityVariables = ['SERVICE_SIGNING_KEY', 'SERVICE_PUBLIC_KEYS'] as const;

/** The env file holding a service's identity, relative to docker-compose.yml. */
export function identityEnvFile(name: ServiceName): string {
  return `.dev/service-keys/${name}.env`;
}

/**
 * Volumes a service and its workers share: the video API serves the files its worker renders.
 * Mounted on /var/lib/what-if, which the image makes for its user, so the volume is theirs.
 */
const sharedVolumes: Partial<Record<ServiceName, string>> = { video: 'videos:/var/lib/what-if' };

type ComposeService = Record<string, unknown>;

const storeContainers: Record<StoreKind, ComposeService> = {
  postgres: {
    image: 'postgres:16-alpine',
    environment: {
      POSTGRES_DB: 'whatif',
      POSTGRES_HOST_AUTH_METHOD: 'trust',
    },
    healthcheck: {
      // Over TCP: the image's first-start initialisation runs a socket-only server that
      // would otherwise pass the check and then restart under the services.
      test: ['CMD', 'pg_isready', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'whatif'],
      interval: '5s',
      timeout: '3s',
      retries: 10,
    },
  },
  redis: {
    image: 'redis:7-alpine',
    healthcheck: {
      test: ['CMD', 'redis-cli', 'ping'],
      interval: '5s',
      timeout: '3s',
      retries: 10,
    },
  },
  dynamodb: {
    image: 'amazon/dynamodb-local:3.1.0',
    command: ['-jar', 'DynamoDBLocal.jar', '-sharedDb', '-inMemory', '-disableTelemetry'],
    healthcheck: {
      // Any HTTP answer (an unsigned request gets 400) means the server is up.
      test: ['CMD-SHELL', `curl -s -o /dev/null http://127.0.0.1:${storePorts.dynamodb} || exit 1`],
      interval: '5s',
      timeout: '3s',
      retries: 10,
    },
  },
};

const storeOrder: readonly StoreKind[] = ['postgres', 'redis', 'dynamodb'];

function serviceBaseUrl(name: ServiceName, port: number): string {
  return `http://${name}:${port}`;
}

/** Every upstream URL variable, pointing at the callee's container. */
function upstreamUrls(): Record<string, string> {
  return Object.fromEntries(
    services.map((entry) => [serviceUrlVariable(entry.name), serviceBaseUrl(entry.name, entry.port)]),
  );
}

/**
 * The catalog's variables with their defaults, except where the compose network differs
 * from a laptop: stores and upstreams by container name. A variable with no default is
 * left empty (null), so compose passes it through from the shell that runs it.
 */
function environment(entry: ServiceEntry): Record<string, string | null> {
  const overrides: Record<string, string> = {
    ...storeUrls,
    ...stackSettings,
    ...upstreamUrls(),
    ...serviceSettings[entry.name],
  };
  return Object.fromEntries(
    envFor(entry.name)
      .filter((variable) => !(identityVariables as readonly string[]).includes(variable.name))
      .map((variable) => [variable.name, overrides[variable.name] ?? variable.default ?? null]),
  );
}

function seconds(milliseconds: number): number {
  return Math.ceil(milliseconds / 1000);
}

/** SIGKILL must not come before the kit has failed readiness for the delay and drained. */
function stopGracePeriod(entry: ServiceEntry): string {
  const delay = envFor(entry.name).find((variable) => variable.name === 'SHUTDOWN_DELAY_MS')?.default;
  if (delay === undefined) throw new Error(`The catalog gives ${entry.name} no SHUTDOWN_DELAY_MS default`);
  return `${entry.drainSeconds + seconds(Number(delay))}s`;
}

function cpus(millicores: number): string {
  return String(millicores / 1000);
}

function memory(mebibytes: number): string {
  return `${mebibytes}M`;
}

function applicationService(entry: ServiceEntry): ComposeService {
  const stores = storeOrder.filter((store) => entry.stores.includes(store));
  return {
    build: {
      context: '.',
      dockerfile: 'Dockerfile',
      args: { SERVICE: entry.name, PORT: String(entry.port) },
    },
    image: `what-if/${entry.name}:local`,
    environment: environment(entry),
    env_file: [identityEnvFile(entry.name)],
    // A service cannot serve without its stores, so it waits for them to be healthy. It only
    // waits for the services it calls to start: one unhealthy service must degrade its own
    // features, not keep the rest of the stack (the gateway included) from coming up.
    depends_on: Object.fromEntries([
      ...stores.map((store) => [store, { condition: 'service_healthy' }]),
      ...entry.calls.map((callee) => [callee, { condition: 'service_started' }]),
    ]),
    // Only the public service is reachable from the host, and only from the host itself.
    ...(entry.public ? { ports: [`127.0.0.1:${entry.port}:${entry.port}`] } : {}),
    // The image's own check, run more often so dependants start soon after a service is up.
    healthcheck: { interval: '5s', start_period: '30s' },
    stop_grace_period: stopGracePeriod(entry),
    read_only: true,
    tmpfs: ['/tmp'],
    ...(sharedVolumes[entry.name] ? { volumes: [sharedVolumes[entry.name]] } : {}),
    cap_drop: ['ALL'],
    security_opt: ['no-new-privileges:true'],
    deploy: {
      resources: {
        limits: {
          cpus: cpus(entry.resources.cpu.limitMillicores),
          memory: memory(entry.resources.memory.limitMiB),
        },
        reservations: {
          cpus: cpus(entry.resources.cpu.requestMillicores),
          memory: memory(entry.resources.memory.requestMiB),
        },
      },
    },
  };
}

/**
 * A catalog worker: its service's image, configuration and volumes with the worker's command,
 * port (health only, not published), drain and resources. It needs the stores, not the API.
 */
function workerService(entry: ServiceEntry, worker: WorkerEntry): ComposeService {
  const service = applicationService(entry);
  const stores = storeOrder.filter((store) => entry.stores.includes(store));
  const delay = Number(environment(entry)['SHUTDOWN_DELAY_MS']);
  return {
    ...service,
    command: [...worker.command],
    environment: {
      ...environment(entry),
      PORT: String(worker.port),
      SHUTDOWN_TIMEOUT_MS: String(worker.drainSeconds * 1000),
    },
    depends_on: Object.fromEntries(stores.map((store) => [store, { condition: 'service_healthy' }])),
    stop_grace_period: `${worker.drainSeconds + seconds(delay)}s`,
    deploy: {
      resources: {
        limits: {
          cpus: cpus(worker.resources.cpu.limitMillicores),
          memory: memory(worker.resources.memory.limitMiB),
        },
        reservations: {
          cpus: cpus(worker.resources.cpu.requestMillicores),
          memory: memory(worker.resources.memory.requestMiB),
        },
      },
    },
  };
}

function header(): string {
  const entrances = services
    .filter((entry) => entry.public)
    .map((entry) => `the ${entry.name} answers on http://localhost:${entry.port}`);
  return [
    ' Generated by `make generate` from services/catalog (tools/src/generate/compose.ts).',
    ' Do not edit by hand: change the catalog or the generator and regenerate;',
    ' a test fails when this file and the catalog disagree.',
    '',
    ` make up (make service-keys, then docker compose up --build) runs the whole stack;`,
    ` ${entrances.join(', ')}`,
  ].join('\n');
}

/** docker-compose.yml for the whole stack, from the catalog. Same catalog, same bytes. */
export function renderCompose(): string {
  const storesInUse = storeOrder.filter((store) => services.some((entry) => entry.stores.includes(store)));
  const document = new Document({
    services: {
      ...Object.fromEntries(storesInUse.map((store) => [store, storeContainers[store]])),
      ...Object.fromEntries(services.map((entry) => [entry.name, applicationService(entry)])),
      ...Object.fromEntries(
        services.flatMap((entry) =>
          (entry.workers ?? []).map((worker) => [worker.name, workerService(entry, worker)]),
        ),
      ),
    },
    ...(Object.keys(sharedVolumes).length > 0
      ? {
          volumes: Object.fromEntries(
            Object.values(sharedVolumes).map((volume) => [volume.split(':')[0], {}]),
          ),
        }
      : {}),
  });
  document.commentBefore = header();
  // Lists of words read best on one line; a blank line between services eases scanning.
  visit(document, {
    Seq(_, sequence) {
      sequence.flow = true;
    },
  });
  const containers = document.get('services');
  if (isMap(containers)) {
    for (const [index, pair] of containers.items.entries()) {
      if (index > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    }
  }
  const postgresEnvironment = document.getIn(['services', 'postgres', 'environment']);
  if (isMap(postgresEnvironment)) {
    postgresEnvironment.commentBefore =
      ' No password: trust is safe only because this container is local and never published.';
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}
