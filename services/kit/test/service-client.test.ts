import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { UpstreamError, createServiceClient, runWithContext, type ServiceClient } from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

/** A real upstream whose answers each test scripts, recording what reached it. */
let server: Server;
let baseUrl: string;
let answer: (req: IncomingMessage, res: ServerResponse) => void;
const seen: IncomingMessage[] = [];
const clients: ServiceClient[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const client of clients) client.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
});

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function client(options: Partial<Parameters<typeof createServiceClient>[0]> = {}) {
  const registry = new Registry();
  const made = createServiceClient({
    upstream: 'history',
    baseUrl,
    registry,
    logger: captureLogs().logger,
    retryBaseMs: 1,
    ...options,
  });
  clients.push(made);
  return { client: made, registry };
}

test('sends the correlation id of the current request and parses JSON', async () => {
  answer = (_req, res) => json(res, 200, { ok: true });
  const { client: history } = client();
  const response = await runWithContext({ requestId: 'outgoing-id-0001' }, () =>
    history.request<{ ok: boolean }>({ method: 'GET', path: '/things', query: { limit: 5 } }),
  );
  expect(response.body).toEqual({ ok: true });
  expect(seen[0]?.headers['x-request-id']).toBe('outgoing-id-0001');
  expect(seen[0]?.url).toBe('/things?limit=5');
});

test('a 4xx comes back as a response for the caller to judge, without retries', async () => {
  answer = (_req, res) => json(res, 404, { type: '/problems/not-found' });
  const { client: history } = client();
  const response = await history.request({ method: 'GET', path: '/missing' });
  expect(response.status).toBe(404);
  expect(seen).toHaveLength(1);
});

test('an idempotent call is retried after a transient failure and then succeeds', async () => {
  let calls = 0;
  answer = (_req, res) => (++calls < 3 ? json(res, 503, {}) : json(res, 200, { attempt: calls }));
  const { client: history, registry } = client({ retries: 2 });
  const response = await history.request({ method: 'PUT', path: '/scenarios/s1', body: { a: 1 } });
  expect(response.body).toEqual({ attempt: 3 });
  expect(await registry.getSingleMetricAsString('upstream_retries_total')).toContain(
    'upstream_retries_total{upstream="history"} 2',
  );
});

test('a POST without an idempotency promise is never repeated', async () => {
  answer = (_req, res) => json(res, 503, {});
  const { client: history } = client({ retries: 2 });
  await expect(history.request({ method: 'POST', path: '/scenarios', body: {} })).rejects.toMatchObject({
    status: 502,
    upstream: 'history',
  });
  expect(seen).toHaveLength(1);
});

test('retries are bounded: a service that keeps failing yields a 502 UpstreamError', async () => {
  answer = (_req, res) => json(res, 502, {});
  const { client: history } = client({ retries: 2 });
  const failure = history.request({ method: 'GET', path: '/x' });
  await expect(failure).rejects.toBeInstanceOf(UpstreamError);
  expect(seen).toHaveLength(3);
});

test('a service that does not answer in time yields a 504', async () => {
  answer = () => undefined; // never answers
  const { client: history } = client({ timeoutMs: 200, retries: 0 });
  await expect(history.request({ method: 'GET', path: '/slow' })).rejects.toMatchObject({
    status: 504,
    type: '/problems/upstream-timeout',
  });
});

test('an unreachable service yields a 502 naming it', async () => {
  const { client: video } = client({ upstream: 'video', baseUrl: 'http://127.0.0.1:1', retries: 0 });
  await expect(video.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({
    status: 502,
    upstream: 'video',
  });
});

test('the circuit opens after repeated failures, fails fast, then half-opens and closes on success', async () => {
  answer = (_req, res) => json(res, 503, {});
  const { client: history, registry } = client({
    retries: 0,
    breaker: { volumeThreshold: 4, errorThresholdPercentage: 50, resetTimeoutMs: 300 },
  });
  for (let index = 0; index < 4; index += 1) {
    await expect(history.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 502 });
  }
  expect(history.breaker.opened).toBe(true);
  expect(await registry.getSingleMetricAsString('upstream_circuit_state')).toContain(
    'upstream_circuit_state{upstream="history"} 1',
  );

  const reached = seen.length;
  await expect(history.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({
    status: 503,
    type: '/problems/upstream-unavailable',
  });
  expect(seen.length).toBe(reached);

  answer = (_req, res) => json(res, 200, { back: true });
  await new Promise((resolve) => setTimeout(resolve, 350));
  expect(history.breaker.halfOpen).toBe(true);
  expect((await history.request({ method: 'GET', path: '/x' })).body).toEqual({ back: true });
  expect(history.breaker.closed).toBe(true);
  expect(await registry.getSingleMetricAsString('upstream_circuit_state')).toContain(
    'upstream_circuit_state{upstream="history"} 0',
  );
});
