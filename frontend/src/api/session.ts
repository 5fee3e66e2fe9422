import type { Account, SignedIn } from './types';

/**
 * Who is signed in, in this tab's memory only. The access token never touches storage; the
 * refresh token lives in the HttpOnly cookie the user service sets (Path=/api/v1/auth), which
 * JavaScript cannot read. A flag in localStorage says only "this browser has a session", so an
 * anonymous visit does not ask for a refresh it cannot get.
 */
export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

export interface SessionState {
  status: SessionStatus;
  user: Account | null;
  accessToken: string | null;
}

const hintKey = 'whatif.has-session';
const signedOutState: SessionState = { status: 'signed-out', user: null, accessToken: null };
export const unknownSession: SessionState = { status: 'unknown', user: null, accessToken: null };

let state: SessionState = unknownSession;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function setHint(present: boolean): void {
  try {
    if (present) window.localStorage.setItem(hintKey, '1');
    else window.localStorage.removeItem(hintKey);
  } catch {
    // Without storage every visit tries one refresh; nothing else changes.
  }
}

function hasHint(): boolean {
  try {
    return window.localStorage.getItem(hintKey) === '1';
  } catch {
    return true;
  }
}

export function currentSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function acceptSignIn(answer: Pick<SignedIn, 'user' | 'accessToken'>): void {
  setHint(true);
  publish({ status: 'signed-in', user: answer.user, accessToken: answer.accessToken });
}

export function updateUser(user: Account): void {
  if (state.status === 'signed-in') publish({ ...state, user });
}

export function forgetSession(): void {
  setHint(false);
  publish(signedOutState);
}

let refreshing: Promise<boolean> | null = null;

async function refreshOnce(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (response.ok) {
      acceptSignIn((await response.json()) as SignedIn);
      return true;
    }
    if (response.status === 401) forgetSession();
    else publish({ ...signedOutState });
    return false;
  } catch {
    publish({ ...signedOutState });
    return false;
  }
}

async function refreshHoldingLock(locks: LockManager): Promise<boolean> {
  let refreshed = false;
  await locks.request('whatif-refresh', async () => {
    refreshed = await refreshOnce();
  });
  return refreshed;
}

/**
 * Trades the refresh cookie for a new access token. Each refresh token works once and a reused
 * one ends the session, so tabs take turns through a Web Lock: a tab that waited sends the
 * cookie its predecessor's answer just set. Concurrent callers in one tab share one request.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const run = locks ? refreshHoldingLock(locks) : refreshOnce();
    refreshing = run.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/**
 * Resolves once a session restore in flight has finished (at once when none is), so that a
 * request made while the page is still restoring its session goes with the token: a question
 * asked right after the page loads is saved to the person's history, not asked anonymously.
 */
export async function sessionSettled(): Promise<void> {
  if (state.status === 'unknown' && refreshing) await refreshing;
}

/** On page load: restore the session from the cookie when this browser has one. */
export function restoreSession(): void {
  if (state.status !== 'unknown') return;
  if (!hasHint()) {
    publish(signedOutState);
    return;
  }
  void refreshSession();
}
