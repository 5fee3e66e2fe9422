import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { services } from '@what-if/catalog';
import { createDynamo } from '@what-if/kit/dynamodb';
import { Client } from 'pg';
import { createTestRedisPrefix, deadPort, testPostgresUrl, testRedisUrl } from '../../test/support/stores';
import { defaultRepoRoot, devConfigFromEnv } from '../src/dev/config';
import { maintenanceUrl } from '../src/dev/database';
import { checkPort } from '../src/dev/preflight';
import { stackProcesses } from '../src/dev/stack-processes';

/**
 * The real `make dev` launcher, run as a child process against this machine's PostgreSQL
 * and Redis with a database and Redis prefix of its own.
 */

const launcherEntry = path.join(defaultRepoRoot, 'tools', 'dist', 'dev', 'main.js');
const stackPorts = [...stackProcesses({ services }).map((member) => member.port), 8000];

interface Launcher {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startLauncher(env: NodeJS.ProcessEnv): Launcher {
  const child = spawn(process.execPath, [launcherEntry], {
    cwd: defaultRepoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Resolves when the output matches; fails early, showing the output, if the launcher exits first. */
async function outputMatching(launcher: Launcher, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void launcher.exited.then(() => (exited = true));
  while (!pattern.test(launcher.output())) {
    if (exited) throw new Error(`the launcher exited before printing ${pattern}:\n${launcher.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${launcher.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function launcherEnv(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LOG_FORMAT: 'pretty', ...overrides };
  delete env['FORCE_COLOR'];
  return env;
}

/** The process listening on a loopback port, from iproute2's ss. */
function listenerPid(port: number): number {
  const listing = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout;
  const pid = /pid=(\d+)/.exec(listing)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}:\n${listing}`);
  return Number(pid);
}

/** Whether a TCP connection to the address and port opens. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function busyStackPorts(): Promise<string[]> {
  const problems = await Promise.all(stackPorts.map((port) => checkPort({ port, owner: 'the stack' })));
  return problems.filter((problem) => problem !== undefined);
}

beforeAll(() => {
  // The launcher and the services run from their compiled output; make sure it is current.
  const build = spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-b',
      'tools',
      ...services.map((entry) => `services/${entry.name}`),
    ],
    { cwd: defaultRepoRoot, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`tsc -b failed:\n${build.stdout}${build.stderr}`);
}, 180_000);

describe('make dev', () => {
  it('refuses to start without Redis, saying where it looked and how to get one', async () => {
    const port = await deadPort();
    const launcher = startLauncher(launcherEnv({ REDIS_URL: `redis://127.0.0.1:${port}` }));
    const { code } = await launcher.exited;
    expect(code).toBe(1);
    expect(launcher.output()).toContain(`Redis is not answering at 127.0.0.1:${port}`);
    expect(launcher.output()).toContain(
      'docker run -d --name whatif-redis -p 127.0.0.1:6379:6379 redis:7-alpine',
    );
    expect(launcher.output()).toContain('nothing was started');
  }, 30_000);

  describe('started for real', () => {
    const databaseName = `whatif_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const databaseUrl = (() => {
      const url = new URL(testPostgresUrl);
      url.pathname = `/${databaseName}`;
      return url.toString();
    })();
    const redisPrefix = createTestRedisPrefix();
    let launcher: Launcher | undefined;

    afterAll(async () => {
      // If an assertion failed mid-way, stop the stack the way a developer would before cleaning up.
      if (launcher && launcher.child.exitCode === null && launcher.child.signalCode === null) {
        launcher.child.kill('SIGTERM');
        const stopped = await Promise.race([
          launcher.exited,
          new Promise((resolve) => setTimeout(resolve, 20_000)),
        ]);
        if (!stopped) launcher.child.kill('SIGKILL');
      }
      const admin = new Client({ connectionString: maintenanceUrl(databaseUrl) });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(databaseName)} WITH (FORCE)`);
      await admin.end();
      await redisPrefix.cleanup();
    }, 60_000);

    it('sets up the stores, runs seven ready services and the video worker, and stops cleanly on Ctrl-C leaving every port free', async () => {
      expect(await busyStackPorts()).toEqual([]);
      const env = launcherEnv({
        DATABASE_URL: databaseUrl,
        REDIS_URL: testRedisUrl,
        DEV_REDIS_KEY_PREFIX: redisPrefix.prefix,
        // Not the developer's .dev/dynamodb: this run's tables live and die with it.
        DEV_DYNAMODB_PATH: ':memory:',
      });
      launcher = startLauncher(env);

      await outputMatching(launcher, /What If is ready in [\d.]+ s/, 120_000);
      const output = launcher.output();
      expect(output).toMatch(new RegExp(`postgres: created the database \\S+/${databaseName}\\b`));
      expect(output).toMatch(/dynamodb: created tables /);
      for (const entry of services) {
        expect(output).toMatch(new RegExp(`^\\[${entry.name} *\\] `, 'm'));
      }

      const health = await fetch('http://127.0.0.1:3000/health');
      expect(health.status).toBe(200);
      const body = (await health.json()) as { services: Record<string, { status: string }> };
      for (const entry of services) expect(body.services[entry.name]?.status).toBe('up');
      // The workers too: the video worker answers on its own port.
      for (const member of stackProcesses({ services }).filter((candidate) => candidate.name !== 'gateway')) {
        const ready = await fetch(`http://127.0.0.1:${member.port}${member.health.ready}`);
        expect([member.name, ready.status]).toEqual([member.name, 200]);
      }

      // Only this machine reaches the services, and reaching a port is not enough for /internal/.
      const networkAddress = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
      if (networkAddress) {
        for (const entry of services) expect(await reachable(networkAddress, entry.port)).toBe(false);
      }
      const sessionCheck = await fetch(`http://127.0.0.1:3001/internal/v1/sessions/${randomUUID()}`);
      expect(sessionCheck.status).toBe(401);
      // The gateway's own session checks carry its service token: a signed-in call goes through.
      const signedUp = await fetch('http://127.0.0.1:3000/api/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `launcher.${randomBytes(4).toString('hex')}@example.test`,
          password: 'Launcher-Check-2024!',
          displayName: 'Launcher',
        }),
      });
      expect(signedUp.status).toBe(201);
      const { accessToken } = (await signedUp.json()) as { accessToken: string };
      const me = await fetch('http://127.0.0.1:3000/api/v1/users/me', {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(me.status).toBe(200);
      expect(launcher.output()).not.toMatch(/session-check failed/);

      // The stores the services found were the ones this run asked for.
      const database = new Client({ connectionString: databaseUrl });
      await database.connect();
      try {
        expect(
          (await database.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS migrated")).rows,
        ).toEqual([{ migrated: true }]);
      } finally {
        await database.end();
      }
      const { tablePrefix } = devConfigFromEnv(env).dynamodb;
      const dynamo = createDynamo({ endpoint: 'http://127.0.0.1:8000', region: 'us-east-1', tables: [] });
      try {
        const tables = (await dynamo.client.send(new ListTablesCommand({}))).TableNames ?? [];
        for (const entry of services) {
          for (const table of entry.dynamoTables) expect(tables).toContain(`${tablePrefix}${table.name}`);
        }
      } finally {
        await dynamo.close();
      }

      // A service that crashes is restarted; the others never stop answering.
      const historyPid = listenerPid(3003);
      process.kill(historyPid, 'SIGKILL');
      await outputMatching(launcher, /restarting history in 0\.5 s \(crash 1 of 5/, 10_000);
      await outputMatching(launcher, /history is ready again/, 30_000);
      expect(listenerPid(3003)).not.toBe(historyPid);
      expect((await fetch('http://127.0.0.1:3001/health/ready')).status).toBe(200);
      expect((await fetch('http://127.0.0.1:3000/health')).status).toBe(200);
      expect(launcher.child.exitCode).toBeNull();

      launcher.child.kill('SIGINT');
      const { code, signal } = await launcher.exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(launcher.output()).toContain('stopped; nothing is left running');
      expect(await busyStackPorts()).toEqual([]);
    }, 180_000);
  });
});
