/**
 * Per-VU accounts, as in production each person has their own (so per-user rate limits and
 * generation quotas apply per VU): made in setup(), signed in once by each VU, deleted in
 * teardown(). The gateway limits credential attempts per client address
 * (RATE_LIMIT_AUTH_PER_MINUTE); a 429 there is waited out as Retry-After asks.
 */
import { sleep } from 'k6';
import { call, jsonBody, retryAfterSeconds } from './http.ts';
import { routes } from './routes.ts';

export interface Account {
  email: string;
  password: string;
}

interface SignedIn {
  accessToken: string;
  expiresIn: number;
}

const attempts = 20;

function randomRunId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** Registers `count` accounts for this run; addresses are unique to the run. */
export function createAccounts(count: number): Account[] {
  const run = randomRunId();
  const accounts: Account[] = [];
  for (let index = 0; index < count; index += 1) {
    const account = {
      email: `loadtest-${run}-${index}@example.com`,
      password: `Load-test-${run}-${index}`,
    };
    for (let attempt = 1; ; attempt += 1) {
      const response = call(routes.register, {
        body: { ...account, displayName: `Load test ${index}` },
        expected: [201, 429],
      });
      if (response.status === 201) break;
      if (response.status !== 429 || attempt === attempts) {
        throw new Error(`registering ${account.email} answered ${response.status}: ${response.body}`);
      }
      sleep(retryAfterSeconds(response));
    }
    accounts.push(account);
  }
  return accounts;
}

/** Signs in, waiting out the credential rate limit; the access token and when to renew it. */
export function signIn(account: Account): { token: string; renewAt: number } {
  for (let attempt = 1; ; attempt += 1) {
    const response = call(routes.signIn, {
      body: { email: account.email, password: account.password },
      expected: [200, 429],
    });
    const body = jsonBody<SignedIn>(response);
    if (response.status === 200 && body) {
      // Renew a minute early, so a long run (soak) never sends an expired token.
      return { token: body.accessToken, renewAt: Date.now() + Math.max(body.expiresIn - 60, 30) * 1000 };
    }
    if (response.status !== 429 || attempt === attempts) {
      throw new Error(`signing ${account.email} in answered ${response.status}: ${response.body}`);
    }
    sleep(retryAfterSeconds(response));
  }
}

let session: { token: string; renewAt: number } | undefined;

/** This VU's access token: signed in on first use, again only when the token is about to expire. */
export function tokenFor(accounts: readonly Account[]): string {
  if (accounts.length === 0) throw new Error('setup() made no accounts for the signed-in journeys');
  if (!session || Date.now() >= session.renewAt) {
    session = signIn(accounts[(__VU - 1) % accounts.length]!);
  }
  return session.token;
}

/** Deletes the run's accounts (and with them their history). */
export function deleteAccounts(accounts: readonly Account[]): void {
  for (const account of accounts) {
    const { token } = signIn(account);
    const response = call(routes.deleteAccount, { token, expected: [204] });
    if (response.status !== 204) {
      console.warn(`deleting ${account.email} answered ${response.status}: ${response.body}`);
    }
  }
}
