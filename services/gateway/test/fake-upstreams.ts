import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceName, service, serviceUrlVariable } from '@what-if/catalog';
import { type TestSigningKey, createTestSigningKey } from '../../../test/support/tokens';

export interface Received {
  service: ServiceName;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeUpstreams {
  upstreams: FakeUpstream[];
  env: Record<string, string>;
  /** The key the fake user service publishes in its JWKS; sign test tokens with it. */
  signingKey: TestSigningKey;
  /** Sessions the fake user service reports as ended. */
  endedSessions: Set<string>;
  /** How often the gateway asked whether a session lives. */
  sessionChecks: () => number;
  close(): Promise<void>;
}

/** Answers the user service gives the gateway: its JWKS and whether a session lives. */
function answerAsUserService(
  req: IncomingMessage,
  res: ServerResponse,
  key: TestSigningKey,
  endedSessions: Set<string>,
  countCheck: () => void,
): boolean {
  if (req.url === '/api/v1/auth/jwks') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [key.jwk] }));
    return true;
  }
  const session = /^\/internal\/v1\/sessions\/([^/]+)$/.exec(req.url ?? '');
  if (session) {
    countCheck();
    const sid = decodeURIComponent(session[1] ?? '');
    const active = !endedSessions.has(sid);
    res.writeHead(active ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(active ? { active: true, userId: 'user-1', roles: ['user'] } : { status: 404 }));
    return true;
  }
  return false;
}

export interface FakeUpstream {
  name: ServiceName;
  server: Server;
  url: string;
  received: Received[];
  /** Replace how the next requests are answered, once their body has arrived. */
  handle: (handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) => void;
  /** Answer the next requests as they arrive, body unread (for streaming tests). */
  handleRaw: (handler: (req: IncomingMessage, res: ServerResponse) => void) => void;
  readiness: { status: number };
}

/**
 * Stand-ins for the six services: real HTTP servers that record what reached them and
 * say who they are, so a test sees exactly where the gateway sent a request.
 */
export async function startFakeUpstreams(): Promise<FakeUpstreams> {
  const signingKey = createTestSigningKey();
  const endedSessions = new Set<string>();
  let sessionChecks = 0;
  const names = service('gateway').calls;
  const upstreams = await Promise.all(
    names.map(async (name) => {
      const received: Received[] = [];
      const readiness = { status: 200 };
      let handler = (req: IncomingMessage, res: ServerResponse, body: string) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ service: name, method: req.method, url: req.url, body }));
      };
      let rawHandler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
      const server = createServer((req, res) => {
        if (
          name === 'user' &&
          answerAsUserService(req, res, signingKey, endedSessions, () => (sessionChecks += 1))
        ) {
          return;
        }
        if (rawHandler && req.url !== service(name).health.ready) {
          rawHandler(req, res);
          return;
        }
        if (req.url === service(name).health.ready) {
          res.writeHead(readiness.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: readiness.status === 200 ? 'ok' : 'error' }));
          return;
        }
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          received.push({
            service: name,
            method: req.method ?? '',
            url: req.url ?? '',
            headers: req.headers,
            body,
          });
          handler(req, res, body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return {
        name,
        server,
        url,
        received,
        readiness,
        handle: (next: typeof handler) => {
          rawHandler = undefined;
          handler = next;
        },
        handleRaw: (next: (req: IncomingMessage, res: ServerResponse) => void) => {
          rawHandler = next;
        },
      };
    }),
  );
  const env = Object.fromEntries(
    upstreams.map((upstream) => [serviceUrlVariable(upstream.name), upstream.url]),
  );
  return {
    upstreams,
    env,
    signingKey,
    endedSessions,
    sessionChecks: () => sessionChecks,
    async close() {
      await Promise.all(
        upstreams.map(
          (upstream) =>
            new Promise<void>((resolve) => {
              upstream.server.closeAllConnections();
              upstream.server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
