import {
  type GenerationUnderTest,
  postScenario,
  startGenerationUnderTest,
} from './support/generation-under-test';
import { eventually } from '../../../test/support/eventually';
import { metricValue } from './support/metrics-text';
import { type Step, type TestProvider, testProvider } from './support/test-providers';

type Scripted = TestProvider & { steps: Step[] };

describe('the provider chain: fallback, invalid output, circuit breakers', () => {
  let openai: Scripted;
  let anthropic: Scripted;
  let local: Scripted;
  let generation: GenerationUnderTest;
  let questionNumber = 0;
  /** Distinct questions, so no answer comes from the cache. */
  const ask = (body: Record<string, unknown> = {}) =>
    postScenario(
      generation.url,
      { question: `What if experiment number ${(questionNumber += 1)} had failed?`, ...body },
      { token: generation.token({ sub: 'user-chain' }) },
    );

  beforeEach(async () => {
    openai = testProvider('openai');
    anthropic = testProvider('anthropic');
    local = testProvider('local');
    generation = await startGenerationUnderTest({
      providers: { remote: [openai, anthropic], local },
      env: {
        PROVIDER_BREAKER_VOLUME: '2',
        PROVIDER_BREAKER_ERROR_PERCENT: '50',
        // Long enough that the asks after the breaker opens are answered before it half-opens, even on
        // a busy machine (at 400 ms a slow third ask became the trial and reached the provider).
        PROVIDER_BREAKER_RESET_MS: '2500',
        QUOTA_USER_PER_DAY: '1000',
      },
    });
  });
  afterEach(() => generation.stop());

  test('the first provider in the configured order writes the scenario', async () => {
    const answer = await ask();
    expect(answer.status).toBe(201);
    expect(answer.body.provenance).toMatchObject({ provider: 'openai', model: 'openai-model' });
    expect(anthropic.calls).toHaveLength(0);
    expect(local.calls).toHaveLength(0);
  });

  test('a failing provider falls to the next, and when all remote ones fail, to local', async () => {
    openai.steps = ['fail'];
    expect((await ask()).body.provenance!.provider).toBe('anthropic');
    anthropic.steps = ['fail'];
    expect((await ask()).body.provenance!.provider).toBe('local');
    const metrics = await generation.metrics();
    expect(metricValue(metrics, 'generation_fallbacks_total', { from: 'openai', to: 'anthropic' })).toBe(2);
    expect(metricValue(metrics, 'generation_fallbacks_total', { from: 'anthropic', to: 'local' })).toBe(1);
    expect(
      metricValue(metrics, 'generation_provider_errors_total', { provider: 'openai', reason: 'transport' }),
    ).toBe(2);
  });

  test('invalid output is retried once with the same provider', async () => {
    openai.steps = ['invalid', 'ok'];
    const retried = await ask();
    expect(retried.body.provenance!.provider).toBe('openai');
    expect(openai.calls).toHaveLength(2);
    // The retry tells the model what was wrong with its first answer.
    expect(openai.calls[0]!.repair).toBeUndefined();
    expect(openai.calls[1]!.repair).toContain('timeline');
  });

  test('small deviations are repaired, not retried, and counted', async () => {
    openai.steps = ['sloppy'];
    const before = await generation.metrics();
    const repaired = await ask();
    expect(repaired.status).toBe(201);
    expect(repaired.body.provenance!.provider).toBe('openai');
    expect(openai.calls).toHaveLength(1);
    expect(repaired.body.plausibility).toMatchObject({ score: 7 });
    expect((repaired.body.tags as string[]).every((tag) => tag === tag.toLowerCase())).toBe(true);
    expect((repaired.body.title as string).length).toBeLessThanOrEqual(140);
    const after = await generation.metrics();
    expect(
      metricValue(after, 'generation_output_repairs_total', { provider: 'openai' }) -
        metricValue(before, 'generation_output_repairs_total', { provider: 'openai' }),
    ).toBe(1);
  });

  test('invalid output twice falls through to the next provider', async () => {
    openai.steps = ['invalid'];
    const fellThrough = await ask();
    expect(fellThrough.body.provenance!.provider).toBe('anthropic');
    expect(openai.calls).toHaveLength(2);
    const metrics = await generation.metrics();
    expect(
      metricValue(metrics, 'generation_provider_errors_total', {
        provider: 'openai',
        reason: 'invalid_output',
      }),
    ).toBe(2);
  });

  test('a provider that answered 429 is skipped until its Retry-After has passed', async () => {
    openai.steps = ['rate_limited', 'ok'];
    expect((await ask()).body.provenance!.provider).toBe('anthropic');
    expect((await ask()).body.provenance!.provider).toBe('anthropic');
    expect(openai.calls).toHaveLength(1);
  });

  test('a provider asked for by the request goes first; the configured order follows', async () => {
    const answer = await ask({ provider: 'anthropic' });
    expect(answer.body.provenance!.provider).toBe('anthropic');
    expect(openai.calls).toHaveLength(0);
    anthropic.steps = ['fail'];
    expect((await ask({ provider: 'anthropic' })).body.provenance!.provider).toBe('openai');
  });

  test('repeated failures open the circuit: the provider is skipped without being called, then half-open lets one trial through', async () => {
    openai.steps = ['fail'];
    await ask();
    await ask();
    const callsWhenOpened = openai.calls.length;
    expect(callsWhenOpened).toBe(2);
    expect(
      metricValue(await generation.metrics(), 'generation_provider_circuit_state', { provider: 'openai' }),
    ).toBe(1);

    const whileOpen = await ask();
    expect(whileOpen.body.provenance!.provider).toBe('anthropic');
    expect(openai.calls.length).toBe(callsWhenOpened);
    expect(
      metricValue(await generation.metrics(), 'generation_provider_errors_total', {
        provider: 'openai',
        reason: 'circuit_open',
      }),
    ).toBe(1);

    // After the reset timeout the breaker lets a trial request through; success closes it.
    await eventually(async () =>
      expect(
        metricValue(await generation.metrics(), 'generation_provider_circuit_state', { provider: 'openai' }),
      ).toBe(2),
    );
    openai.steps = ['ok'];
    const trial = await ask();
    expect(trial.body.provenance!.provider).toBe('openai');
    expect(
      metricValue(await generation.metrics(), 'generation_provider_circuit_state', { provider: 'openai' }),
    ).toBe(0);
  });

  test('a failed trial while half-open opens the circuit again', async () => {
    openai.steps = ['fail'];
    await ask();
    await ask();
    await eventually(async () =>
      expect(
        metricValue(await generation.metrics(), 'generation_provider_circuit_state', { provider: 'openai' }),
      ).toBe(2),
    );
    const trial = await ask();
    expect(trial.body.provenance!.provider).toBe('anthropic');
    expect(openai.calls).toHaveLength(3);
    expect(
      metricValue(await generation.metrics(), 'generation_provider_circuit_state', { provider: 'openai' }),
    ).toBe(1);
  });

  test('the duration and time-to-first-event histograms are recorded per provider', async () => {
    openai.steps = ['fail'];
    await ask();
    const metrics = await generation.metrics();
    expect(
      metricValue(metrics, 'generation_duration_seconds_count', {
        provider: 'anthropic',
        outcome: 'success',
      }),
    ).toBe(1);
    expect(metricValue(metrics, 'generation_first_event_seconds_count', { provider: 'anthropic' })).toBe(1);
    expect(
      metricValue(metrics, 'generation_duration_seconds_bucket', {
        le: '60',
        provider: 'anthropic',
        outcome: 'success',
      }),
    ).toBe(1);
  });
});
