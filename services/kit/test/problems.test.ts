import path from 'node:path';
import {
  HttpProblem,
  createMetrics,
  createServiceApp,
  serve,
  validationProblem,
  type RunningService,
} from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

const logs = captureLogs('kit-test');
let running: RunningService;

beforeAll(async () => {
  const app = createServiceApp({
    logger: logs.logger,
    metrics: createMetrics('kit-test'),
    identity: undefined,
    openapiPath: path.join(__dirname, 'fixtures', 'items.openapi.yaml'),
    validateResponses: true,
    bodyLimit: '1kb',
    routes: (router) => {
      router.post('/items', (req, res) => {
        const body = req.body as { name: string; count: number };
        if (body.name === 'taken')
          throw new HttpProblem(409, 'An item named "taken" exists already.', { type: 'item-exists' });
        if (body.name === 'reserved')
          throw validationProblem([{ path: '/body/name', message: 'is reserved; choose another' }]);
        res.status(201).json(body);
      });
      router.get('/items/:id', (req, res) => {
        if (req.params['id'] === 'explode')
          throw new Error('connection string postgres://admin:hunter2@db failed');
        if (req.params['id'] === 'drift') {
          res.json({ identifier: 'wrong shape' });
          return;
        }
        res.json({ id: req.params['id'] });
      });
    },
  });
  running = await serve({
    name: 'kit-test',
    app,
    host: '127.0.0.1',
    port: 0,
    logger: logs.logger,
    stores: [],
    shutdown: { delayMs: 0, timeoutMs: 1000 },
    handleSignals: false,
  });
});

afterAll(() => running.stop());

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(`${running.url}/items`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { response, problem: (await response.json()) as Record<string, unknown> };
}

test('a valid request passes the contract', async () => {
  const { response, problem } = await post(JSON.stringify({ name: 'kettle', count: 2 }));
  expect(response.status).toBe(201);
  expect(problem).toEqual({ name: 'kettle', count: 2 });
});

test('invalid fields answer 400 problem+json naming each field', async () => {
  const { response, problem } = await post(JSON.stringify({ name: '', count: 'many', extra: true }));
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(problem['type']).toBe('/problems/validation');
  const paths = (problem['errors'] as Array<{ path: string }>).map((error) => error.path);
  expect(paths).toEqual(expect.arrayContaining(['/body/name', '/body/count']));
  expect(String(problem['detail'])).toContain('name');
  expect(problem['requestId']).toEqual(expect.any(String));
});

test("a handler's invalid field answers exactly as the contract validator's would", async () => {
  const { response, problem } = await post(JSON.stringify({ name: 'reserved', count: 1 }));
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(problem).toEqual({
    type: '/problems/validation',
    title: 'Your request has invalid fields',
    status: 400,
    detail: 'The request is invalid: name is reserved; choose another.',
    instance: '/items',
    requestId: expect.any(String),
    errors: [{ path: '/body/name', message: 'is reserved; choose another' }],
  });
  const { problem: fromValidator } = await post(JSON.stringify({ name: '', count: 1 }));
  expect(Object.keys(fromValidator).sort()).toEqual(Object.keys(problem).sort());
  expect(fromValidator['title']).toBe(problem['title']);
});

test('malformed JSON answers 400 saying so', async () => {
  const { response, problem } = await post('{"name": "kettle",');
  expect(response.status).toBe(400);
  expect(problem).toMatchObject({
    type: '/problems/malformed-body',
    detail: 'The request body is not valid JSON.',
  });
});

test('a body over the limit answers 413', async () => {
  const { response, problem } = await post(JSON.stringify({ name: 'x'.repeat(2000), count: 1 }));
  expect(response.status).toBe(413);
  expect(problem['type']).toBe('/problems/payload-too-large');
});

test('a wrong content type answers 415', async () => {
  const { response, problem } = await post('name=kettle', 'application/x-www-form-urlencoded');
  expect(response.status).toBe(415);
  expect(problem['status']).toBe(415);
});

test('a handler’s HttpProblem goes out as it stands', async () => {
  const { response, problem } = await post(JSON.stringify({ name: 'taken', count: 1 }));
  expect(response.status).toBe(409);
  expect(problem).toMatchObject({
    type: '/problems/item-exists',
    title: 'Conflict',
    detail: 'An item named "taken" exists already.',
  });
});

test('an unexpected error answers 500 without internals, and is logged with the request id', async () => {
  const response = await fetch(`${running.url}/items/explode`, {
    headers: { 'x-request-id': 'explode-request-01' },
  });
  const text = await response.text();
  expect(response.status).toBe(500);
  expect(text).not.toContain('hunter2');
  expect(text).not.toContain('at ');
  expect(JSON.parse(text)).toMatchObject({ type: '/problems/internal', requestId: 'explode-request-01' });
  const logged = logs.lines.find(
    (line) => line['msg'] === 'request failed' && line['requestId'] === 'explode-request-01',
  );
  expect(logged).toBeDefined();
});

test('with response validation on, a handler that drifts from the contract fails loudly', async () => {
  const response = await fetch(`${running.url}/items/drift`);
  expect(response.status).toBe(500);
});

test('a method the path does not accept answers 405', async () => {
  const response = await fetch(`${running.url}/items`, { method: 'DELETE' });
  expect(response.status).toBe(405);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
});

// Found by make fuzz: a body without a Content-Type was "unsupported media type undefined".
test('a body without a content type answers 415 saying what to send', async () => {
  const response = await fetch(`${running.url}/items`, { method: 'POST' });
  const problem = (await response.json()) as Record<string, unknown>;
  expect(response.status).toBe(415);
  expect(problem['detail']).toBe('The request body came with no Content-Type; send it as application/json.');
});

// Found by make fuzz: terminus answered the health endpoints whatever the method.
test.each(['/health/live', '/health/ready'])('%s answers 405 to methods other than GET', async (path) => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const response = await fetch(`${running.url}${path}`, { method });
    expect({ method, status: response.status }).toEqual({ method, status: 405 });
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  }
  expect((await fetch(`${running.url}${path}`, { method: 'HEAD' })).status).toBe(200);
});

// Found by make fuzz: Node refused oversized headers itself, with an empty body and no content type.
test('a request whose headers are too large answers 431 problem+json', async () => {
  const response = await fetch(`${running.url}/items/${'x'.repeat(20_000)}`);
  expect(response.status).toBe(431);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await response.json()).toMatchObject({ status: 431, type: '/problems/headers-too-large' });
});

// Found by make fuzz: under a service's global bearer requirement, these inherited it.
test('the served contract says the kit’s own endpoints need no token', async () => {
  const document = (await (await fetch(`${running.url}/openapi.json`)).json()) as {
    paths: Record<string, { get: { security?: unknown[] } }>;
  };
  for (const path of ['/health/live', '/health/ready', '/metrics', '/openapi.json']) {
    expect({ path, security: document.paths[path]?.get.security }).toEqual({ path, security: [] });
  }
});
