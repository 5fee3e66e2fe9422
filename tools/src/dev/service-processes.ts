import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ServiceEntry, nodeEnv } from '@what-if/catalog';
import { type ServiceKeyRing, serviceIdentityEnv } from '@what-if/kit';
import { type DevConfig, dynamoEndpoint } from './config';
import { serviceEntryPoint } from './preflight';
import { loadServiceKeyRing } from './service-keys';
import type { StackProcess } from './stack-processes';
import type { ProcessSpec } from './supervisor';

/** Production waits SHUTDOWN_DELAY_MS (5 s) for load balancers; locally nobody has to notice. */
export const localShutdownDelayMs = 250;

const keyRings = new WeakMap<DevConfig, ServiceKeyRing>();

/** The stack's service keys, read (or made) once per launcher configuration. */
function keyRingOf(config: DevConfig): ServiceKeyRing {
  let ring = keyRings.get(config);
  if (!ring) {
    ring = loadServiceKeyRing(config.serviceKeysDirectory);
    keyRings.set(config, ring);
  }
  return ring;
}

/**
 * A service's environment under the launcher. The services apply the catalog's defaults
 * themselves, so this passes the developer's environment through and sets only what the
 * local stack decides: the address it binds (loopback), its own service keys, the stores it
 * checked, its dynalite, and a short load-balancer drain.
 */
export function childEnvironment(
  config: DevConfig,
  entry: ServiceEntry,
  base: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    // Node's own options from the catalog (read before the service's config could apply its
    // defaults); a developer's own NODE_OPTIONS wins, as any variable set in the shell does.
    ...nodeEnv(entry.name),
    ...base,
    NODE_ENV: 'development',
    // Only this machine reaches the services: the gateway's limits cannot be walked around.
    HOST: config.host,
    // The ports are fixed; a PORT left in the shell would send all seven to one port.
    PORT: String(entry.port),
    // Each service's own key, and the public keys of the services the catalog lets call it.
    ...serviceIdentityEnv(entry.name, keyRingOf(config)),
    // No load balancer has to notice readiness failing, so the drain is short; but not zero,
    // so Ctrl-C goes through the same readiness-first shutdown as a rolling deploy.
    SHUTDOWN_DELAY_MS: String(localShutdownDelayMs),
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    DYNAMODB_ENDPOINT: dynamoEndpoint(config),
    DYNAMODB_TABLE_PREFIX: config.dynamodb.tablePrefix,
    AWS_REGION: config.dynamodb.region,
    // The launcher warns about an old Node once, instead of every DynamoDB service repeating it.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  if (config.redisKeyPrefix !== undefined) env['REDIS_KEY_PREFIX'] = `${config.redisKeyPrefix}${entry.name}:`;
  if (entry.name === 'user') Object.assign(env, userServiceEnvironment(config, base));
  if (entry.name === 'generation') Object.assign(env, generationEnvironment(base));
  const storage = entry.objectStorage;
  if (storage && !base[storage.directoryVariable])
    env[storage.directoryVariable] = devVideoDirectory(config.repoRoot);
  return env;
}

/**
 * Where rendered videos are kept under make dev: beside the DynamoDB data that records them, so
 * both survive a restart and FRESH=1 removes both. The API and the worker share it.
 */
export function devVideoDirectory(repoRoot: string): string {
  return path.join(repoRoot, '.dev', 'videos');
}

/**
 * One variable points the stack at a model server of your own: with OPENAI_BASE_URL set
 * (Ollama's http://localhost:11434/v1, llama.cpp's server, vLLM), generation writes with it
 * first and falls back to the offline writer, using the model the server serves unless
 * OPENAI_MODEL names one. A GENERATION_PROVIDERS of the developer's own wins.
 */
export function generationEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!base['OPENAI_BASE_URL'] || base['GENERATION_PROVIDERS']) return {};
  return { GENERATION_PROVIDERS: 'openai,local', OPENAI_MODEL: base['OPENAI_MODEL'] ?? '' };
}

/**
 * The user service signs access tokens with a key made once into the gitignored .dev/ folder,
 * so tokens survive restarts; its mail lands as JSON files in .dev/outbox. A developer's own
 * JWT_SIGNING_KEY or MAILER wins.
 */
function userServiceEnvironment(config: DevConfig, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const devDirectory = path.join(config.repoRoot, '.dev');
  const env: NodeJS.ProcessEnv = {};
  if (!base['JWT_SIGNING_KEY']) env['JWT_SIGNING_KEY'] = devSigningKey(devDirectory);
  if (!base['MAILER']) {
    env['MAILER'] = 'outbox';
    env['MAIL_OUTBOX_DIR'] = devOutboxDirectory(config.repoRoot);
  }
  return env;
}

/** Where the user service's mail lands under make dev. */
export function devOutboxDirectory(repoRoot: string): string {
  return path.join(repoRoot, '.dev', 'outbox');
}

function devSigningKey(devDirectory: string): string {
  const file = path.join(devDirectory, 'jwt-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(devDirectory, { recursive: true });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    try {
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another launcher made it first; use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8');
}

export function serviceProcess(
  config: DevConfig,
  member: StackProcess,
  base: NodeJS.ProcessEnv,
): ProcessSpec {
  return {
    name: member.name,
    command: process.execPath,
    args: [serviceEntryPoint(config.repoRoot, member.service.name, member.script)],
    // As `npm start` in the workspace would run it.
    cwd: path.join(config.repoRoot, 'services', member.service.name),
    env: { ...childEnvironment(config, member.service, base), PORT: String(member.port) },
  };
}
