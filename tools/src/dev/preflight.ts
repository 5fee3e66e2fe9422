import { accessSync, constants, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { type DevConfig } from './config';
import { stackProcesses } from './stack-processes';

/**
 * Checks made before anything starts, so that a missing PostgreSQL or a busy port is
 * reported in one sentence with the way out, instead of seven services failing obscurely.
 * Each check answers a problem text, or undefined when all is well.
 */

export interface PortClaim {
  port: number;
  /** Who needs the port, as the message names it: "the gateway", "DynamoDB (dynalite)". */
  owner: string;
  /** A hint for moving this one elsewhere, when that is possible. */
  alternative?: string;
}

/** The ports the stack binds: the catalog's fixed service and worker ports and dynalite's. */
export function stackPorts(config: DevConfig): PortClaim[] {
  return [
    ...stackProcesses(config).map((process) => ({
      port: process.port,
      owner: process.name === process.service.name ? `the ${process.name} service` : `the ${process.name}`,
    })),
    // A DynamoDB someone else runs is already listening there, as it should be.
    ...(config.dynamodb.external
      ? []
      : [
          {
            port: config.dynamodb.port,
            owner: 'DynamoDB (dynalite)',
            alternative: 'or run dynalite elsewhere with DEV_DYNAMODB_PORT=<port>',
          },
        ]),
    ...(config.web ? [{ port: config.web.port, owner: 'the web app' }] : []),
  ];
}

/** Binds the port the way the services will (every IPv4 address), then lets it go. */
function tryBind(port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(undefined)));
  });
}

export function portTakenMessage(claim: PortClaim): string {
  return [
    `Port ${claim.port} is already in use, and ${claim.owner} needs it.`,
    `  See what holds it: lsof -nP -iTCP:${claim.port} -sTCP:LISTEN   (or: ss -ltnp 'sport = :${claim.port}')`,
    `  Another make dev, or the Docker Compose stack (docker compose down), may still be running${
      claim.alternative ? `; ${claim.alternative}` : ''
    }.`,
  ].join('\n');
}

export async function checkPort(claim: PortClaim): Promise<string | undefined> {
  const error = await tryBind(claim.port);
  if (!error) return undefined;
  if (error.code === 'EADDRINUSE') return portTakenMessage(claim);
  return `Port ${claim.port}, which ${claim.owner} needs, cannot be bound: ${error.code ?? error.message}.`;
}

export async function checkPorts(claims: readonly PortClaim[]): Promise<string[]> {
  const results = await Promise.all(claims.map((claim) => checkPort(claim)));
  return results.filter((problem) => problem !== undefined);
}

/** The compiled entry points; without them there is nothing to start. */
export function serviceEntryPoint(
  repoRoot: string,
  name: string,
  script = path.join('dist', 'main.js'),
): string {
  return path.join(repoRoot, 'services', name, script);
}

export function checkBuilt(config: DevConfig): string | undefined {
  const missing = stackProcesses(config)
    .map((process) => serviceEntryPoint(config.repoRoot, process.service.name, process.script))
    .filter((file) => !existsSync(file))
    .map((file) => path.relative(config.repoRoot, file));
  if (missing.length === 0) return undefined;
  return [
    `The services are not built: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    '  Build them first: npm run build   (make dev does this for you)',
  ].join('\n');
}

/** host:port of a store URL, without the credentials it may carry. */
export function storeAddress(url: string, defaultPort: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || defaultPort}`;
  } catch {
    return '(an unparsable URL)';
  }
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code && message && !message.includes(code)) return `${code}: ${message}`;
  return message || code || String(error);
}

const postgresAuthFailures = new Set(['28P01', '28000']);
/** The database does not exist yet: the server answers, and the launcher creates it. */
const databaseMissing = '3D000';

/**
 * The one way this repository provides its stores on Debian or Ubuntu; every message that
 * says how to get a store names it, so the steps live in one place (`.ci/run` runs it too).
 */
export const storesScript = 'tools/dev/stores.sh';
/** The role the script creates and the catalog's default DATABASE_URL logs in as. */
export const localRole = { user: 'whatif', password: 'whatif' } as const;

/** Who is asking for the stores, so each message names the command and variables that apply. */
export interface StoreAsker {
  /** "make dev", "make test". */
  command: string;
  postgresVariable: string;
  redisVariable: string;
}

export const devAsker: StoreAsker = {
  command: 'make dev',
  postgresVariable: 'DATABASE_URL',
  redisVariable: 'REDIS_URL',
};

export const testAsker: StoreAsker = {
  command: 'make test',
  postgresVariable: 'TEST_POSTGRES_URL',
  redisVariable: 'TEST_REDIS_URL',
};

function storeProviders(store: 'PostgreSQL' | 'Redis', who: string): string[] {
  const docker =
    store === 'PostgreSQL'
      ? `docker run -d --name whatif-postgres -p 127.0.0.1:5432:5432 -e POSTGRES_USER=${localRole.user} -e POSTGRES_PASSWORD=${localRole.password} postgres:16-alpine`
      : 'docker run -d --name whatif-redis -p 127.0.0.1:6379:6379 redis:7-alpine';
  return [
    `  ${who} needs a ${store} server. Get one of these:`,
    `    Debian/Ubuntu: sudo ${storesScript}   (installs and starts PostgreSQL and Redis on loopback; --status shows what is missing)`,
    store === 'PostgreSQL'
      ? `    macOS:         brew install postgresql@16 && brew services start postgresql@16 && createuser --createdb --pwprompt ${localRole.user}`
      : '    macOS:         brew install redis && brew services start redis',
    // Not `docker compose up -d postgres`: the compose stack keeps its stores off the host's ports.
    `    Docker:        ${docker}`,
  ];
}

export function postgresUnreachableMessage(url: string, cause: string, asker = devAsker): string {
  const address = storeAddress(url, 5432);
  const { command, postgresVariable } = asker;
  return [
    `PostgreSQL is not answering at ${address} (${cause}).`,
    ...storeProviders('PostgreSQL', command),
    `  or point ${postgresVariable} at one you have: ${postgresVariable}=postgres://user:password@host:5432/whatif ${command}`,
  ].join('\n');
}

export function postgresLoginMessage(url: string, cause: string, asker = devAsker): string {
  const address = storeAddress(url, 5432);
  let user = 'postgres';
  try {
    user = decodeURIComponent(new URL(url).username) || user;
  } catch {
    // The address line already says the URL is unreadable.
  }
  return [
    `PostgreSQL at ${address} refused the login of user "${user}" (${cause}).`,
    `  On this machine's own server, sudo ${storesScript} creates the role "${localRole.user}" the defaults use;`,
    `  otherwise put a user and password it accepts in ${asker.postgresVariable}:`,
    `    ${asker.postgresVariable}=postgres://user:password@${address}/whatif ${asker.command}`,
  ].join('\n');
}

export async function checkPostgres(
  url: string,
  timeoutMs: number,
  asker = devAsker,
): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A connection dropped after the check must not crash the launcher.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === databaseMissing) return undefined;
    if (code && postgresAuthFailures.has(code)) return postgresLoginMessage(url, reason(error), asker);
    return postgresUnreachableMessage(url, reason(error), asker);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redisUnreachableMessage(url: string, cause: string, asker = devAsker): string {
  const address = storeAddress(url, 6379);
  const { command, redisVariable } = asker;
  return [
    `Redis is not answering at ${address} (${cause}).`,
    ...storeProviders('Redis', command),
    `  or point ${redisVariable} at one you have: ${redisVariable}=redis://host:6379 ${command}`,
  ].join('\n');
}

export function redisLoginMessage(url: string, cause: string, asker = devAsker): string {
  const { command, redisVariable } = asker;
  return [
    `Redis at ${storeAddress(url, 6379)} refused the connection's credentials (${cause}).`,
    `  Put its password in ${redisVariable}: ${redisVariable}=redis://:password@host:6379 ${command}`,
  ].join('\n');
}

export async function checkRedis(
  url: string,
  timeoutMs: number,
  asker = devAsker,
): Promise<string | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // One attempt, no queueing: the question is whether it answers now.
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // connect() rejects with a bare "Connection is closed"; the real cause arrives as an event.
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      deadline,
    ]);
    return undefined;
  } catch (error) {
    const cause = reason(lastError ?? error);
    if (/NOAUTH|WRONGPASS|invalid password/i.test(cause)) return redisLoginMessage(url, cause, asker);
    return redisUnreachableMessage(url, cause, asker);
  } finally {
    clearTimeout(timer);
    // Disconnecting an already ended client leaves ioredis's 2 s disconnect timer holding the process.
    if (client.status !== 'end') client.disconnect();
  }
}

/**
 * The one way this repository provides the video renderer's programs on Debian or Ubuntu
 * (ffmpeg, espeak-ng, the DejaVu fonts); `.ci/run` runs it, as it runs the stores script.
 */
export const mediaScript = 'tools/dev/media.sh';
/** What the video worker runs, and the slide font it reads from VIDEO_FONT_DIR. */
export const mediaPrograms = ['ffmpeg', 'ffprobe', 'espeak-ng'] as const;
export const slideFont = 'DejaVuSans.ttf';

function onPath(program: string, searchPath: string): boolean {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((directory) => {
      try {
        accessSync(path.join(directory, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** ffmpeg, ffprobe, espeak-ng and the slide font, which the video worker renders with. */
export function checkMedia(
  options: { fontDir: string; searchPath: string | undefined },
  asker = devAsker,
): string | undefined {
  const missing: string[] = mediaPrograms.filter((program) => !onPath(program, options.searchPath ?? ''));
  if (!existsSync(path.join(options.fontDir, slideFont))) missing.push(`${slideFont} in ${options.fontDir}`);
  if (missing.length === 0) return undefined;
  return [
    `The video renderer's programs are missing: ${missing.join(', ')}.`,
    `  ${asker.command} renders videos with ffmpeg, espeak-ng and the DejaVu fonts. Get them:`,
    `    Debian/Ubuntu: sudo ${mediaScript}   (installs ffmpeg, espeak-ng and fonts-dejavu-core; --status shows what is missing)`,
    '    macOS:         brew install ffmpeg espeak-ng && brew install --cask font-dejavu',
    '  or point VIDEO_FONT_DIR at a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.',
  ].join('\n');
}

/** The one way this repository provides Prometheus and promtool on Debian or Ubuntu; `.ci/run` runs it. */
export const prometheusScript = 'tools/dev/prometheus.sh';

/**
 * promtool (make test checks and unit-tests the alert rules with it) or prometheus itself (make
 * observe runs it), from Debian's prometheus package.
 */
export function checkPrometheus(
  programs: readonly ('promtool' | 'prometheus')[],
  searchPath: string | undefined,
  needFor: string,
): string | undefined {
  const missing = programs.filter((program) => !onPath(program, searchPath ?? ''));
  if (missing.length === 0) return undefined;
  return [
    `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: ${needFor}. Get ${missing.length > 1 ? 'them' : 'it'}:`,
    `    Debian/Ubuntu: sudo ${prometheusScript}   (installs the prometheus package; --status shows what is missing)`,
    '    macOS:         brew install prometheus',
  ].join('\n');
}

/** Every check at once; all problems are reported together so one run shows everything to fix. */
export async function preflight(config: DevConfig): Promise<string[]> {
  const built = checkBuilt(config);
  const media = config.services.some((entry) => (entry.systemPackages ?? []).length > 0)
    ? checkMedia({ fontDir: config.videoFontDir, searchPath: process.env['PATH'] })
    : undefined;
  const [ports, postgres, redis] = await Promise.all([
    checkPorts(stackPorts(config)),
    checkPostgres(config.databaseUrl, config.storeTimeoutMs),
    checkRedis(config.redisUrl, config.storeTimeoutMs),
  ]);
  return [...(built ? [built] : []), ...ports, postgres, redis, media].filter(
    (problem) => problem !== undefined,
  );
}
