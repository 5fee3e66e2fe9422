import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultRepoRoot } from '../dev/config';

/** The bearer tokens the fuzzer sends; each belongs to an account made for this run. */
export interface FuzzTokens {
  /** An ordinary user's: every route that needs a signed-in person. */
  user: string;
  /** An admin's, for the runs over the admin routes. */
  admin?: string;
}

const password = 'Fuzz-Contract-Password-1';

async function signedIn(response: Response, what: string): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { accessToken?: unknown };
  if (!response.ok || typeof body.accessToken !== 'string') {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

async function register(gatewayUrl: string, email: string, displayName: string): Promise<string> {
  return signedIn(
    await post(`${gatewayUrl}/api/v1/auth/register`, { email, password, displayName }),
    `registering ${email}`,
  );
}

/**
 * Registers the run's user through the gateway, as a person would, and, when asked, an admin
 * made with the operator's create-admin command; the admin's token is taken after the
 * promotion, so it carries the admin role.
 */
export async function createFuzzAccounts(
  gatewayUrl: string,
  userEnvironment: NodeJS.ProcessEnv,
  options: { admin: boolean },
  repoRoot: string = defaultRepoRoot,
): Promise<FuzzTokens> {
  const run = randomBytes(4).toString('hex');
  const email = (who: string) => `fuzz-${who}-${run}@example.com`;
  const user = await register(gatewayUrl, email('user'), 'Fuzz User');
  if (!options.admin) return { user };
  await register(gatewayUrl, email('admin'), 'Fuzz Admin');
  await promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'services', 'user', 'dist', 'cli', 'create-admin.js'), '--email', email('admin')],
    { env: userEnvironment, timeout: 30_000 },
  );
  const admin = await signedIn(
    await post(`${gatewayUrl}/api/v1/auth/login`, { email: email('admin'), password }),
    'signing the admin in',
  );
  return { user, admin };
}
