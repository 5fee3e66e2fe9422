import { request as httpRequest } from 'node:http';
import { type HttpMethod, routeTable } from '@what-if/catalog';
import { type StartedService, startService } from '@what-if/kit';
import { eventually } from '../../../test/support/eventually';
import { inProcessEnv, provisionStores, type TestStores } from '../../../test/support/service-chassis';
import { gatewayService } from '../src/service';
import { signAccessToken } from '../../../test/support/tokens';
import { type FakeUpstream, startFakeUpstreams } from '../../../test/support/fake-upstreams';
import { testServiceIdentity } from '../../../test/support/service-identity';

let stores: TestStores;
let fakes: Awaited<ReturnType<typeof startFakeUpstreams>>;
let gateway: StartedService<unknown>;

function upstream(name: string): FakeUpstream {
  const found = fakes.upstreams.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fake ${name}`);
  return found;
}

beforeAll(async () => {
  stores = await provisionStores(['redis']);
  fakes = await startFakeUpstreams();
  gateway = await startService(gatewayService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...testServiceIdentity('gateway'),
      ...stores.env,
      ...fakes.env,
      UPSTREAM_IDLE_TIMEOUT_MS: '5000',
    },
  });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200));
});

afterAll(async () => {
  await gateway?.stop();
  await fakes?.close();
  await stores?.cleanup();
});

beforeEach(() => {
  for (const fake of fakes.upstreams) {
    fake.received.length = 0;
    fake.readiness.status = 200;
    fake.handle((req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ service: fake.name, method: req.method, url: req.url, body }));
    });
  }
});

/** Requests here are signed in, so every route reaches its service; access rules are tested in access.test.ts. */
async function send(method: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization'))
    headers.set('authorization', `Bearer ${signAccessToken(fakes.signingKey)}`);
  const response = await fetch(`${gateway.url}${path}`, { method, ...init, headers });
  const text = await response.text();
  return { response, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('routing from the catalog', () => {
  const cases = routeTable().map((rule) => {
    const method: HttpMethod = rule.methods?.[0] ?? 'GET';
    const path = rule.exact ? rule.path : `${rule.path}/some/thing`;
    return [method, path, rule.service] as const;
  });

  test.each(cases)('%s %s reaches the %s service', async (method, path, expected) => {
    const { response, body } = await send(method, path);
    expect(response.status).toBe(200);
    expect(body['service']).toBe(expected);
  });

  test.each([
    ['POST', '/api/v1/scenarios', 'generation'],
    ['GET', '/api/v1/scenarios', 'history'],
    ['GET', '/api/v1/scenarios/suggestions', 'generation'],
    ['GET', '/api/v1/scenarios/abc123', 'history'],
    ['DELETE', '/api/v1/scenarios/abc123', 'history'],
    ['GET', '/s/Ab3dE', 'sharing'],
  ])('where two services share a path, %s %s goes to %s', async (method, path, expected) => {
    const { body } = await send(method, path);
    expect(body['service']).toBe(expected);
  });

  test('path, query string and body arrive unchanged', async () => {
    const { body } = await send('POST', '/api/v1/shares?utm=x&y=%20z', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: 'sc_1', note: 'héllo' }),
    });
    expect(body).toMatchObject({
      service: 'sharing',
      url: '/api/v1/shares?utm=x&y=%20z',
      body: JSON.stringify({ scenarioId: 'sc_1', note: 'héllo' }),
    });
  });

  test('a path no service owns is a 404 problem from the gateway', async () => {
    const { response, body } = await send('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 404, type: '/problems/not-found' });
    expect(fakes.upstreams.every((fake) => fake.received.length === 0)).toBe(true);
  });

  test('an upstream answering an error status passes it through as it is', async () => {
    upstream('history').handle((_req, res) => {
      res.writeHead(409, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: '/problems/conflict', status: 409, title: 'Conflict', detail: 'x' }));
    });
    const { response, body } = await send('GET', '/api/v1/scenarios/abc');
    expect(response.status).toBe(409);
    expect(body['type']).toBe('/problems/conflict');
  });

  test('a service that is down answers 503 problem+json naming it', async () => {
    const video = upstream('video');
    await new Promise<void>((resolve) => video.server.close(() => resolve()));
    try {
      const { response, body } = await send('GET', '/api/v1/videos/v1');
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(body).toMatchObject({
        status: 503,
        type: '/problems/upstream-unavailable',
        detail: 'The video service is unavailable right now; try again shortly.',
        upstream: 'video',
      });
    } finally {
      await new Promise<void>((resolve) =>
        video.server.listen(Number(new URL(video.url).port), '127.0.0.1', resolve),
      );
    }
  });
});

describe('correlation ids', () => {
  test('a valid x-request-id is forwarded to the service and echoed back', async () => {
    const { response } = await send('GET', '/api/v1/feed', {
      headers: { 'x-request-id': 'client-chosen-id-42' },
    });
    expect(response.headers.get('x-request-id')).toBe('client-chosen-id-42');
    expect(upstream('social').received[0]?.headers['x-request-id']).toBe('client-chosen-id-42');
  });

  test.each([
    ['absent', undefined],
    ['too short', 'abc'],
    ['with spaces and newlines', 'evil id\r\nx-admin: 1'.replace(/[\r\n]/g, '')],
    ['too long', 'a'.repeat(300)],
  ])('when it is %s, one is minted, forwarded and echoed', async (_case, sent) => {
    const { response } = await send('GET', '/api/v1/feed', sent ? { headers: { 'x-request-id': sent } } : {});
    const echoed = response.headers.get('x-request-id');
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed).not.toBe(sent);
    expect(upstream('social').received[0]?.headers['x-request-id']).toBe(echoed);
  });
});

describe('streaming', () => {
  test('the response streams: the first event reaches the client before the service finishes', async () => {
    let release: (why: string) => void = () => undefined;
    const released = new Promise<string>((resolve) => {
      release = resolve;
    });
    upstream('generation').handleRaw((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: meta\ndata: {"step":1}\n\n');
      // The service finishes on its own after a while, so a gateway that buffers fails the
      // assertions below (meta and done arrive together) instead of leaving the test hanging.
      const givingUp = setTimeout(() => release('the service stopped waiting'), 5_000);
      void released.then((why) => {
        clearTimeout(givingUp);
        res.end(`event: done\ndata: ${JSON.stringify({ why })}\n\n`);
      });
    });
    const response = await fetch(`${gateway.url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { accept: 'text/event-stream' },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: meta');
    expect(first).not.toContain('event: done');
    release('the client had the first event');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('event: done');
    expect(rest).toContain('the client had the first event');
  });

  test('the request body streams: the service sees the first part before the client sends the rest', async () => {
    upstream('history').handleRaw((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      req.once('data', (chunk: Buffer) => res.write(`got:${chunk.toString()}`));
      req.on('end', () => res.end('|end'));
    });
    const port = new URL(gateway.url).port;
    let restSentAfterEcho = false;
    const answer = await new Promise<string>((resolve, reject) => {
      const client = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/api/v1/scenarios/s1',
          headers: {
            'content-type': 'text/plain',
            authorization: `Bearer ${signAccessToken(fakes.signingKey)}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            // The rest is sent once the service has echoed the first part back.
            if (text === 'got:part-one') {
              clearTimeout(givingUp);
              restSentAfterEcho = true;
              client.end('part-two');
            }
          });
          res.on('end', () => resolve(text));
        },
      );
      // Or after a while without an echo, so a gateway that buffers the body fails the
      // assertions below (the service sees both parts at once) instead of leaving the test hanging.
      const givingUp = setTimeout(() => client.end('part-two'), 5_000);
      client.on('error', reject);
      client.write('part-one');
    });
    expect(answer).toBe('got:part-one|end');
    expect(restSentAfterEcho).toBe(true);
  });

  test('a client that disconnects cancels the request to the service', async () => {
    let upstreamEnded: (how: string) => void = () => undefined;
    const ended = new Promise<string>((resolve) => {
      upstreamEnded = resolve;
    });
    upstream('generation').handleRaw((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: meta\ndata: {}\n\n');
      // Finishes on its own after a while, so a gateway that keeps the request open fails the
      // assertion below instead of leaving the test hanging.
      const givingUp = setTimeout(() => {
        upstreamEnded('still open: the service finished it');
        res.end();
      }, 5_000);
      res.on('close', () => {
        clearTimeout(givingUp);
        upstreamEnded('closed by the gateway');
      });
    });
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/api/v1/scenarios`, {
      method: 'POST',
      signal: controller.signal,
    });
    await response.body!.getReader().read();
    controller.abort();
    expect(await ended).toBe('closed by the gateway');
  });
});

describe('unified health', () => {
  test('200 with every service up when all are ready', async () => {
    const response = await fetch(`${gateway.url}/health`);
    const body = (await response.json()) as {
      status: string;
      unavailable: string[];
      services: Record<string, { status: string; latencyMs: number }>;
    };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.unavailable).toEqual([]);
    expect(Object.keys(body.services).sort()).toEqual([
      'gateway',
      'generation',
      'history',
      'sharing',
      'social',
      'user',
      'video',
    ]);
    for (const health of Object.values(body.services)) {
      expect(health.status).toBe('up');
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  test('503 naming the services that are not ready or not reachable', async () => {
    upstream('video').readiness.status = 503;
    const user = upstream('user');
    await new Promise<void>((resolve) => user.server.close(() => resolve()));
    try {
      const response = await fetch(`${gateway.url}/health`);
      const body = (await response.json()) as {
        status: string;
        unavailable: string[];
        services: Record<string, { status: string; reason?: string }>;
      };
      expect(response.status).toBe(503);
      expect(body.status).toBe('unavailable');
      expect(body.unavailable.sort()).toEqual(['user', 'video']);
      expect(body.services['video']).toMatchObject({ status: 'down', reason: 'readiness answered 503' });
      expect(body.services['user']).toMatchObject({ status: 'down', reason: 'ECONNREFUSED' });
      expect(body.services['history']?.status).toBe('up');
    } finally {
      await new Promise<void>((resolve) =>
        user.server.listen(Number(new URL(user.url).port), '127.0.0.1', resolve),
      );
    }
  });
});

// Found by make fuzz: TRACE /health (as any method but GET) fell through to routing and came back 404.
test.each(['/health', '/metrics', '/openapi.json', '/health/live', '/health/ready'])(
  "the gateway's own %s is read-only: another method is a 405 naming GET and HEAD",
  async (path) => {
    for (const method of ['POST', 'DELETE', 'PATCH']) {
      const response = await fetch(`${gateway.url}${path}`, { method });
      expect({ method, status: response.status }).toEqual({ method, status: 405 });
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { detail: string }).detail).toContain(method);
    }
  },
);

test('proxied requests are measured under their route rule, never the raw path', async () => {
  await send('GET', '/api/v1/scenarios/user-specific-id-123');
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  expect(metrics).toContain('route="/api/v1/scenarios/*"');
  expect(metrics).not.toContain('user-specific-id-123');
});
