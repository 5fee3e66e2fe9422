import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { callersOf, serviceNames } from '@what-if/catalog';
import { createServiceIdentity, readServiceKeys } from '@what-if/kit';
import { writeServiceKeyEnvFiles } from '../src/dev/service-keys';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'whatif-service-keys-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A service's identity as it would start from its env file (what Compose's env_file passes on). */
async function identityFromEnvFile(name: (typeof serviceNames)[number]) {
  const env = parseEnv(await readFile(path.join(directory, `${name}.env`), 'utf8'));
  const keys = readServiceKeys(name, {
    SERVICE_SIGNING_KEY: (env['SERVICE_SIGNING_KEY'] ?? '').replace(/\\n/g, '\n'),
    SERVICE_PUBLIC_KEYS: env['SERVICE_PUBLIC_KEYS'] ?? '',
  });
  expect(keys.problems).toEqual([]);
  return { env, identity: createServiceIdentity(name, keys.keys!) };
}

describe('make service-keys (what make up runs before docker compose)', () => {
  test('writes an owner-only env file per service that the service starts from, trusting exactly its callers', async () => {
    writeServiceKeyEnvFiles(directory);
    for (const name of serviceNames) {
      expect((await stat(path.join(directory, `${name}.env`))).mode & 0o777).toBe(0o600);
      const { env } = await identityFromEnvFile(name);
      expect(Object.keys(env).sort()).toEqual(['SERVICE_PUBLIC_KEYS', 'SERVICE_SIGNING_KEY']);
      expect(Object.keys(JSON.parse(env['SERVICE_PUBLIC_KEYS']!) as object).sort()).toEqual(
        callersOf(name).sort(),
      );
    }
  });

  test('a caller’s token from its env file is accepted by the callee, and a non-caller’s is refused', async () => {
    const gateway = await identityFromEnvFile('gateway');
    const user = await identityFromEnvFile('user');
    const history = await identityFromEnvFile('history');
    expect(user.identity.verify(gateway.identity.tokenFor('user'))).toBe('gateway');
    expect(() => gateway.identity.verify(history.identity.tokenFor('gateway'))).toThrow(
      /does not let history/,
    );
  });

  test('keeps the keys it made: a second run changes no service’s identity', async () => {
    const before = await readFile(path.join(directory, 'user.env'), 'utf8');
    writeServiceKeyEnvFiles(directory);
    expect(await readFile(path.join(directory, 'user.env'), 'utf8')).toBe(before);
  });
});
