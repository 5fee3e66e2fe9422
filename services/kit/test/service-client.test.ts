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

describe('what reaches the upstream', () => {
  test('the path joins the base URL without a doubled slash, and undefined query values are left out', async () => {
    answer = (_req, res) => json(res, 200, {});
    const { client: history } = client({ baseUrl: `${baseUrl}//` });
    await history.request({
      method: 'GET',
      path: '/things',
      query: { limit: 5, after: undefined, q: 'a b' },
    });
    expect(seen[0]?.url).toBe('/things?limit=5&q=a+b');
  });

  test('a body goes as JSON, with the caller’s headers; JSON is asked for; no correlation id outside a request', async () => {
    let received = '';
    answer = (req, res) => {
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (received += chunk));
      req.on('end', () => json(res, 201, { stored: true }));
    };
    const { client: history } = client();
    const response = await history.request({
      method: 'PUT',
      path: '/scenarios/s1',
      body: { title: 'What if' },
      headers: { 'x-caller-note': 'kept' },
    });
    expect(response.status).toBe(201);
    expect(JSON.parse(received)).toEqual({ title: 'What if' });
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(seen[0]?.headers['accept']).toBe('application/json');
    expect(seen[0]?.headers['x-caller-note']).toBe('kept');
    expect(seen[0]?.headers['x-request-id']).toBeUndefined();
  });

  test('a call without a body sends none and no content type', async () => {
    answer = (_req, res) => json(res, 200, {});
    const { client: history } = client();
    await history.request({ method: 'DELETE', path: '/scenarios/s1' });
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.headers['content-length'] ?? '0').toBe('0');
  });
});

describe('what the caller gets back', () => {
  test.each([
    [
      'a problem+json body is parsed',
      'application/problem+json',
      '{"type":"/problems/x"}',
      { type: '/problems/x' },
    ],
    ['a JSON body that does not parse comes back as text', 'application/json', '{not json', '{not json'],
    ['text stays text', 'text/plain', '{"a":1}', '{"a":1}'],
    ['a type that merely mentions json is not JSON', 'application/jsonlines-ish', '{"a":1}', '{"a":1}'],
    ['an empty JSON answer is empty text', 'application/json', '', ''],
  ])('%s', async (_name, type, text, expected) => {
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': type });
      res.end(text);
    };
    const { client: history } = client();
    expect((await history.request({ method: 'GET', path: '/x' })).body).toEqual(expected);
  });

  test('a POST promised idempotent is retried; a GET said not to be is not', async () => {
    let calls = 0;
    answer = (_req, res) => (++calls < 2 ? json(res, 503, {}) : json(res, 200, { attempt: calls }));
    const { client: history } = client({ retries: 2 });
    expect(
      (await history.request({ method: 'POST', path: '/purges', body: {}, idempotent: true })).body,
    ).toEqual({ attempt: 2 });
    seen.length = 0;
    answer = (_req, res) => json(res, 503, {});
    await expect(history.request({ method: 'GET', path: '/x', idempotent: false })).rejects.toMatchObject({
      status: 502,
    });
    expect(seen).toHaveLength(1);
  });

  test('by default an idempotent call is tried three times', async () => {
    answer = (_req, res) => json(res, 504, {});
    const { client: history } = client();
    await expect(history.request({ method: 'HEAD', path: '/x' })).rejects.toMatchObject({ status: 502 });
    expect(seen).toHaveLength(3);
  });

  test('each failure says what happened, and is logged with the upstream, the call and the status', async () => {
    const logs = captureLogs();
    answer = (_req, res) => json(res, 503, {});
    const { client: history } = client({ retries: 0, logger: logs.logger });
    await expect(history.request({ method: 'GET', path: '/failing' })).rejects.toMatchObject({
      status: 502,
      type: '/problems/upstream-failed',
      message: 'The history service answered 503.',
      upstream: 'history',
    });
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        upstream: 'history',
        method: 'GET',
        path: '/failing',
        status: 502,
        msg: 'The history service answered 503.',
      }),
    );

    answer = () => undefined;
    const { client: slow } = client({ timeoutMs: 150, retries: 0 });
    await expect(slow.request({ method: 'GET', path: '/slow' })).rejects.toMatchObject({
      message: 'The history service did not answer within 150 ms.',
    });

    const { client: video } = client({ upstream: 'video', baseUrl: 'http://127.0.0.1:1', retries: 0 });
    await expect(video.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      type: '/problems/upstream-failed',
      message: 'The video service could not be reached.',
    });
  });

  test('every call is measured by upstream, method and outcome', async () => {
    const { client: history, registry } = client({ retries: 0, timeoutMs: 150 });
    answer = (_req, res) => json(res, 204, {});
    await history.request({ method: 'GET', path: '/ok' });
    answer = (_req, res) => json(res, 404, {});
    await history.request({ method: 'GET', path: '/missing' });
    answer = (_req, res) => json(res, 503, {});
    await expect(history.request({ method: 'POST', path: '/x' })).rejects.toThrow();
    answer = () => undefined;
    await expect(history.request({ method: 'GET', path: '/slow' })).rejects.toThrow();
    const { client: video, registry: videoRegistry } = client({
      upstream: 'video',
      baseUrl: 'http://127.0.0.1:1',
      retries: 0,
    });
    await expect(video.request({ method: 'DELETE', path: '/x' })).rejects.toThrow();
    const text = await registry.getSingleMetricAsString('upstream_request_duration_seconds');
    for (const [method, outcome] of [
      ['GET', '2xx'],
      ['GET', '4xx'],
      ['POST', '5xx'],
      ['GET', 'timeout'],
    ])
      expect(text).toContain(
        `upstream_request_duration_seconds_count{upstream="history",method="${method}",outcome="${outcome}"} 1`,
      );
    // Measured in seconds: a call that took well under ten seconds is in the 10 s bucket.
    expect(text).toContain(
      'upstream_request_duration_seconds_bucket{le="10",upstream="history",method="GET",outcome="2xx"} 1',
    );
    expect(await videoRegistry.getSingleMetricAsString('upstream_request_duration_seconds')).toContain(
      'upstream_request_duration_seconds_count{upstream="video",method="DELETE",outcome="error"} 1',
    );
  });
});

describe('the circuit breaker', () => {
  test('by default it opens after ten calls of which half failed, and tries again after ten seconds', async () => {
    answer = (_req, res) => json(res, 503, {});
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    try {
      const { client: history } = client({ retries: 0 });
      for (let index = 0; index < 9; index += 1)
        await expect(history.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 502 });
      expect(history.breaker.opened).toBe(false);
      await expect(history.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 502 });
      expect(history.breaker.opened).toBe(true);
      jest.advanceTimersByTime(9_999);
      expect(history.breaker.opened).toBe(true);
      jest.advanceTimersByTime(1);
      expect(history.breaker.halfOpen).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  test('an open circuit stops the retries at once and is measured and logged', async () => {
    const logs = captureLogs();
    answer = (_req, res) => json(res, 503, {});
    const { client: history, registry } = client({
      retries: 5,
      logger: logs.logger,
      breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
    });
    await expect(history.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({
      status: 503,
      message: 'The history service is unavailable; try again shortly.',
    });
    expect(seen).toHaveLength(2);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        upstream: 'history',
        msg: 'circuit opened: calls fail fast until a trial call succeeds',
      }),
    );
    expect(await registry.getSingleMetricAsString('upstream_request_duration_seconds')).toContain(
      'upstream_request_duration_seconds_count{upstream="history",method="GET",outcome="circuit_open"} 1',
    );
  });

  test('a half-open circuit is measured as such, and closing it is logged', async () => {
    const logs = captureLogs();
    answer = (_req, res) => json(res, 503, {});
    const { client: history, registry } = client({
      retries: 0,
      logger: logs.logger,
      breaker: { volumeThreshold: 1, errorThresholdPercentage: 50, resetTimeoutMs: 100 },
    });
    await expect(history.request({ method: 'GET', path: '/x' })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await registry.getSingleMetricAsString('upstream_circuit_state')).toContain(
      'upstream_circuit_state{upstream="history"} 2',
    );
    answer = (_req, res) => json(res, 200, {});
    await history.request({ method: 'GET', path: '/x' });
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ level: 'info', upstream: 'history', msg: 'circuit closed' }),
    );
  });
});

test('an internal call to something that is not a catalog service is a wiring mistake', async () => {
  const { client: outsider } = client({
    upstream: 'payments',
    identity: { service: 'history', tokenFor: () => 'token', verify: () => 'gateway' },
  });
  await expect(outsider.request({ method: 'GET', path: '/internal/v1/x' })).rejects.toThrow(
    'payments is not a catalog service; internal calls go to catalog services only',
  );
  expect(seen).toEqual([]);
});

describe('waits between attempts', () => {
  /** Lets real I/O run while the timers stay frozen. */
  async function until(condition: () => boolean) {
    while (!condition()) await new Promise((resolve) => setImmediate(resolve));
  }

  test('each retry waits a random share of a doubling base: half of 1 s, then half of 2 s', async () => {
    answer = (_req, res) => json(res, 503, {});
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    try {
      const { client: history } = client({ retries: 2, retryBaseMs: 1_000 });
      const outcome = history.request({ method: 'GET', path: '/x' }).catch((error: unknown) => error);
      await until(() => seen.length === 1);
      await jest.advanceTimersByTimeAsync(499);
      expect(seen).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      await until(() => seen.length === 2);
      await jest.advanceTimersByTimeAsync(999);
      expect(seen).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1);
      await until(() => seen.length === 3);
      expect(await outcome).toMatchObject({ status: 502 });
    } finally {
      jest.useRealTimers();
      jest.restoreAllMocks();
    }
  });

  test('the base is 100 ms unless told', async () => {
    answer = (_req, res) => json(res, 503, {});
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    try {
      const { client: history } = client({ retries: 1, retryBaseMs: undefined });
      const outcome = history.request({ method: 'GET', path: '/x' }).catch((error: unknown) => error);
      await until(() => seen.length === 1);
      await jest.advanceTimersByTimeAsync(49);
      expect(seen).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      await until(() => seen.length === 2);
      expect(await outcome).toMatchObject({ status: 502 });
    } finally {
      jest.useRealTimers();
      jest.restoreAllMocks();
    }
  });
});

test('a new client reports its circuit closed at once', async () => {
  const { registry } = client({ upstream: 'social' });
  expect(await registry.getSingleMetricAsString('upstream_circuit_state')).toContain(
    'upstream_circuit_state{upstream="social"} 0',
  );
});
