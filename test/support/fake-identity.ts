import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JWKS_PATH } from '@what-if/contracts';
import { type TestSigningKey, createTestSigningKey } from './tokens';

/**
 * What the user service tells other services about identity: its JWKS and whether a
 * session lives. Tests of services other than user stand this in for it, on port 0.
 */
export interface FakeIdentity {
  url: string;
  signingKey: TestSigningKey;
  /** Sessions reported as ended (logged out, revoked, user disabled). */
  endedSessions: Set<string>;
  /** How often a session was asked about. */
  sessionChecks(): number;
  close(): Promise<void>;
}

export interface IdentityState {
  signingKey: TestSigningKey;
  endedSessions: Set<string>;
  countCheck(): void;
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
  return false;
}

export async function startFakeIdentity(): Promise<FakeIdentity> {
  let checks = 0;
  const state: IdentityState = {
    signingKey: createTestSigningKey(),
    endedSessions: new Set(),
    countCheck: () => (checks += 1),
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
