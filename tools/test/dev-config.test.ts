import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callersOf, envDefaults, service } from '@what-if/catalog';
import { DevConfigError, defaultRepoRoot, devConfigFromEnv } from '../src/dev/config';
import { readinessPhases } from '../src/dev/readiness';
import { childEnvironment, serviceProcess } from '../src/dev/service-processes';
import { stackProcesses } from '../src/dev/stack-processes';
import { readyTable } from '../src/dev/summary';

describe('the launcher configuration', () => {
  it('takes its defaults from the catalog', () => {
    const config = devConfigFromEnv({});
    expect(config.databaseUrl).toBe(envDefaults('user')['DATABASE_URL']);
    expect(config.redisUrl).toBe(envDefaults('gateway')['REDIS_URL']);
    expect(config.dynamodb).toEqual({
      port: 8000,
      path: path.join(defaultRepoRoot, '.dev', 'dynamodb'),
      tablePrefix: envDefaults('history')['DYNAMODB_TABLE_PREFIX'],
      region: envDefaults('history')['AWS_REGION'],
    });
    expect(config.logFormat).toBe('pretty');
    expect(config.services.map((entry) => entry.name)).toEqual([
      'gateway',
      'user',
      'generation',
      'history',
      'sharing',
      'video',
      'social',
    ]);
  });

  it('keeps DynamoDB data in .dev/ unless told to keep it in memory or elsewhere', () => {
    expect(devConfigFromEnv({}, { repoRoot: '/repo' }).dynamodb.path).toBe('/repo/.dev/dynamodb');
    expect(devConfigFromEnv({ DEV_DYNAMODB_PATH: ':memory:' }).dynamodb.path).toBeUndefined();
    expect(devConfigFromEnv({ DEV_DYNAMODB_PATH: 'data/ddb' }, { repoRoot: '/repo' }).dynamodb.path).toBe(
      '/repo/data/ddb',
    );
    expect(devConfigFromEnv({ DEV_DYNAMODB_PATH: '/var/tmp/ddb' }).dynamodb.path).toBe('/var/tmp/ddb');
  });

  it('starts from what was kept unless DEV_FRESH (make dev FRESH=1) asks for an empty start', () => {
    expect(devConfigFromEnv({}).fresh).toBe(false);
    expect(devConfigFromEnv({ DEV_FRESH: '1' }).fresh).toBe(true);
    expect(devConfigFromEnv({ DEV_FRESH: 'yes' }).fresh).toBe(true);
    expect(devConfigFromEnv({ DEV_FRESH: '0' }).fresh).toBe(false);
    expect(() => devConfigFromEnv({ DEV_FRESH: 'please' })).toThrow(/DEV_FRESH has "please": must be 1 or 0/);
  });

  it('watches the sources for hot reload unless DEV_WATCH=0', () => {
    expect(devConfigFromEnv({}).watch).toBe(true);
    expect(devConfigFromEnv({ DEV_WATCH: '0' }).watch).toBe(false);
    expect(devConfigFromEnv({ DEV_WATCH: 'no' }).watch).toBe(false);
    expect(devConfigFromEnv({ DEV_WATCH: '1' }).watch).toBe(true);
    expect(() => devConfigFromEnv({ DEV_WATCH: 'sometimes' })).toThrow(
      /DEV_WATCH has "sometimes": must be 1 or 0/,
    );
  });

  it('names every unusable variable at once', () => {
    const attempt = () =>
      devConfigFromEnv({ DATABASE_URL: 'mysql://x', DEV_DYNAMODB_PORT: '80000', LOG_FORMAT: 'xml' });
    expect(attempt).toThrow(DevConfigError);
    expect(attempt).toThrow(/DATABASE_URL has "mysql:\/\/x": must be a postgres:\/\/ URL/);
    expect(attempt).toThrow(/DEV_DYNAMODB_PORT has "80000": must be a whole number from 1 to 65535/);
    expect(attempt).toThrow(/LOG_FORMAT has "xml": must be pretty or json/);
  });
});

describe('a service started by the launcher', () => {
  // Keys made for this test's run only, not written into the repository's .dev/.
  const config = {
    ...devConfigFromEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/whatif_other',
      DEV_REDIS_KEY_PREFIX: 'run42:',
      DEV_DYNAMODB_PORT: '8100',
    }),
    serviceKeysDirectory: undefined,
  };

  it('binds 127.0.0.1 only, whatever HOST the shell has, unless DEV_HOST opens it to the network', () => {
    expect(childEnvironment(config, service('user'), { HOST: '0.0.0.0' })['HOST']).toBe('127.0.0.1');
    const open = { ...devConfigFromEnv({ DEV_HOST: '0.0.0.0' }), serviceKeysDirectory: undefined };
    expect(childEnvironment(open, service('user'), {})['HOST']).toBe('0.0.0.0');
    expect(() => devConfigFromEnv({ DEV_HOST: '192.0.2.7' })).toThrow(
      /DEV_HOST has "192.0.2.7": must be 127.0.0.1 \(this machine only\), 0.0.0.0 or ::/,
    );
  });

  it('gets a service key of its own and the public keys of exactly the services the catalog lets call it', () => {
    const user = childEnvironment(config, service('user'), {});
    const history = childEnvironment(config, service('history'), {});
    const gateway = childEnvironment(config, service('gateway'), {});
    expect(createPrivateKey(user['SERVICE_SIGNING_KEY'] ?? '').asymmetricKeyDetails?.namedCurve).toBe(
      'prime256v1',
    );
    expect(new Set([user, history, gateway].map((env) => env['SERVICE_SIGNING_KEY'])).size).toBe(3);
    const trustedByUser = JSON.parse(user['SERVICE_PUBLIC_KEYS'] ?? '') as Record<string, string>;
    expect(Object.keys(trustedByUser).sort()).toEqual(callersOf('user').sort());
    expect(trustedByUser['gateway']).toBe(
      createPublicKey(gateway['SERVICE_SIGNING_KEY'] ?? '').export({ type: 'spki', format: 'pem' }),
    );
    expect(JSON.parse(gateway['SERVICE_PUBLIC_KEYS'] ?? '')).toEqual({});
  });

  it('keeps the keys in .dev/service-keys (owner-only), so restarted services still trust each other', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'whatif-keys-'));
    try {
      const first = childEnvironment({ ...config, serviceKeysDirectory: directory }, service('history'), {});
      const again = childEnvironment({ ...config, serviceKeysDirectory: directory }, service('history'), {});
      expect(again['SERVICE_SIGNING_KEY']).toBe(first['SERVICE_SIGNING_KEY']);
      expect((await stat(path.join(directory, 'history.pem'))).mode & 0o777).toBe(0o600);
      expect(devConfigFromEnv({}, { repoRoot: '/repo' }).serviceKeysDirectory).toBe(
        '/repo/.dev/service-keys',
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("starts a service with Node's own options from the catalog (the gateway's young generation), a developer's NODE_OPTIONS winning", () => {
    expect(childEnvironment(config, service('gateway'), {})['NODE_OPTIONS']).toBe('--max-semi-space-size=32');
    expect(childEnvironment(config, service('user'), {})['NODE_OPTIONS']).toBeUndefined();
    expect(childEnvironment(config, service('gateway'), { NODE_OPTIONS: '--inspect' })['NODE_OPTIONS']).toBe(
      '--inspect',
    );
  });

  it('gets the developer environment, the checked stores, its fixed port and a short shutdown delay', () => {
    const env = childEnvironment(config, service('user'), {
      PATH: '/bin',
      PORT: '9999',
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
    });
    expect(env).toMatchObject({
      PATH: '/bin',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'development',
      PORT: '3001',
      SHUTDOWN_DELAY_MS: '250',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/whatif_other',
      REDIS_URL: config.redisUrl,
      REDIS_KEY_PREFIX: 'run42:user:',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8100',
    });
  });

  it('writes scenarios with a model server of the developer’s own when OPENAI_BASE_URL alone names it', () => {
    const ollama = childEnvironment(config, service('generation'), {
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
    });
    expect(ollama).toMatchObject({
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      GENERATION_PROVIDERS: 'openai,local',
      // Empty: ask the server which model it serves.
      OPENAI_MODEL: '',
    });
    const named = childEnvironment(config, service('generation'), {
      OPENAI_BASE_URL: 'http://gpu-box:8000/v1',
      OPENAI_MODEL: 'Qwen/Qwen2.5-7B-Instruct',
    });
    expect(named['OPENAI_MODEL']).toBe('Qwen/Qwen2.5-7B-Instruct');
    const ownOrder = childEnvironment(config, service('generation'), {
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      GENERATION_PROVIDERS: 'anthropic,local',
    });
    expect(ownOrder['GENERATION_PROVIDERS']).toBe('anthropic,local');
    // Without it, the catalog's default (the offline writer) stands, and no other service is touched.
    expect(childEnvironment(config, service('generation'), {})['GENERATION_PROVIDERS']).toBeUndefined();
    expect(
      childEnvironment(config, service('history'), { OPENAI_BASE_URL: 'http://localhost:11434/v1' })[
        'GENERATION_PROVIDERS'
      ],
    ).toBeUndefined();
  });

  it('keeps the catalog Redis prefix when the launcher is given none', () => {
    const env = childEnvironment(
      { ...devConfigFromEnv({}), serviceKeysDirectory: undefined },
      service('video'),
      {},
    );
    expect(env['REDIS_KEY_PREFIX']).toBeUndefined();
  });

  it('runs as node services/<name>/dist/main.js from its own folder', () => {
    const history = stackProcesses(config).find((member) => member.name === 'history')!;
    const spec = serviceProcess(config, history, {});
    expect(spec.command).toBe(process.execPath);
    expect(spec.args).toEqual([path.join(config.repoRoot, 'services', 'history', 'dist', 'main.js')]);
    expect(spec.cwd).toBe(path.join(config.repoRoot, 'services', 'history'));
  });

  it("runs a worker with the catalog's command in its service's folder, environment and a port of its own", () => {
    const worker = stackProcesses(config).find((member) => member.name === 'video-worker')!;
    const api = serviceProcess(
      config,
      stackProcesses(config).find((member) => member.name === 'video')!,
      {},
    );
    const spec = serviceProcess(config, worker, {});
    expect(spec.args).toEqual([path.join(config.repoRoot, 'services', 'video', 'dist', 'worker.js')]);
    expect(spec.cwd).toBe(path.join(config.repoRoot, 'services', 'video'));
    expect(spec.env['PORT']).toBe('3008');
    expect({ ...spec.env, PORT: api.env['PORT'] }).toEqual(api.env);
    // The API and the worker share the rendered files, kept beside the stack's other data.
    expect(spec.env['VIDEO_STORAGE_DIR']).toBe(path.join(config.repoRoot, '.dev', 'videos'));
  });

  it('is waited for on its own readiness path, and the gateway on its unified /health once the others are ready', () => {
    const [services, gateway] = readinessPhases(config);
    expect(services).toContainEqual({ name: 'user', url: 'http://127.0.0.1:3001/health/ready' });
    expect(services).toContainEqual({ name: 'video-worker', url: 'http://127.0.0.1:3008/health/ready' });
    expect(services?.map((target) => target.name)).not.toContain('gateway');
    expect(gateway).toEqual([{ name: 'gateway', url: 'http://127.0.0.1:3000/health' }]);
  });

  it('is listed with its health, metrics and contract URLs once the stack is ready', () => {
    const table = readyTable(
      devConfigFromEnv({ DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:5432/whatif' }),
    );
    expect(table).toContain('http://localhost:3000/health');
    expect(table).toMatch(
      /social +http:\/\/localhost:3006\/health\/ready +http:\/\/localhost:3006\/metrics +http:\/\/localhost:3006\/openapi\.json/,
    );
    expect(table).toContain('postgres://postgres:***@127.0.0.1:5432/whatif');
    expect(table).not.toContain('hunter2');
  });
});
