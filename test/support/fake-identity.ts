import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JWKS_PATH } from '@what-if/contracts';
import { type TestSigningKey, createTestSigningKey } from './tokens';

/** An account's public profile as the user service's internal lookups answer it. */
export interface FakePublicProfile {
  id: string;
  username: string | null;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  joinedAt: string;
}

/**
 * What the user service tells other services about identity: its JWKS, whether a session
 * lives and accounts' public profiles. Tests of services other than user stand this in for
 * it, on port 0.
 */
export interface FakeIdentity {
  url: string;
  signingKey: TestSigningKey;
  /** Sessions reported as ended (logged out, revoked, user disabled). */
  endedSessions: Set<string>;
  /** Public profiles by account id, as `GET /internal/v1/profiles` answers them; edit freely. */
  profiles: Map<string, FakePublicProfile>;
  /** How often profiles were asked about (batched by id or by username). */
  profileLookups(): number;
  /** How often a session was asked about. */
  sessionChecks(): number;
  close(): Promise<void>;
}

export interface IdentityState {
  signingKey: TestSigningKey;
  endedSessions: Set<string>;
  countCheck(): void;
  profiles?: Map<string, FakePublicProfile>;
  countProfileLookup?(): void;
}

function answerJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': status < 400 ? 'application/json' : 'application/problem+json',
  });
  res.end(JSON.stringify(body));
}

/** Answers a JWKS or session request as the user service would; false for any other path. */
export function answerAsIdentity(req: IncomingMessage, res: ServerResponse, state: IdentityState): boolean {
  if (req.url === JWKS_PATH) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [state.signingKey.jwk] }));
    return true;
  }
  const session = /^\/internal\/v1\/sessions\/([^/]+)$/.exec(req.url ?? '');
  if (session) {
    state.countCheck();
    const active = !state.endedSessions.has(decodeURIComponent(session[1] ?? ''));
    res.writeHead(active ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(active ? { active: true, userId: 'user-1', roles: ['user'] } : { status: 404 }));
    return true;
  }
  const profiles = state.profiles;
  if (profiles && req.url?.startsWith('/internal/v1/profiles')) {
    state.countProfileLookup?.();
    const url = new URL(req.url, 'http://identity.test');
    const byUsername = /^\/internal\/v1\/profiles\/by-username\/([^/]+)$/.exec(url.pathname);
    if (byUsername) {
      const wanted = decodeURIComponent(byUsername[1] ?? '')
        .replace(/^@/, '')
        .toLowerCase();
      const found = [...profiles.values()].find((profile) => profile.username === wanted);
      answerJson(res, found ? 200 : 404, found ?? { type: '/problems/profile-not-found', status: 404 });
      return true;
    }
    const ids = (url.searchParams.get('ids') ?? '').split(',');
    answerJson(res, 200, { items: ids.flatMap((id) => profiles.get(id) ?? []) });
    return true;
  }
  return false;
}

export async function startFakeIdentity(): Promise<FakeIdentity> {
  let checks = 0;
  let profileLookups = 0;
  const state: IdentityState = {
    signingKey: createTestSigningKey(),
    endedSessions: new Set(),
    countCheck: () => (checks += 1),
    profiles: new Map(),
    countProfileLookup: () => (profileLookups += 1),
  };
  const server = createServer((req, res) => {
    if (answerAsIdentity(req, res, state)) return;
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: '/problems/not-found', status: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    signingKey: state.signingKey,
    endedSessions: state.endedSessions,
    sessionChecks: () => checks,
    profiles: state.profiles!,
    profileLookups: () => profileLookups,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
