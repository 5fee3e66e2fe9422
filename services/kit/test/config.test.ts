import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { service } from '@what-if/catalog';
import { ConfigError, baseConfigSchema, loadConfig, storeConfig } from '@what-if/kit';

const userSchema = baseConfigSchema.extend({ ...storeConfig.postgres, ...storeConfig.redis });
/** The service identity has no default (each service needs keys of its own); its keys are checked at start. */
const identity = { SERVICE_SIGNING_KEY: 'checked-at-start', SERVICE_PUBLIC_KEYS: '{}' };

test('catalog defaults fill what the environment leaves unset', () => {
  const config = loadConfig('user', userSchema, identity);
  expect(config.PORT).toBe(service('user').port);
  expect(config.PG_POOL_MAX).toBe(10);
  expect(config.REDIS_KEY_PREFIX).toBe('whatif:user:');
});

test('the environment overrides a default and is coerced to its type', () => {
  expect(loadConfig('user', userSchema, { ...identity, PORT: '4101', PG_POOL_MAX: '25' })).toMatchObject({
    PORT: 4101,
    PG_POOL_MAX: 25,
  });
});

test('every bad variable is named in one error, with what is wrong with it', () => {
  let error: unknown;
  try {
    loadConfig('user', userSchema, {
      ...identity,
      PORT: 'eighty',
      PG_POOL_MAX: '0',
      REDIS_URL: 'http://nope',
      LOG_LEVEL: 'loud',
    });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  for (const variable of ['PORT', 'PG_POOL_MAX', 'REDIS_URL', 'LOG_LEVEL'])
    expect(message).toContain(variable);
  expect((error as ConfigError).problems).toHaveLength(4);
});

test('a variable with no default that is missing is named as missing', () => {
  const schema = baseConfigSchema.extend({ SIGNING_KEY_SECRET: baseConfigSchema.shape.HOST });
  expect(() => loadConfig('user', schema, {})).toThrow(/SIGNING_KEY_SECRET is missing/);
});

test('credentials in a bad value are not echoed', () => {
  const schema = baseConfigSchema.extend({ ...storeConfig.postgres });
  expect(() => loadConfig('user', schema, { DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(
    ConfigError,
  );
  try {
    loadConfig('user', schema, { DATABASE_URL: 'mysql://admin:hunter2@db/x' });
  } catch (error) {
    expect((error as Error).message).not.toContain('hunter2');
  }
});

test('a service started with bad variables exits 78 and says which, before opening anything', () => {
  const entry = path.join(__dirname, '..', '..', 'user', 'dist', 'main.js');
  const result = spawnSync(process.execPath, [entry], {
    env: { PATH: process.env['PATH'], PORT: '99999', PG_POOL_MAX: 'lots', DATABASE_URL: 'not-a-url' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.status).toBe(78);
  expect(result.stderr).toContain('invalid configuration');
  for (const variable of ['PORT', 'PG_POOL_MAX', 'DATABASE_URL']) expect(result.stderr).toContain(variable);
});

test('a variable the catalog marks secret is never echoed, whatever its name', () => {
  const schema = baseConfigSchema.extend({
    JWT_SIGNING_KEY: baseConfigSchema.shape.HOST.startsWith('-----BEGIN'),
  });
  expect(() => loadConfig('user', schema, { JWT_SIGNING_KEY: 'raw-key-material-xyz' })).toThrow(
    /JWT_SIGNING_KEY has "<redacted>"/,
  );
});
