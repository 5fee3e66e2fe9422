import path from 'node:path';
import { type ServiceEntry, envFor, frontend, services, storePorts } from '@what-if/catalog';
import { type LogFormat, wantsColor } from './log-format';
import { devServiceKeysDirectory } from './service-keys';

/** What the launcher needs to know, read once from the environment. */
export interface DevConfig {
  /** The monorepo root: services/<name>/dist/main.js and the catalog's migration folders are found from here. */
  repoRoot: string;
  services: readonly ServiceEntry[];
  databaseUrl: string;
  redisUrl: string;
  /** When set, each service gets REDIS_KEY_PREFIX=<prefix><service>:, so a run can keep to its own keys. */
  redisKeyPrefix: string | undefined;
  dynamodb: {
    port: number;
    /** The directory of dynalite's LevelDB, so data survives restarts; undefined keeps it in memory. */
    path: string | undefined;
    tablePrefix: string;
    region: string;
    /**
     * A DynamoDB the caller runs on `port` (the disaster-recovery drill's, which outlives the
     * stack): the launcher creates the catalog's missing tables there but starts and stops nothing.
     */
    external?: boolean;
  };
  logFormat: LogFormat;
  color: boolean;
  /** How long PostgreSQL and Redis get to answer the pre-flight checks. */
  storeTimeoutMs: number;
  /** How long the stack may take to become ready before the launcher gives up. */
  readyTimeoutMs: number;
  /**
   * Hot reload: watch the services' sources and restart a service whose compiled output changed,
   * and rebuild the web app's export when its sources change (hot-reload.ts, web-rebuild.ts).
   * On for make dev unless DEV_WATCH=0; stacks of a run's own (private-stack.ts) turn it off.
   */
  watch: boolean;
  /** After SIGTERM, how long a service may take to exit before it is killed. */
  stopTimeoutMs: number;
  /** Start from empty: drop the database, DynamoDB data and the stack's Redis keys first. */
  fresh: boolean;
  /**
   * The web app's static export served on one origin with the API (web-server.ts); undefined
   * for stacks without a browser (contract fuzzing).
   */
  web: { port: number; root: string } | undefined;
  /** The address every service binds (DEV_HOST): loopback unless the developer opens the stack up. */
  host: string;
  /** Where each service's key is kept (.dev/service-keys); undefined makes a key ring for this run only. */
  serviceKeysDirectory: string | undefined;
  /** Where the video worker reads its slide fonts (VIDEO_FONT_DIR), which the pre-flight checks. */
  videoFontDir: string;
}

/** DEV_DYNAMODB_PATH's value for "keep DynamoDB data in memory only". */
export const inMemory = ':memory:';

/** Where local DynamoDB data lives unless DEV_DYNAMODB_PATH says otherwise: beside the dev signing key. */
export function defaultDynamoPath(repoRoot: string): string {
  return path.join(repoRoot, '.dev', 'dynamodb');
}

/** Raised when a launcher variable is unusable; names every bad one, like the kit's ConfigError. */
export class DevConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `make dev: fix these environment variables:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'DevConfigError';
  }
}

/** tools/src/dev or tools/dist/dev: the repository root is three levels up from either. */
export const defaultRepoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * The default the catalog gives a variable, from the first service that reads it, so the
 * launcher and the services agree on addresses without writing them twice.
 */
export function catalogDefault(variable: string): string {
  for (const entry of services) {
    const found = envFor(entry.name).find((candidate) => candidate.name === variable);
    if (found?.default !== undefined) return found.default;
  }
  throw new Error(`the catalog gives no default for ${variable}`);
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function devConfigFromEnv(
  env: NodeJS.ProcessEnv,
  options: { repoRoot?: string; isTTY?: boolean } = {},
): DevConfig {
  const problems: string[] = [];

  const text = (name: string, fallback: string, pattern?: RegExp, hint?: string): string => {
    const value = nonEmpty(env, name) ?? fallback;
    if (pattern && !pattern.test(value)) problems.push(`${name} has "${value}": ${hint}`);
    return value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = nonEmpty(env, name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} has "${raw}": must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  };

  const flag = (name: string, fallback = false): boolean => {
    const raw = nonEmpty(env, name);
    if (raw === undefined) return fallback;
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    problems.push(`${name} has "${raw}": must be 1 or 0 (true/false, yes/no)`);
    return false;
  };
  const repoRoot = options.repoRoot ?? defaultRepoRoot;
  const dynamoPath = nonEmpty(env, 'DEV_DYNAMODB_PATH') ?? defaultDynamoPath(repoRoot);

  const logFormat = text('LOG_FORMAT', 'pretty', /^(pretty|json)$/, 'must be pretty or json') as LogFormat;
  const config: DevConfig = {
    repoRoot,
    services,
    databaseUrl: text(
      'DATABASE_URL',
      catalogDefault('DATABASE_URL'),
      /^postgres(ql)?:\/\//,
      'must be a postgres:// URL',
    ),
    redisUrl: text(
      'REDIS_URL',
      catalogDefault('REDIS_URL'),
      /^rediss?:\/\//,
      'must be a redis:// or rediss:// URL',
    ),
    redisKeyPrefix: nonEmpty(env, 'DEV_REDIS_KEY_PREFIX'),
    dynamodb: {
      port: integer('DEV_DYNAMODB_PORT', storePorts.dynamodb, 1, 65535),
      path: dynamoPath === inMemory ? undefined : path.resolve(repoRoot, dynamoPath),
      tablePrefix: text(
        'DYNAMODB_TABLE_PREFIX',
        catalogDefault('DYNAMODB_TABLE_PREFIX'),
        /^[A-Za-z0-9_.-]*$/,
        'may hold only A-Z a-z 0-9 _ . -',
      ),
      region: text('AWS_REGION', catalogDefault('AWS_REGION')),
    },
    logFormat: logFormat === 'json' ? 'json' : 'pretty',
    color: wantsColor(env, options.isTTY ?? false),
    storeTimeoutMs: integer('DEV_STORE_TIMEOUT_MS', 3_000, 100, 60_000),
    readyTimeoutMs: integer('DEV_READY_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    watch: flag('DEV_WATCH', true),
    stopTimeoutMs: integer('DEV_STOP_TIMEOUT_MS', 10_000, 0, 600_000),
    fresh: flag('DEV_FRESH'),
    web: { port: frontend.port, root: path.join(repoRoot, 'frontend', 'out') },
    host: text(
      'DEV_HOST',
      '127.0.0.1',
      /^(127\.0\.0\.1|0\.0\.0\.0|::)$/,
      'must be 127.0.0.1 (this machine only), 0.0.0.0 or :: (every interface: other machines reach every service, not only the gateway)',
    ),
    serviceKeysDirectory: devServiceKeysDirectory(repoRoot),
    videoFontDir: text('VIDEO_FONT_DIR', catalogDefault('VIDEO_FONT_DIR')),
  };
  if (problems.length > 0) throw new DevConfigError(problems);
  return config;
}

/** The endpoint the services reach the launcher's dynalite at. */
export function dynamoEndpoint(config: DevConfig): string {
  return `http://127.0.0.1:${config.dynamodb.port}`;
}
