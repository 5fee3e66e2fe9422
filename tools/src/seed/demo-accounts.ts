import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ApiClient, ApiCallError } from './api-client';
import type { DemoAccount } from './demo-data';

/**
 * The demo passwords on this machine, by what they open (an account's address, a share);
 * never committed (.dev/ is ignored).
 */
export type DemoPasswords = Record<string, string>;

/**
 * Reads the passwords made by an earlier run, and makes one for each name that has none yet,
 * so the same accounts sign in on every run on this machine and on no other.
 */
export function demoPasswords(file: string, names: readonly string[]): DemoPasswords {
  const known: DemoPasswords = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoPasswords)
    : {};
  let changed = false;
  for (const name of names) {
    if (typeof known[name] === 'string') continue;
    // The password policy wants a letter and a digit or symbol; base64url alone may lack either.
    known[name] = `Demo-${randomBytes(12).toString('base64url')}-7`;
    changed = true;
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  }
  return known;
}

export interface SignedInAccount {
  account: DemoAccount;
  id: string;
  roles: string[];
  token: string;
  /** True when this run registered the account. */
  registered: boolean;
}

interface SignedInBody {
  user: { id: string; roles: string[] };
  accessToken: string;
}

async function logIn(api: ApiClient, account: DemoAccount, password: string): Promise<SignedInAccount> {
  try {
    const { body } = await api.call<SignedInBody>({
      what: `signing ${account.email} in`,
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { email: account.email, password },
    });
    return { account, id: body.user.id, roles: body.user.roles, token: body.accessToken, registered: false };
  } catch (error) {
    if (error instanceof ApiCallError && error.status === 401) {
      throw new Error(
        `${account.email} exists but does not take the password in the seed's password file: it was made by hand or on another machine's file. Start from empty with make dev FRESH=1, or delete that account, then run make seed again`,
      );
    }
    throw error;
  }
}

/** Registers the account through the API, or signs it in when an earlier run registered it. */
export async function registerOrSignIn(
  api: ApiClient,
  account: DemoAccount,
  password: string,
): Promise<SignedInAccount> {
  const { status, body } = await api.call<SignedInBody>({
    what: `registering ${account.email}`,
    method: 'POST',
    path: '/api/v1/auth/register',
    body: { email: account.email, password, displayName: account.displayName },
    accept: [409],
  });
  if (status === 409) return logIn(api, account, password);
  return { account, id: body.user.id, roles: body.user.roles, token: body.accessToken, registered: true };
}

/** Signs in again, for a token that carries roles given since the last one. */
export function signInAgain(
  api: ApiClient,
  signedIn: SignedInAccount,
  password: string,
): Promise<SignedInAccount> {
  return logIn(api, signedIn.account, password).then((again) => ({
    ...again,
    registered: signedIn.registered,
  }));
}

/**
 * The documented path to the first administrator (services/user/README.md): the operator's
 * create-admin command, run with the user service's environment. It is idempotent itself.
 */
export async function promoteToAdmin(
  repoRoot: string,
  userEnvironment: NodeJS.ProcessEnv,
  email: string,
): Promise<void> {
  const command = path.join(repoRoot, 'services', 'user', 'dist', 'cli', 'create-admin.js');
  try {
    await promisify(execFile)(process.execPath, [command, '--email', email], {
      env: userEnvironment,
      timeout: 60_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`create-admin --email ${email} failed${stderr ? `: ${stderr}` : ''}`);
  }
}
