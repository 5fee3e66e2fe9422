import { service } from '@what-if/catalog';
import { type Scenario, scenarioSchema } from '@what-if/contracts';
import { type ApiCall, apiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { streamGeneration } from './support/event-source-client';
import { type FakeIdentity, startFakeIdentity } from './support/fake-identity';
import { type TestStores, provisionStores } from './support/service-chassis';
import {
  type GatewayInFront,
  type ServiceProcess,
  startGatewayInFront,
  startServiceProcess,
} from './support/service-processes';
import { signAccessToken } from './support/tokens';

/**
 * The whole path with nothing faked but the user service, each service in its own process:
 * the gateway, generation with its default (embedded) provider on Redis, and history on dynalite.
 */
let identity: FakeIdentity;
const stores: TestStores[] = [];
const running: ServiceProcess[] = [];
let gateway: GatewayInFront;
let call: ApiCall;
const token = (sub: string) => signAccessToken(identity.signingKey, { sub });

async function start(name: 'history' | 'generation', env: Record<string, string>) {
  const own = await provisionStores(service(name).stores);
  stores.push(own);
  const started = await startServiceProcess(name, { env: { ...own.env, ...env } });
  running.push(started);
  await eventually(async () => expect((await fetch(`${started.url}/health/ready`)).status).toBe(200));
  return started;
}

beforeAll(async () => {
  identity = await startFakeIdentity();
  const history = await start('history', { USER_SERVICE_URL: identity.url });
  const generation = await start('generation', {
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
  });
  gateway = await startGatewayInFront({
    user: identity.url,
    history: history.url,
    generation: generation.url,
  });
  call = apiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.stop();
  for (const started of running.reverse()) await started.stop();
  for (const own of stores) await own.cleanup();
  await identity?.close();
});

async function generate(body: Record<string, unknown>, sub?: string) {
  return call<Scenario & { parent?: Scenario['parent'] }>('POST', '/api/v1/scenarios', {
    body,
    headers: { accept: 'application/json' },
    ...(sub ? { token: token(sub) } : {}),
  });
}

const read = (id: string, sub: string) =>
  call<Scenario>('GET', `/api/v1/scenarios/${id}`, { token: token(sub) });

test('a streamed scenario from the embedded provider lands in the signed-in user’s history', async () => {
  const events = await streamGeneration(
    gateway.url,
    { question: 'What if the Roman Empire never fell?' },
    { token: token('user-e2e') },
  ).finished;
  expect(events[0]!.type).toBe('meta');
  expect(events.filter((event) => event.type === 'section').length).toBeGreaterThanOrEqual(9);
  const done = events.at(-1)!;
  expect(done.type).toBe('done');
  expect(scenarioSchema.safeParse(done.data).success).toBe(true);
  expect(done.data['provenance']).toMatchObject({ provider: 'local', cached: false });

  const stored = await read(done.data['id'] as string, 'user-e2e');
  expect(stored.status).toBe(200);
  expect(stored.body).toMatchObject({
    id: done.data['id'],
    title: done.data['title'],
    question: done.data['question'],
  });
});

test('a continuation reads the parent from history, and someone else’s parent is a 404', async () => {
  const parent = await generate(
    { question: 'What if the printing press had been invented in China first?' },
    'user-e2e',
  );
  expect(parent.status).toBe(201);
  const continuation = {
    question: 'What if movable type had reached Europe by 1200?',
    parentId: parent.body.id,
    timelineIndex: 1,
  };
  const child = await generate(continuation, 'user-e2e');
  expect(child.status).toBe(201);
  expect(child.body.parent).toEqual({ id: parent.body.id, timelineIndex: 1 });
  expect((await read(child.body.id, 'user-e2e')).body.parent).toEqual({
    id: parent.body.id,
    timelineIndex: 1,
  });

  expect((await generate(continuation, 'user-intruder')).status).toBe(404);
});

test('an anonymous scenario is answered but kept nowhere', async () => {
  const anonymous = await generate({ question: 'What if the Moon had never formed?' });
  expect(anonymous.status).toBe(201);
  expect((await read(anonymous.body.id, 'user-e2e')).status).toBe(404);
});
