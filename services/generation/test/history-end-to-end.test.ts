import { scenarioSchema } from '@what-if/contracts';
import { type StartedService, startService } from '@what-if/kit';
import { historyService } from '../../history/src/service';
import { eventually } from '../../../test/support/eventually';
import { type FakeIdentity, startFakeIdentity } from '../../../test/support/fake-identity';
import { type TestStores, inProcessEnv, provisionStores } from '../../../test/support/service-chassis';
import { signAccessToken } from '../../../test/support/tokens';
import { generationService } from '../src/service';
import { streamGeneration } from './support/event-source-client';
import { type GatewayInFront, startGatewayInFront } from './support/gateway-in-front';
import { type ScenarioAnswer, postScenario } from './support/generation-under-test';

/**
 * The whole path with nothing faked but the user service: the gateway, generation with its
 * default (embedded) provider on Redis, and the real history service on dynalite.
 */
describe('generation, history and the gateway together', () => {
  let identity: FakeIdentity;
  let historyStores: TestStores;
  let generationStores: TestStores;
  let history: StartedService<unknown>;
  let generation: StartedService<unknown>;
  let gateway: GatewayInFront;
  const token = (sub: string) => signAccessToken(identity.signingKey, { sub });

  async function read(id: string, sub: string): Promise<{ status: number; body: ScenarioAnswer }> {
    const response = await fetch(`${gateway.url}/api/v1/scenarios/${id}`, {
      headers: { authorization: `Bearer ${token(sub)}` },
    });
    return { status: response.status, body: (await response.json()) as ScenarioAnswer };
  }

  beforeAll(async () => {
    identity = await startFakeIdentity();
    historyStores = await provisionStores(['dynamodb']);
    generationStores = await provisionStores(['redis']);
    history = await startService(historyService, {
      env: { ...process.env, ...inProcessEnv, ...historyStores.env, USER_SERVICE_URL: identity.url },
    });
    generation = await startService(generationService, {
      env: {
        ...process.env,
        ...inProcessEnv,
        ...generationStores.env,
        USER_SERVICE_URL: identity.url,
        HISTORY_SERVICE_URL: history.url,
      },
    });
    for (const service of [history, generation]) {
      await eventually(async () => expect((await fetch(`${service.url}/health/ready`)).status).toBe(200));
    }
    gateway = await startGatewayInFront({
      generationUrl: generation.url,
      userUrl: identity.url,
      historyUrl: history.url,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await generation?.stop();
    await history?.stop();
    await generationStores?.cleanup();
    await historyStores?.cleanup();
    await identity?.close();
  });

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
    const parent = await postScenario(
      gateway.url,
      { question: 'What if the printing press had been invented in China first?' },
      { token: token('user-e2e') },
    );
    expect(parent.status).toBe(201);
    const child = await postScenario(
      gateway.url,
      {
        question: 'What if movable type had reached Europe by 1200?',
        parentId: parent.body.id,
        timelineIndex: 1,
      },
      { token: token('user-e2e') },
    );
    expect(child.status).toBe(201);
    expect(child.body.parent).toEqual({ id: parent.body.id, timelineIndex: 1 });
    expect((await read(child.body.id!, 'user-e2e')).body.parent).toEqual({
      id: parent.body.id,
      timelineIndex: 1,
    });

    const intruder = await postScenario(
      gateway.url,
      {
        question: 'What if movable type had reached Europe by 1200?',
        parentId: parent.body.id,
        timelineIndex: 1,
      },
      { token: token('user-intruder') },
    );
    expect(intruder.status).toBe(404);
  });

  test('an anonymous scenario is answered but kept nowhere', async () => {
    const anonymous = await postScenario(gateway.url, { question: 'What if the Moon had never formed?' });
    expect(anonymous.status).toBe(201);
    expect((await read(anonymous.body.id!, 'user-e2e')).status).toBe(404);
  });
});
