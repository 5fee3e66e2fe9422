import { randomUUID } from 'node:crypto';
import { createServiceClient, createServiceIdentity, readServiceKeys } from '@what-if/kit';
import pino from 'pino';
import { Registry } from 'prom-client';
import { type FakeIdentity, startFakeIdentity } from '../../../test/support/fake-identity';
import { testServiceIdentity } from '../../../test/support/service-identity';
import { type ProfileDirectory, createProfileDirectory, profileCacheSeconds } from '../src/profile-directory';

const logger = pino({ level: 'silent' });
let identity: FakeIdentity;
let now: number;
let directory: ProfileDirectory;

function userClient(baseUrl: string) {
  return createServiceClient({
    upstream: 'user',
    baseUrl,
    registry: new Registry(),
    logger,
    identity: createServiceIdentity('social', readServiceKeys('social', testServiceIdentity('social')).keys!),
    retries: 0,
  });
}

beforeAll(async () => {
  identity = await startFakeIdentity();
});
afterAll(async () => {
  await identity?.close();
});
beforeEach(() => {
  now = Date.UTC(2026, 0, 1);
  directory = createProfileDirectory(userClient(identity.url), logger, () => now);
});

function account(username: string | null, displayName: string) {
  const id = randomUUID();
  const profile = {
    id,
    username,
    displayName,
    bio: '',
    avatarUrl: null,
    joinedAt: '2026-01-01T00:00:00.000Z',
  };
  identity.profiles.set(id, profile);
  return profile;
}

test(`a page's authors are one lookup, reused for ${profileCacheSeconds} s; a change shows once that has passed`, async () => {
  const ada = account('ada_dir', 'Ada');
  const bob = account(null, 'Bob');
  const before = identity.profileLookups();
  const first = await directory.byIds([ada.id, bob.id, ada.id]);
  expect(identity.profileLookups() - before).toBe(1);
  expect(first.get(ada.id)?.displayName).toBe('Ada');
  expect(first.get(bob.id)?.username).toBeNull();

  identity.profiles.set(ada.id, { ...ada, displayName: 'Ada Lovelace' });
  now += (profileCacheSeconds - 1) * 1000;
  expect((await directory.byIds([ada.id, bob.id])).get(ada.id)?.displayName).toBe('Ada');
  expect(identity.profileLookups() - before).toBe(1);

  now += 1000;
  expect((await directory.byIds([ada.id])).get(ada.id)?.displayName).toBe('Ada Lovelace');
  expect(identity.profileLookups() - before).toBe(2);
});

test('a username finds its account until it is given up; then it finds nobody, within the cache time', async () => {
  const ada = account('ada_rename', 'Ada');
  expect((await directory.byUsername('@ADA_RENAME'))?.id).toBe(ada.id);
  identity.profiles.set(ada.id, { ...ada, username: 'ada_renamed' });
  now += profileCacheSeconds * 1000;
  expect(await directory.byUsername('ada_rename')).toBeUndefined();
  expect((await directory.byUsername('ada_renamed'))?.id).toBe(ada.id);
});

test('an account the user service does not show has no profile; more than 100 ids go in several lookups', async () => {
  const ids = Array.from({ length: 150 }, () => account(null, 'Many').id);
  const missing = randomUUID();
  const before = identity.profileLookups();
  const found = await directory.byIds([...ids, missing]);
  expect(found.size).toBe(150);
  expect(found.has(missing)).toBe(false);
  expect(identity.profileLookups() - before).toBe(2);
});

test('while the user service is down a feed shows what this replica remembers, and a username lookup fails loudly', async () => {
  const ada = account('ada_down', 'Ada');
  await directory.byIds([ada.id]);
  await identity.close();
  try {
    now += profileCacheSeconds * 1000 * 2;
    expect((await directory.byIds([ada.id])).get(ada.id)?.displayName).toBe('Ada');
    const stranger = randomUUID();
    expect((await directory.byIds([stranger])).has(stranger)).toBe(false);
    await expect(directory.byUsername('someone_else')).rejects.toMatchObject({ upstream: 'user' });
  } finally {
    identity = await startFakeIdentity();
  }
});
