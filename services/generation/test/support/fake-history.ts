import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Scenario, scenarioSchema } from '@what-if/contracts';

export interface FakeHistory {
  url: string;
  /** Stored scenarios by id, with the owner the token named. */
  stored: Map<string, { owner: string; scenario: Scenario }>;
  requests: Array<{ method: string; path: string; authorization?: string }>;
  /** Answer every request with this status instead (503 to play an outage); undefined to behave. */
  failWith: number | undefined;
  close(): Promise<void>;
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
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      state.requests.push({
        method: req.method ?? '',
        path,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      if (state.failWith) return reply(res, state.failWith, { status: state.failWith });
      const owner = ownerOf(req);
      if (!owner) return reply(res, 401, { status: 401 });
      const put = /^\/internal\/v1\/scenarios\/([^/]+)$/.exec(path);
      if (put && req.method === 'PUT') {
        const id = decodeURIComponent(put[1]!);
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { scenario: unknown };
        const scenario = scenarioSchema.safeParse(body.scenario);
        if (!scenario.success || scenario.data.id !== id) return reply(res, 400, { status: 400 });
        const existing = state.stored.get(id);
        if (existing && existing.owner !== owner) return reply(res, 409, { status: 409 });
        state.stored.set(id, { owner, scenario: scenario.data });
        return reply(res, existing ? 200 : 201, scenario.data);
      }
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
