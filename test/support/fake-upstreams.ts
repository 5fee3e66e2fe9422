import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceName, service, serviceUrlVariable } from '@what-if/catalog';
import { type IdentityState, answerAsIdentity } from './fake-identity';
import { type TestSigningKey, createTestSigningKey } from './tokens';

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
  let sessionChecks = 0;
  const identity: IdentityState = {
    signingKey: createTestSigningKey(),
    endedSessions: new Set(),
    countCheck: () => (sessionChecks += 1),
  };
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
        if (name === 'user' && answerAsIdentity(req, res, identity)) return;
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
    signingKey: identity.signingKey,
    endedSessions: identity.endedSessions,
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
