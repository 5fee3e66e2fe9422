import { scenarioSchema } from '@what-if/contracts';
import { streamGeneration } from '../../../test/support/event-source-client';
import { eventually } from '../../../test/support/eventually';
import { type GatewayInFront, startGatewayInFront } from '../../../test/support/service-processes';
import { openAiStream } from './support/fake-openai';
import { type GenerationUnderTest, startGenerationUnderTest } from './support/generation-under-test';
import { sampleContent } from './support/sample-content';
import { type ScriptedServer, jsonError, startScriptedServer } from './support/scripted-server';
import { type Step, type TestProvider, stallingProvider, testProvider } from './support/test-providers';

/** The event types in the order they arrived, runs of deltas and sections collapsed to one. */
function shape(events: Array<{ type: string }>): string[] {
  return events
    .map((event) => event.type)
    .filter((type, index, all) => index === 0 || all[index - 1] !== type);
}

describe('streaming through the real gateway, read with an EventSource', () => {
  let openAi: ScriptedServer;
  let local: TestProvider & { steps: Step[] };
  let generation: GenerationUnderTest;
  let gateway: GatewayInFront;
  const scenarioJson = JSON.stringify(sampleContent('the printing press came early'));

  beforeAll(async () => {
    openAi = await startScriptedServer();
    local = testProvider('local');
    generation = await startGenerationUnderTest({
      providers: { local },
      env: {
        GENERATION_PROVIDERS: 'openai,local',
        OPENAI_BASE_URL: `${openAi.url}/v1`,
        OPENAI_MODEL: 'test-model',
        CACHE_TTL_SECONDS: '0',
        QUOTA_ANONYMOUS_PER_DAY: '1000',
        SSE_HEARTBEAT_MS: '50',
      },
    });
    gateway = await startGatewayInFront({ generation: generation.url, user: generation.identity.url });
  });
  afterAll(async () => {
    await gateway.stop();
    await generation.stop();
    await openAi.close();
  });

  test('meta, then the model’s deltas as they are written, then done with the scenario, saved for a signed-in user', async () => {
    openAi.answer(openAiStream(scenarioJson));
    const token = generation.token({ sub: 'user-stream' });
    const events = await streamGeneration(
      gateway.url,
      { question: 'What if the printing press came early?' },
      { token },
    ).finished;
    expect(shape(events)).toEqual(['meta', 'delta', 'done']);
    const [meta] = events;
    expect(meta!.data).toMatchObject({
      provider: 'openai',
      cached: false,
      language: 'en',
      // An invention is filed under science, however early it comes.
      category: 'science',
    });
    const text = events.filter((event) => event.type === 'delta').map((event) => event.data.text as string);
    expect(text.length).toBeGreaterThan(5);
    expect(text.join('')).toBe(scenarioJson);
    const done = events.at(-1)!.data;
    expect(scenarioSchema.safeParse(done).success).toBe(true);
    expect(done).toMatchObject({
      id: meta!.data.id,
      provenance: { provider: 'openai', model: 'test-model' },
    });
    expect(generation.history.stored.get(done.id as string)?.owner).toBe('user-stream');
  });

  test('a failing remote provider hands over to local: a restart event, then local’s sections', async () => {
    openAi.answer(jsonError(500, { error: { message: 'The server had an error' } }));
    const events = await streamGeneration(gateway.url, { question: 'What if the Moon had rings?' }).finished;
    expect(shape(events)).toEqual(['meta', 'restart', 'section', 'done']);
    expect(events[1]!.data).toEqual({ provider: 'local', previous: 'openai', reason: 'status' });
    expect(events.filter((event) => event.type === 'section').map((event) => event.data.name)).toEqual(
      Object.keys(sampleContent()),
    );
    expect(events.at(-1)!.data.provenance).toMatchObject({ provider: 'local', cached: false });
  });

  test('a request may ask for a provider: local first, and openai is never called', async () => {
    const before = openAi.requests.length;
    const events = await streamGeneration(gateway.url, {
      question: 'What if bees ran the world?',
      provider: 'local',
    }).finished;
    expect(shape(events)).toEqual(['meta', 'section', 'done']);
    expect(events[0]!.data.provider).toBe('local');
    expect(openAi.requests.length).toBe(before);
  });

  test('when every provider fails, the stream ends with an error event carrying a problem', async () => {
    openAi.answer(jsonError(503, { error: { message: 'overloaded' } }));
    local.steps = ['fail'];
    try {
      const events = await streamGeneration(gateway.url, { question: 'What if rivers flowed uphill?' })
        .finished;
      expect(shape(events)).toEqual(['meta', 'restart', 'error']);
      expect(events.at(-1)!.data).toMatchObject({ status: 503, type: '/problems/generation-unavailable' });
      expect(events.at(-1)!.data.requestId).toEqual(expect.any(String));
    } finally {
      local.steps = ['ok'];
    }
  });

  test('a refusal before any work keeps its status: an empty question is a 400 problem, not a stream', async () => {
    const response = await fetch(`${gateway.url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: '   ' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  test('heartbeat comments keep a slow stream alive', async () => {
    openAi.answer(openAiStream(scenarioJson, { stallAfter: 1 }));
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'What if winter never ended?' }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const decoder = new TextDecoder();
    let received = '';
    for await (const chunk of response.body!) {
      received += decoder.decode(chunk as Uint8Array, { stream: true });
      if (/event: delta[\s\S]*: heartbeat\n\n[\s\S]*: heartbeat\n\n/.test(received)) break;
    }
    controller.abort();
    expect(received.indexOf('event: meta')).toBe(0);
    expect(received).toMatch(/event: delta\ndata: .+\n\n(: heartbeat\n\n)+/);
  });

  test('a client that leaves mid-stream cancels the provider’s request, and nothing is saved', async () => {
    openAi.answer(openAiStream(scenarioJson, { stallAfter: 2 }));
    const saved = generation.history.stored.size;
    const token = generation.token({ sub: 'user-leaves' });
    const stream = streamGeneration(gateway.url, { question: 'What if the wheel came late?' }, { token });
    await stream.first('delta');
    stream.close();
    await openAi.clientLeft();
    expect(generation.history.stored.size).toBe(saved);
  });
});

describe('a disconnect reaches the provider as an aborted signal', () => {
  test('closing the EventSource aborts the signal the provider was given', async () => {
    const stalling = stallingProvider('openai');
    const generation = await startGenerationUnderTest({
      providers: { remote: [stalling], local: testProvider('local') },
    });
    const gateway = await startGatewayInFront({ generation: generation.url, user: generation.identity.url });
    try {
      const stream = streamGeneration(gateway.url, { question: 'What if the sun set in the north?' });
      await stream.first('delta');
      await stalling.started;
      stream.close();
      await stalling.aborted;
      expect(stream.events.map((event) => event.type)).toEqual(['meta', 'delta']);
    } finally {
      await gateway.stop();
      await generation.stop();
    }
  });
});

describe('a JSON request whose client leaves', () => {
  test('aborts the provider’s signal too, and saves nothing', async () => {
    const stalling = stallingProvider('openai');
    const generation = await startGenerationUnderTest({
      providers: { remote: [stalling], local: testProvider('local') },
    });
    try {
      const controller = new AbortController();
      const request = fetch(`${generation.url}/api/v1/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${generation.token()}` },
        body: JSON.stringify({ question: 'What if the tides stopped?' }),
        signal: controller.signal,
      }).catch((error: unknown) => error);
      await stalling.started;
      controller.abort();
      await stalling.aborted;
      expect(await request).toMatchObject({ name: 'AbortError' });
      expect(generation.history.requests).toEqual([]);
    } finally {
      await generation.stop();
    }
  });

  test('costs no quota: the caller received nothing', async () => {
    const stalling = stallingProvider('openai');
    const generation = await startGenerationUnderTest({
      providers: { remote: [stalling], local: testProvider('local') },
      env: { QUOTA_USER_PER_DAY: '1' },
    });
    try {
      const token = generation.token({ sub: 'user-who-left' });
      const controller = new AbortController();
      const request = fetch(`${generation.url}/api/v1/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ question: 'What if the tides stopped for a day?' }),
        signal: controller.signal,
      }).catch((error: unknown) => error);
      await stalling.started;
      controller.abort();
      await stalling.aborted;
      await request;
      // The day's only generation is still there to be had.
      await eventually(async () => {
        const again = await fetch(`${generation.url}/api/v1/scenarios`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ question: 'What if the tides stopped for a week?', provider: 'local' }),
        });
        expect(again.status).toBe(201);
      });
    } finally {
      await generation.stop();
    }
  });

  test('behind the gateway, a request it gives up on (504) is abandoned: the provider stops, nothing is saved, no quota spent', async () => {
    const stalling = stallingProvider('openai');
    const generation = await startGenerationUnderTest({
      providers: { remote: [stalling], local: testProvider('local') },
      env: { QUOTA_USER_PER_DAY: '1' },
    });
    const gateway = await startGatewayInFront(
      { generation: generation.url, user: generation.identity.url },
      { UPSTREAM_IDLE_TIMEOUT_MS: '1000' },
    );
    try {
      const token = generation.token({ sub: 'user-the-gateway-gave-up-on' });
      const post = (question: string, extra: Record<string, unknown> = {}) =>
        fetch(`${gateway.url}/api/v1/scenarios`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ question, ...extra }),
        });
      const timedOut = await post('What if the rivers ran uphill?');
      expect(timedOut.status).toBe(504);
      await stalling.aborted;
      expect(generation.history.requests).toEqual([]);
      await eventually(async () =>
        expect((await post('What if the rivers ran uphill twice?', { provider: 'local' })).status).toBe(201),
      );
    } finally {
      await gateway.stop();
      await generation.stop();
    }
  });
});
