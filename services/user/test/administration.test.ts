import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  type ApiCall,
  type SignedIn,
  apiClient,
  register,
  uniqueEmail,
} from '../../../test/support/api-client';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';
import { serviceToken } from '../../../test/support/service-identity';

/** The session check is the gateway's: it calls with its service token. */
const asGateway = {
  get token() {
    return serviceToken('gateway', 'user');
  },
};

let harness: UserServiceHarness;
let call: ApiCall;

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const createAdminEntry = path.join(repoRoot, 'services', 'user', 'dist', 'cli', 'create-admin.js');

beforeAll(async () => {
  // The operator command runs from the compiled output; make sure it is current.
  const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'services/user'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`tsc -b failed:\n${build.stdout}${build.stderr}`);
  harness = await startUserService();
  call = apiClient(harness.service.url);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** Runs the operator command; asynchronously, as the stores' test relays live in this process. */
function createAdmin(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [createAdminEntry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...harness.stores.env, PUBLIC_APP_URL: 'http://app.test', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

/** An administrator made the documented way: the operator command, then its one-time link. */
async function newAdmin(): Promise<SignedIn> {
  const email = uniqueEmail('admin');
  const result = await createAdmin('--email', email, '--name', 'Operator');
  expect(result.status).toBe(0);
  const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(result.stdout)![1]!;
  const password = 'operator secret 99';
  expect(
    (await call('POST', '/api/v1/auth/password-reset/complete', { body: { token, password } })).status,
  ).toBe(204);
  return (await call<SignedIn>('POST', '/api/v1/auth/login', { body: { email, password } })).body;
}

describe('the first administrator', () => {
  test('is created by the operator command with a one-time password link, never a default password', async () => {
    const email = uniqueEmail('first-admin');
    const result = await createAdmin('--email', email);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Created ${email}`);
    expect(result.stdout).toContain('roles user, admin');
    const stored = await harness.database.query('SELECT password_hash, roles FROM users WHERE email = $1', [
      email,
    ]);
    expect(stored.rows[0]).toEqual({ password_hash: null, roles: ['user', 'admin'] });
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(result.stdout)![1]!;
    expect(
      (
        await call('POST', '/api/v1/auth/password-reset/complete', {
          body: { token, password: 'chosen by me 123' },
        })
      ).status,
    ).toBe(204);
    const signedIn = await call<SignedIn>('POST', '/api/v1/auth/login', {
      body: { email, password: 'chosen by me 123' },
    });
    expect(signedIn.body.user.roles).toEqual(['user', 'admin']);
  });

  test('promotes an existing account and keeps its password', async () => {
    const account = await register(call);
    const result = await createAdmin('--email', account.email);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Promoted ${account.email}`);
    expect(result.stdout).not.toContain('token');
    // The live session sees the new role at once; its token must be refreshed to carry it.
    expect((await call('GET', '/api/v1/users/me', { token: account.accessToken })).status).toBe(401);
    const refreshed = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: account.refreshToken },
    });
    expect(refreshed.body.user.roles).toEqual(['user', 'admin']);
  });

  test('refuses a missing or malformed address', async () => {
    expect((await createAdmin()).status).toBe(64);
    expect((await createAdmin('--email', "x' OR 1=1 --")).stderr).toContain(
      '--email must be an email address',
    );
  });
});

describe('administration', () => {
  let admin: SignedIn;

  beforeAll(async () => {
    admin = await newAdmin();
  });

  test('is refused to a signed-in person without the admin role (403) and to anonymous callers (401)', async () => {
    const person = await register(call);
    expect((await call('GET', '/api/v1/admin/users', { token: person.accessToken })).status).toBe(403);
    expect((await call('GET', '/api/v1/admin/users/stats', { token: person.accessToken })).status).toBe(403);
    expect((await call('GET', '/api/v1/admin/users')).status).toBe(401);
  });

  test('lists accounts newest first in pages with opaque cursors, and searches', async () => {
    const marker = `pager${Date.now().toString(36)}`;
    const created = [];
    for (let index = 0; index < 5; index += 1)
      created.push(await register(call, { email: uniqueEmail(marker) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/admin/users?q=${marker}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call<{ items: Array<{ id: string }>; nextCursor: string | null }>('GET', query, {
        token: admin.accessToken,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.map((account) => account.user.id).reverse());
    const wildcard = await call<{ items: unknown[] }>(
      'GET',
      `/api/v1/admin/users?q=${encodeURIComponent('%')}`,
      { token: admin.accessToken },
    );
    expect(wildcard.body.items).toEqual([]);
  });

  test('changes roles, effective at once in live sessions and the gateway check', async () => {
    const person = await register(call);
    const answer = await call('PUT', `/api/v1/admin/users/${person.user.id}/roles`, {
      token: admin.accessToken,
      body: { roles: ['moderator'] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body['roles']).toEqual(['user', 'moderator']);
    const sid = JSON.parse(Buffer.from(person.accessToken.split('.')[1]!, 'base64url').toString())[
      'sid'
    ] as string;
    expect((await call('GET', `/internal/v1/sessions/${sid}`, asGateway)).body['roles']).toEqual([
      'user',
      'moderator',
    ]);
    const refreshed = await call<SignedIn>('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: person.refreshToken },
    });
    expect(refreshed.body.user.roles).toEqual(['user', 'moderator']);
    const own = await call('PUT', `/api/v1/admin/users/${admin.user.id}/roles`, {
      token: admin.accessToken,
      body: { roles: [] },
    });
    expect(own.status).toBe(409);
  });

  test("disabling ends the user's sessions at once (the internal check says inactive) and refuses sign-in until enabled", async () => {
    const person = await register(call);
    const sid = JSON.parse(Buffer.from(person.accessToken.split('.')[1]!, 'base64url').toString())[
      'sid'
    ] as string;
    expect((await call('GET', `/internal/v1/sessions/${sid}`, asGateway)).status).toBe(200);
    const disabled = await call('POST', `/api/v1/admin/users/${person.user.id}/disable`, {
      token: admin.accessToken,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body['disabled']).toBe(true);
    expect((await call('GET', `/internal/v1/sessions/${sid}`, asGateway)).status).toBe(404);
    expect((await call('GET', '/api/v1/users/me', { token: person.accessToken })).status).toBe(401);
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } })).status,
    ).toBe(401);
    const login = await call('POST', '/api/v1/auth/login', {
      body: { email: person.email, password: person.password },
    });
    expect(login.status).toBe(403);
    expect(login.body['type']).toBe('/problems/account-disabled');
    expect(
      (await call('POST', `/api/v1/admin/users/${person.user.id}/enable`, { token: admin.accessToken }))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', '/api/v1/auth/login', { body: { email: person.email, password: person.password } }))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/admin/users/${admin.user.id}/disable`, { token: admin.accessToken }))
        .status,
    ).toBe(409);
  });

  test('reads one account and the statistics', async () => {
    const person = await register(call);
    const one = await call('GET', `/api/v1/admin/users/${person.user.id}`, { token: admin.accessToken });
    expect(one.body).toMatchObject({ id: person.user.id, email: person.email, disabled: false });
    expect(one.body).not.toHaveProperty('passwordHash');
    expect(
      (
        await call('GET', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', {
          token: admin.accessToken,
        })
      ).status,
    ).toBe(404);
    const stats = await call<{
      users: Record<string, number> & { byRole: Record<string, number> };
      sessions: { active: number };
    }>('GET', '/api/v1/admin/users/stats', { token: admin.accessToken });
    expect(stats.status).toBe(200);
    expect(stats.body.users.total).toBeGreaterThanOrEqual(2);
    expect(stats.body.users.byRole.admin).toBeGreaterThanOrEqual(1);
    expect(stats.body.sessions.active).toBeGreaterThanOrEqual(1);
  });
});
