import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Scenario, scenarioSchema } from '@what-if/contracts';
import { createServiceIdentity, readServiceKeys } from '@what-if/kit';
import { testServiceIdentity } from '../../../../test/support/service-identity';

export interface FakeHistory {
  url: string;
  /** Stored scenarios by id, with the owner the save named. */
  stored: Map<string, { owner: string; scenario: Scenario }>;
  /** What reached it; `caller` is the service whose token an internal call carried. */
  requests: Array<{ method: string; path: string; authorization?: string; caller?: string }>;
  /** Answer every request with this status instead (503 to play an outage); undefined to behave. */
  failWith: number | undefined;
  close(): Promise<void>;
}

/** History's own check of service tokens, with the test's keys: internal saves must pass it. */
function historyIdentity() {
  const keys = readServiceKeys('history', testServiceIdentity('history'));
  if (!keys.keys) throw new Error(keys.problems.join('; '));
  return createServiceIdentity('history', keys.keys);
}

/** The service a token proves, as history's guard would find it; undefined when it proves none. */
function callerOf(req: IncomingMessage, identity: ReturnType<typeof historyIdentity>): string | undefined {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  try {
    return token ? identity.verify(token) : undefined;
  } catch {
    return undefined;
  }
}

/** The `sub` of a bearer token; the fake trusts the gateway and generation to have verified it. */
function ownerOf(req: IncomingMessage): string | undefined {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string }).sub;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The history contract generation relies on, on port 0: `PUT /internal/v1/scenarios/{id}`
 * (201 created, 200 already stored, 409 someone else's id) and `GET /api/v1/scenarios/{id}`
 * (the caller's own, else 404).
 */
export async function startFakeHistory(): Promise<FakeHistory> {
  const state: Omit<FakeHistory, 'url' | 'close'> = { stored: new Map(), requests: [], failWith: undefined };
  const identity = historyIdentity();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      const internal = path.startsWith('/internal/');
      const caller = internal ? callerOf(req, identity) : undefined;
      state.requests.push({
        method: req.method ?? '',
        path,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(caller ? { caller } : {}),
      });
      if (state.failWith) return reply(res, state.failWith, { status: state.failWith });
      if (internal && caller !== 'generation') return reply(res, 401, { status: 401 });
      const put = /^\/internal\/v1\/scenarios\/([^/]+)$/.exec(path);
      if (put && req.method === 'PUT') {
        const id = decodeURIComponent(put[1]!);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          ownerId?: unknown;
          scenario: unknown;
        };
        const scenario = scenarioSchema.safeParse(body.scenario);
        const owner = body.ownerId;
        if (!scenario.success || scenario.data.id !== id || typeof owner !== 'string') {
          return reply(res, 400, { status: 400 });
        }
        const existing = state.stored.get(id);
        if (existing && existing.owner !== owner) return reply(res, 409, { status: 409 });
        state.stored.set(id, { owner, scenario: scenario.data });
        return reply(res, existing ? 200 : 201, scenario.data);
      }
      const owner = ownerOf(req);
      if (!owner) return reply(res, 401, { status: 401 });
      const get = /^\/api\/v1\/scenarios\/([^/]+)$/.exec(path);
      if (get && req.method === 'GET') {
        const entry = state.stored.get(decodeURIComponent(get[1]!));
        if (!entry || entry.owner !== owner) return reply(res, 404, { status: 404 });
        return reply(res, 200, entry.scenario);
      }
      return reply(res, 404, { status: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
