import { type ApiCall, apiClient, register } from '../../../test/support/api-client';
import { serviceToken } from '../../../test/support/service-identity';
import { type GatewayInFront, startGatewayInFront } from '../../../test/support/service-processes';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

let harness: UserServiceHarness;
let gateway: GatewayInFront;
/** Through the gateway, as the web app calls. */
let call: ApiCall;
/** Straight to the service, as social calls its internal endpoints. */
let direct: ApiCall;

beforeAll(async () => {
  harness = await startUserService();
  // Many sign-ups from one address in a few seconds: the gateway's limits are not under test here.
  gateway = await startGatewayInFront(
    { user: harness.service.url },
    {
      RATE_LIMIT_IP_PER_MINUTE: '1000000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
    },
  );
  call = apiClient(gateway.url);
  direct = apiClient(harness.service.url);
});

afterAll(async () => {
  await gateway?.stop();
  await harness?.close();
});

const asSocial = {
  get token() {
    return serviceToken('social', 'user');
  },
};

let names = 0;
/** A username no other test in the run takes. */
function freshName(label = 'ada'): string {
  names += 1;
  return `${label}_${Date.now().toString(36)}${names}`;
}

const setProfile = (token: string, body: Record<string, unknown>) =>
  call('PATCH', '/api/v1/users/me', { token, body });

test('an account has no username until its owner picks one; it is stored lower case and shows on the account', async () => {
  const ada = await register(call, { displayName: 'Ada Lovelace' });
  const before = await call('GET', '/api/v1/users/me', { token: ada.accessToken });
  expect(before.body['username']).toBeNull();

  const name = freshName('Ada');
  const changed = await setProfile(ada.accessToken, { username: `@${name}` });
  expect(changed.status).toBe(200);
  expect(changed.body['username']).toBe(name.toLowerCase());
  expect((await call('GET', '/api/v1/users/me', { token: ada.accessToken })).body['username']).toBe(
    name.toLowerCase(),
  );
});

test('a username another account has, in any case, is a 409 username-taken; a changed one is free again', async () => {
  const ada = await register(call);
  const bob = await register(call);
  const name = freshName();
  expect((await setProfile(ada.accessToken, { username: name })).status).toBe(200);

  const taken = await setProfile(bob.accessToken, { username: name.toUpperCase() });
  expect(taken.status).toBe(409);
  expect(taken.headers.get('content-type')).toContain('application/problem+json');
  expect(taken.body['type']).toBe('/problems/username-taken');
  expect(String(taken.body['detail'])).toContain(name);
  // Nothing else in the refused request was written either.
  expect((await call('GET', '/api/v1/users/me', { token: bob.accessToken })).body['username']).toBeNull();

  expect((await setProfile(ada.accessToken, { username: freshName('ada_new') })).status).toBe(200);
  expect((await setProfile(bob.accessToken, { username: name })).status).toBe(200);
});

test('of two accounts claiming one username at the same moment exactly one gets it', async () => {
  const people = await Promise.all(Array.from({ length: 6 }, () => register(call)));
  const name = freshName('race');
  const answers = await Promise.all(
    people.map((person) => setProfile(person.accessToken, { username: name })),
  );
  expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
});

describe('the rules', () => {
  let token: string;
  beforeAll(async () => {
    token = (await register(call)).accessToken;
  });

  test.each([
    ['ab', 'must have 3 to 30 characters (it has 2)'],
    ['a'.repeat(31), 'must have 3 to 30 characters (it has 31)'],
    ['ada lovelace', 'may hold only the letters a-z, digits 0-9 and _'],
    ['ada-lovelace', 'may hold only the letters a-z, digits 0-9 and _'],
    ['đạt', 'may hold only the letters a-z, digits 0-9 and _'],
    ['12345', 'must hold at least one letter or _ (digits alone look like an id)'],
    ['admin', '"admin" is reserved'],
    ['Root', '"root" is reserved'],
    ['support', '"support" is reserved'],
    ['moderator', '"moderator" is reserved'],
    ['api', '"api" is reserved'],
    ['what_if', '"what_if" is reserved'],
    ['admin_2', 'may not start with "admin", which is reserved'],
    ['whatif_team', 'may not start with "whatif", which is reserved'],
  ])('the username %j is refused with a 400 naming the rule', async (username, rule) => {
    const refused = await setProfile(token, { username });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body['errors']).toEqual([{ path: '/body/username', message: rule }]);
  });
});

test('social reads public profiles by id in one batch and by username, and nothing private', async () => {
  const ada = await register(call, { displayName: 'Ada' });
  const bob = await register(call, { displayName: 'Bob' });
  const name = freshName();
  await setProfile(ada.accessToken, {
    username: name,
    bio: 'Counts engines.',
    avatarUrl: 'https://images.example/ada.png',
  });
  const missing = '00000000-0000-4000-8000-000000000000';

  const batch = await direct<{ items: Array<Record<string, unknown>> }>(
    'GET',
    `/internal/v1/profiles?ids=${ada.user.id},${bob.user.id},${missing}`,
    asSocial,
  );
  expect(batch.status).toBe(200);
  const byId = new Map(batch.body.items.map((item) => [item['id'], item]));
  expect([...byId.keys()].sort()).toEqual([ada.user.id, bob.user.id].sort());
  expect(byId.get(ada.user.id)).toEqual({
    id: ada.user.id,
    username: name,
    displayName: 'Ada',
    bio: 'Counts engines.',
    avatarUrl: 'https://images.example/ada.png',
    joinedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  });
  expect(byId.get(bob.user.id)).toMatchObject({ username: null, displayName: 'Bob' });

  const one = await direct('GET', `/internal/v1/profiles/by-username/${name.toUpperCase()}`, asSocial);
  expect(one.status).toBe(200);
  expect(one.body['id']).toBe(ada.user.id);
  expect(JSON.stringify(one.body)).not.toContain(ada.email);

  const unknown = await direct('GET', `/internal/v1/profiles/by-username/${freshName('nobody')}`, asSocial);
  expect(unknown.status).toBe(404);
  expect(unknown.body['type']).toBe('/problems/profile-not-found');
});

test('sharing may ask by id too (is a share owner still there, since when has a reporter had an account); a deleted account is left out', async () => {
  const ada = await register(call);
  const asSharing = { token: serviceToken('sharing', 'user') };
  const found = await direct<{ items: Array<{ id: string; joinedAt: string }> }>(
    'GET',
    `/internal/v1/profiles?ids=${ada.user.id}`,
    asSharing,
  );
  expect(found.status).toBe(200);
  expect(found.body.items.map((item) => item.id)).toEqual([ada.user.id]);
  expect(Date.now() - Date.parse(found.body.items[0]!.joinedAt)).toBeLessThan(3_600_000);
  expect((await call('DELETE', '/api/v1/users/me', { token: ada.accessToken })).status).toBe(204);
  const gone = await direct<{ items: unknown[] }>(
    'GET',
    `/internal/v1/profiles?ids=${ada.user.id}`,
    asSharing,
  );
  expect(gone.body.items).toEqual([]);
});

test('the profile lookups answer social and sharing only, never the gateway or a caller without a service token', async () => {
  const ada = await register(call);
  expect((await direct('GET', `/internal/v1/profiles?ids=${ada.user.id}`)).status).toBe(401);
  expect(
    (
      await direct('GET', `/internal/v1/profiles?ids=${ada.user.id}`, {
        token: serviceToken('gateway', 'user'),
      })
    ).status,
  ).toBe(403);
  // The gateway routes no /internal/ path: its own guard refuses a signed-in person's token.
  const throughGateway = await call('GET', `/internal/v1/profiles?ids=${ada.user.id}`, {
    token: ada.accessToken,
  });
  expect(throughGateway.status).toBe(401);
  expect(throughGateway.body['type']).toBe('/problems/invalid-service-token');
});

test('a batch names at most 100 well-formed account ids', async () => {
  const tooMany = Array.from(
    { length: 101 },
    (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  );
  const refused = await direct('GET', `/internal/v1/profiles?ids=${tooMany.join(',')}`, asSocial);
  expect(refused.status).toBe(400);
  expect(JSON.stringify(refused.body)).toContain('at most 100');
  const malformed = await direct('GET', '/internal/v1/profiles?ids=not-an-id', asSocial);
  expect(malformed.status).toBe(400);
  expect(JSON.stringify(malformed.body)).toContain('/query/ids');
});

test('a disabled account has no public profile', async () => {
  const ada = await register(call);
  const name = freshName();
  await setProfile(ada.accessToken, { username: name });
  await harness.database.query('UPDATE users SET disabled_at = now() WHERE id = $1', [ada.user.id]);
  expect(
    (await direct<{ items: unknown[] }>('GET', `/internal/v1/profiles?ids=${ada.user.id}`, asSocial)).body
      .items,
  ).toEqual([]);
  expect((await direct('GET', `/internal/v1/profiles/by-username/${name}`, asSocial)).status).toBe(404);
});
