import {
  type GenerationUnderTest,
  postScenario,
  startGenerationUnderTest,
} from './support/generation-under-test';
import { streamGeneration } from '../../../test/support/event-source-client';
import { metricValue } from './support/metrics-text';
import { type Step, type TestProvider, testProvider } from './support/test-providers';

describe('the cache of identical requests', () => {
  let local: TestProvider & { steps: Step[] };
  let generation: GenerationUnderTest;
  const as = (sub: string) => ({ token: generation.token({ sub }) });

  beforeAll(async () => {
    // The seed shows in the title, so an answer tells which generation wrote it.
    const base = testProvider('local');
    local = Object.assign(base, {
      generate: async (...[request, signal, onEvent]: Parameters<TestProvider['generate']>) => {
        const content = await testProvider('local').generate(request, signal, onEvent);
        base.calls.push(request);
        return { ...content, title: `${content.title} (seed ${request.seed})` };
      },
    });
    generation = await startGenerationUnderTest({
      providers: { local },
      env: { QUOTA_USER_PER_DAY: '1000' },
    });
  });
  afterAll(() => generation.stop());

  test('an identical request is answered from the cache, with a fresh id and time and provenance.cached', async () => {
    const first = await postScenario(
      generation.url,
      { question: 'What if the Nile had flowed west?' },
      as('user-a'),
    );
    const calls = local.calls.length;
    const second = await postScenario(
      generation.url,
      { question: 'What if the Nile had flowed west?' },
      as('user-b'),
    );
    expect(second.status).toBe(201);
    expect(local.calls.length).toBe(calls);
    expect(first.body.provenance).toMatchObject({ provider: 'local', cached: false });
    expect(second.body.provenance).toMatchObject({ provider: 'local', cached: true });
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.createdAt! >= first.body.createdAt!).toBe(true);
    const { id: _a, createdAt: _b, provenance: _c, ...firstContent } = first.body;
    const { id: _d, createdAt: _e, provenance: _f, ...secondContent } = second.body;
    expect(secondContent).toEqual(firstContent);
    // A cached answer is still the caller's scenario: saved under its own id.
    expect(generation.history.stored.get(second.body.id as string)?.owner).toBe('user-b');
  });

  test('a cached answer streams as meta (cached: true) and then done', async () => {
    await postScenario(generation.url, { question: 'What if Carthage had won?' }, as('user-a'));
    const events = await streamGeneration(
      generation.url,
      { question: 'What if Carthage had won?' },
      {
        token: generation.token({ sub: 'user-a' }),
      },
    ).finished;
    expect(events.map((event) => event.type)).toEqual(['meta', 'done']);
    expect(events[0]!.data).toMatchObject({ cached: true, provider: 'local' });
    expect(events[1]!.data['provenance']).toMatchObject({ cached: true });
    expect(events[1]!.data['id']).toBe(events[0]!.data['id']);
  });

  test('the question is normalized: case, spacing and trailing punctuation do not matter', async () => {
    await postScenario(
      generation.url,
      { question: 'What if Rome had discovered steam power?' },
      as('user-a'),
    );
    const calls = local.calls.length;
    const again = await postScenario(
      generation.url,
      { question: '  what if ROME had   discovered steam power ' },
      as('user-a'),
    );
    expect(again.body.provenance!.cached).toBe(true);
    expect(local.calls.length).toBe(calls);
  });

  test('different options are a different request: a miss', async () => {
    await postScenario(
      generation.url,
      { question: 'What if the Vikings had stayed in America?' },
      as('user-a'),
    );
    const calls = local.calls.length;
    const playful = await postScenario(
      generation.url,
      { question: 'What if the Vikings had stayed in America?', tone: 'playful' },
      as('user-a'),
    );
    expect(playful.body.provenance!.cached).toBe(false);
    expect(local.calls.length).toBe(calls + 1);
  });

  test('regenerate skips the cache and writes anew with a different seed', async () => {
    await postScenario(generation.url, { question: 'What if tea had never reached Europe?' }, as('user-a'));
    const seed = local.calls.at(-1)!.seed;
    const fresh = await postScenario(
      generation.url,
      { question: 'What if tea had never reached Europe?', regenerate: true },
      as('user-a'),
    );
    expect(fresh.body.provenance!.cached).toBe(false);
    expect(local.calls.at(-1)!.seed).not.toBe(seed);
  });

  test('a regenerated answer is never cached over the plain request, and regenerate never reads the cache', async () => {
    const question = 'What if the Silk Road had never closed?';
    const plain = await postScenario(generation.url, { question }, as('user-a'));
    const first = await postScenario(generation.url, { question, regenerate: true }, as('user-a'));
    const second = await postScenario(generation.url, { question, regenerate: true }, as('user-a'));
    expect([first.body.provenance!.cached, second.body.provenance!.cached]).toEqual([false, false]);
    expect(new Set([plain.body.title, first.body.title, second.body.title]).size).toBe(3);
    const calls = local.calls.length;
    const again = await postScenario(generation.url, { question }, as('user-a'));
    expect(again.body.provenance!.cached).toBe(true);
    expect(again.body.title).toBe(plain.body.title);
    expect(local.calls.length).toBe(calls);
  });

  test('hits and misses are counted, so the hit ratio can be derived', async () => {
    const before = await generation.metrics();
    await postScenario(generation.url, { question: 'What if the Sahara were still green?' }, as('user-a'));
    await postScenario(generation.url, { question: 'What if the Sahara were still green?' }, as('user-a'));
    const after = await generation.metrics();
    const delta = (result: string) =>
      metricValue(after, 'generation_cache_requests_total', { result }) -
      metricValue(before, 'generation_cache_requests_total', { result });
    expect(delta('miss')).toBe(1);
    expect(delta('hit')).toBe(1);
  });

  test('with Redis down, generation still answers, uncached, and stays ready, naming Redis down', async () => {
    const relay = generation.stores.relays.redis!;
    await relay.stop();
    try {
      const calls = local.calls.length;
      const first = await postScenario(
        generation.url,
        { question: 'What if the Nile had flowed west?' },
        as('user-a'),
      );
      expect(first.status).toBe(201);
      expect(first.body.provenance!.cached).toBe(false);
      expect(local.calls.length).toBe(calls + 1);
      const ready = await fetch(`${generation.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { checks: Record<string, unknown> }).checks['redis']).toMatchObject({
        status: 'down',
        degraded: true,
      });
    } finally {
      await relay.start();
    }
  });
});
