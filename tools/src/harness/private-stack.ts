import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type WriteStream, createWriteStream } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { type ServiceName, serviceUrlVariable, services } from '@what-if/catalog';
import { createLogger } from '@what-if/kit';
import { removeScratchKeys } from '../bench/scratch-keys';
import { type DevConfig, catalogDefault, defaultRepoRoot, devConfigFromEnv, inMemory } from '../dev/config';
import { dropDatabase } from '../dev/database';
import type { Output } from '../dev/output';
import { DevStack } from '../dev/stack';
import { describeExit } from '../dev/supervisor';

/**
 * Far above what a fuzzer sends, so the gateway's rate limits and generation's quotas count
 * every request but never refuse one; set through the catalog's variables, as an operator would.
 */
export const limitsThatNeverRefuse: Readonly<Record<string, string>> = {
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
  RATE_LIMIT_REFRESH_PER_MINUTE: '1000000000',
  QUOTA_ANONYMOUS_PER_DAY: '1000000000',
  QUOTA_USER_PER_DAY: '1000000000',
  QUOTA_MODERATOR_PER_DAY: '1000000000',
  QUOTA_ADMIN_PER_DAY: '1000000000',
};

export interface PrivateStackOptions {
  /** Names the run's database (whatif_<label>_<run>) and Redis prefix (<label>:<run>:). */
  label: string;
  /** Every line the launcher and the services write goes here. */
  logFile: string;
  /** The caller's environment: DATABASE_URL and REDIS_URL pick the servers, as for make dev. */
  env: NodeJS.ProcessEnv;
  /** Set for every service over what the stack sets (the mailer, say), given the stack's addresses. */
  serviceEnvironment?: (addresses: { webUrl: string | undefined }) => NodeJS.ProcessEnv;
  /** Also serve the web app's static export from this folder, on one origin with the API. */
  webRoot?: string;
  repoRoot?: string;
  /**
   * Names the database and Redis prefix instead of a fresh run id: a stack started again on
   * restored data (the disaster-recovery drill) must find the database it had.
   */
  runId?: string;
  /** A DynamoDB the caller runs (and keeps) instead of the stack's own in-memory dynalite. */
  dynamodb?: { port: number; tablePrefix: string };
}

export interface PrivateStack {
  /** Base URL of each service, the gateway included. */
  urls: Record<ServiceName, string>;
  /** The web app, when the stack serves it. */
  webUrl: string | undefined;
  /** The user service's environment, for its command-line tools (create-admin). */
  userEnvironment: NodeJS.ProcessEnv;
  /** Services that exited while the stack ran: each is a crash the fuzzer caused. */
  crashes(): string[];
  /** Stops the services and removes the run's database, Redis keys and tables. */
  stop(): Promise<void>;
}

/** A run's own name for its database and Redis prefix: time-ordered, and unique between runs. */
export function newRunId(): string {
  return `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Ports nothing listens on now, taken all at once so no two are the same. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * The launcher's configuration for a stack of a run's own (contract fuzzing, the browser
 * tests): every service, dynalite, the web app and every worker on free ports (so it never
 * meets make dev or a test on the fixed ones), its own database on the same PostgreSQL server,
 * its own Redis key prefix, and dynalite in memory. `ports` holds one per service, then
 * dynalite's, then the web app's when there is a `webRoot`, then one per worker
 * (privateStackPortCount says how many).
 */
export function privateStackConfig(
  env: NodeJS.ProcessEnv,
  ports: readonly number[],
  runId: string,
  repoRoot: string = defaultRepoRoot,
  label = 'fuzz',
  webRoot?: string,
): DevConfig {
  const databaseUrl = new URL(env['DATABASE_URL'] || catalogDefault('DATABASE_URL'));
  databaseUrl.pathname = `/whatif_${label}_${runId}`;
  const base = devConfigFromEnv(
    {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: env['REDIS_URL'] ?? '',
      DEV_REDIS_KEY_PREFIX: `${label}:${runId}:`,
      DEV_DYNAMODB_PORT: String(ports[services.length]),
      // Never make dev's LevelDB in .dev/: a run's tables go with it.
      DEV_DYNAMODB_PATH: inMemory,
      LOG_FORMAT: 'json',
      NO_COLOR: '1',
    },
    { repoRoot },
  );
  // Workers take the last ports, in catalog order.
  let next = services.length + (webRoot ? 2 : 1);
  return {
    ...base,
    // A run's stack runs the code it was started with; nobody edits it meanwhile.
    watch: false,
    services: services.map((entry, index) => ({
      ...entry,
      port: ports[index]!,
      ...(entry.workers
        ? { workers: entry.workers.map((worker) => ({ ...worker, port: ports[next++]! })) }
        : {}),
    })),
    web: webRoot ? { port: ports[services.length + 1]!, root: webRoot } : undefined,
    // Keys of this run's own, never written anywhere: make dev's services do not trust them.
    serviceKeysDirectory: undefined,
  };
}

/** Free ports a private stack needs: each service's, dynalite's, the web app's when it has one, each worker's. */
export function privateStackPortCount(withWeb: boolean): number {
  return services.length + (withWeb ? 2 : 1) + services.flatMap((entry) => entry.workers ?? []).length;
}

/** What the services read besides what the launcher sets: where the others are, and limits that never refuse. */
export function privateServiceEnvironment(config: DevConfig, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return {
    ...env,
    ...limitsThatNeverRefuse,
    ...Object.fromEntries(
      config.services.map((entry) => [serviceUrlVariable(entry.name), `http://127.0.0.1:${entry.port}`]),
    ),
    // A key of this run's own: the run's tokens are worth nothing to make dev's stack.
    JWT_SIGNING_KEY: signingKey,
    // Mail (verification, resets) goes to the log instead of make dev's outbox.
    MAILER: 'log',
    // The whole request log is the evidence for a finding; keep it.
    LOG_LEVEL: 'info',
  };
}

function fileOutput(stream: WriteStream, onReady: () => void, onCrash: (text: string) => void): Output {
  const write = (name: string, line: string) => stream.write(`${name} | ${line}\n`);
  const logger = createLogger({
    service: 'private-stack',
    level: 'info',
    destination: { write: (text: string) => write('launcher', text.trimEnd()) },
  });
  return {
    logger,
    serviceLine: write,
    problem: (text) => {
      write('launcher', text);
      process.stderr.write(`${text}\n`);
    },
    ready: () => onReady(),
    unexpectedExit: (exit) => {
      const text = `${exit.name} ${describeExit(exit)}; its last lines were:\n${exit.lastLines.join('\n')}`;
      write('launcher', text);
      onCrash(text);
    },
  };
}

/** Starts the whole stack the way make dev does, on free ports, and resolves once the gateway's /health is 200. */
export async function startPrivateStack(options: PrivateStackOptions): Promise<PrivateStack> {
  const runId = options.runId ?? newRunId();
  const ports = await freePorts(privateStackPortCount(options.webRoot !== undefined));
  const ownConfig = privateStackConfig(
    options.env,
    ports,
    runId,
    options.repoRoot,
    options.label,
    options.webRoot,
  );
  const config: DevConfig = options.dynamodb
    ? {
        ...ownConfig,
        dynamodb: {
          ...ownConfig.dynamodb,
          port: options.dynamodb.port,
          tablePrefix: options.dynamodb.tablePrefix,
          external: true,
        },
      }
    : ownConfig;
  const webUrl = config.web ? `http://localhost:${config.web.port}` : undefined;
  const log = createWriteStream(options.logFile);
  const crashes: string[] = [];
  let becameReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (becameReady = resolve));
  const serviceEnvironment = {
    ...privateServiceEnvironment(config, options.env),
    ...options.serviceEnvironment?.({ webUrl }),
  };
  const stack = new DevStack(
    config,
    fileOutput(
      log,
      () => becameReady(),
      (text) => crashes.push(text),
    ),
    serviceEnvironment,
  );
  const ended = stack.run();
  process.on('exit', () => stack.killNow());

  const cleanUp = async () => {
    await Promise.allSettled([
      dropDatabase(config.databaseUrl, config.storeTimeoutMs),
      removeScratchKeys(config.redisUrl, config.redisKeyPrefix ?? ''),
    ]);
    await new Promise((resolve) => log.end(resolve));
  };

  const outcome = await Promise.race([ready.then(() => 'ready' as const), ended]);
  if (outcome !== 'ready') {
    await cleanUp();
    throw new Error(
      `the ${options.label} stack did not start (launcher exit ${outcome}); see ${options.logFile}${
        crashes.length > 0 ? `:\n${crashes.join('\n')}` : ''
      }`,
    );
  }

  const urls = Object.fromEntries(
    config.services.map((entry) => [entry.name, `http://127.0.0.1:${entry.port}`]),
  ) as Record<ServiceName, string>;
  const user = config.services.find((entry) => entry.name === 'user')!;
  return {
    urls,
    webUrl,
    userEnvironment: {
      ...serviceEnvironment,
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      REDIS_KEY_PREFIX: `${config.redisKeyPrefix}${user.name}:`,
    },
    crashes: () => [...crashes],
    async stop() {
      stack.requestStop(`the ${options.label} run is over`);
      await ended;
      await cleanUp();
    },
  };
}
