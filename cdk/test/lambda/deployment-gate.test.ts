import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandler, type GateSettings } from '../../src/lambda/deployment-gate';

/** What a gateway answers on a path: a status and a JSON body; a list is answered in turn, its last one from then on. */
type Answer = { status: number; body: unknown };
type Answers = Record<string, Answer | Answer[]>;

/** A real HTTP server playing one gateway revision, answering what the test sets. */
async function gatewayStandIn(): Promise<{ url: string; answers: Answers; server: Server }> {
  const answers: Answers = {};
  const server = createServer((req, res) => {
    const planned = answers[req.url ?? ''];
    const answer = (Array.isArray(planned)
      ? planned.length > 1
        ? planned.shift()
        : planned[0]
      : planned) ?? {
      status: 404,
      body: { title: 'Not Found', status: 404 },
    };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answers, server };
}

function health(down: Record<string, string> = {}) {
  const names = ['gateway', 'user', 'generation', 'history', 'sharing', 'video', 'social'];
  return {
    status: Object.keys(down).length === 0 ? 200 : 503,
    body: {
      status: Object.keys(down).length === 0 ? 'ok' : 'unavailable',
      unavailable: Object.keys(down),
      services: Object.fromEntries(
        names.map((name) => [
          name,
          down[name] ? { status: 'down', latencyMs: 3, reason: down[name] } : { status: 'up', latencyMs: 3 },
        ]),
      ),
    },
  };
}

const contract = { status: 200, body: { openapi: '3.1.0', info: { title: 'What If' }, paths: {} } };

let candidate: Awaited<ReturnType<typeof gatewayStandIn>>;
let production: Awaited<ReturnType<typeof gatewayStandIn>>;
let logged: Array<Record<string, unknown>>;

beforeAll(async () => {
  candidate = await gatewayStandIn();
  production = await gatewayStandIn();
});
afterAll(async () => {
  await new Promise((resolve) => candidate.server.close(resolve));
  await new Promise((resolve) => production.server.close(resolve));
});
beforeEach(() => {
  logged = [];
  for (const answers of [candidate.answers, production.answers]) {
    for (const path of Object.keys(answers)) delete answers[path];
  }
  Object.assign(candidate.answers, { '/openapi.json': contract, '/health': health() });
  Object.assign(production.answers, { '/openapi.json': contract, '/health': health() });
});

function gate(overrides: Partial<GateSettings> = {}) {
  return createHandler(
    {
      testUrl: candidate.url,
      productionUrl: production.url,
      attempts: 1,
      pauseMs: 0,
      requestTimeoutMs: 2000,
      ...overrides,
    },
    (fields) => logged.push(fields),
  );
}

const event = {
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/whatif-prod/gateway',
  targetServiceRevisionArn: 'arn:aws:ecs:us-east-1:123456789012:service-revision/whatif-prod/gateway/2',
};

test('a revision that serves its contract and reaches every service goes on to production', async () => {
  expect(await gate()(event)).toEqual({ hookStatus: 'SUCCEEDED' });
  expect(logged[0]).toMatchObject({ healthy: true, problems: [], revision: event.targetServiceRevisionArn });
});

test('a revision whose own Redis is not ready is rolled back, and the log says why', async () => {
  candidate.answers['/health'] = health({ gateway: 'redis: connect ECONNREFUSED' });
  expect(await gate()(event)).toEqual({ hookStatus: 'FAILED' });
  expect(logged[0]?.['problems']).toEqual([
    "the new gateway's own stores are not ready: redis: connect ECONNREFUSED",
  ]);
});

test('a revision that cannot reach a service production reaches is rolled back', async () => {
  candidate.answers['/health'] = health({ history: 'ENOTFOUND' });
  expect(await gate()(event)).toEqual({ hookStatus: 'FAILED' });
  expect(logged[0]?.['problems']).toEqual([
    'the new gateway cannot reach history (ENOTFOUND), which production reaches',
  ]);
});

test('an outage production sees too does not hold the gateway back', async () => {
  candidate.answers['/health'] = health({ video: 'readiness answered 503' });
  production.answers['/health'] = health({ video: 'readiness answered 503' });
  expect(await gate()(event)).toEqual({ hookStatus: 'SUCCEEDED' });
});

test('a test listener that does not forward to the gateway fails the gate', async () => {
  delete candidate.answers['/openapi.json'];
  delete candidate.answers['/health'];
  expect(await gate()(event)).toEqual({ hookStatus: 'FAILED' });
  expect(logged[0]?.['problems']).toEqual([
    'GET /openapi.json through the test listener answered 404',
    'GET /health through the test listener answered 404',
  ]);
});

test('nothing listening fails the gate with the connection error', async () => {
  const closed = await gatewayStandIn();
  await new Promise((resolve) => closed.server.close(resolve));
  expect(await gate({ testUrl: closed.url })(event)).toEqual({ hookStatus: 'FAILED' });
  expect(String(logged[0]?.['problems'])).toContain('ECONNREFUSED');
});

test('a revision still settling gets more attempts before the verdict', async () => {
  candidate.answers['/health'] = [health({ gateway: 'redis: not yet' }), health()];
  expect(await gate({ attempts: 3 })(event)).toEqual({ hookStatus: 'SUCCEEDED' });
  expect(logged[0]).toMatchObject({ healthy: true, attempts: 2 });

  candidate.answers['/health'] = [health({ gateway: 'redis: not yet' }), health()];
  expect(await gate({ attempts: 1 })(event)).toEqual({ hookStatus: 'FAILED' });
});
