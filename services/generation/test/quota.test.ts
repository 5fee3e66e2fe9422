import {
  type GenerationUnderTest,
  postScenario,
  startGenerationUnderTest,
} from './support/generation-under-test';
import { metricValue } from './support/metrics-text';
import { type Step, type TestProvider, testProvider } from './support/test-providers';

/** The next UTC midnight, when daily quotas renew. */
function nextUtcMidnight(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();
}

describe('daily quotas', () => {
  let generation: GenerationUnderTest;
  let local: TestProvider & { steps: Step[] };
  let questionNumber = 0;
  const question = () => ({ question: `What if invention number ${(questionNumber += 1)} came first?` });

  beforeAll(async () => {
    local = testProvider('local');
    generation = await startGenerationUnderTest({
      providers: { local },
      env: { QUOTA_USER_PER_DAY: '3', QUOTA_MODERATOR_PER_DAY: '6' },
    });
  });
  afterAll(() => generation.stop());

  test('an anonymous client IP gets 5 a day (the default), then 429 with the reset time and Retry-After', async () => {
    const client = { forwardedFor: '198.51.100.7' };
    for (let index = 0; index < 5; index += 1) {
      expect((await postScenario(generation.url, question(), client)).status).toBe(201);
    }
    const refused = await postScenario(generation.url, question(), client);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      type: '/problems/quota-exceeded',
      limit: 5,
      resetAt: nextUtcMidnight(),
    });
    expect(refused.body.detail).toContain('sign in for more');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
  });

  test('another IP has a quota of its own, and so does a signed-in user behind the spent IP', async () => {
    expect((await postScenario(generation.url, question(), { forwardedFor: '198.51.100.8' })).status).toBe(
      201,
    );
    const signedIn = await postScenario(generation.url, question(), {
      forwardedFor: '198.51.100.7',
      token: generation.token({ sub: 'user-behind-ip' }),
    });
    expect(signedIn.status).toBe(201);
  });

  test('a signed-in user gets the quota of their role, whatever IP they come from', async () => {
    const token = generation.token({ sub: 'user-quota' });
    for (let index = 0; index < 3; index += 1) {
      const address = `192.0.2.${index + 1}`;
      expect((await postScenario(generation.url, question(), { token, forwardedFor: address })).status).toBe(
        201,
      );
    }
    const refused = await postScenario(generation.url, question(), { token, forwardedFor: '192.0.2.99' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ limit: 3, resetAt: nextUtcMidnight() });
  });

  test('the highest of a user’s roles sets the quota', async () => {
    const token = generation.token({ sub: 'moderator-quota', roles: ['user', 'moderator'] });
    for (let index = 0; index < 6; index += 1) {
      expect((await postScenario(generation.url, question(), { token })).status).toBe(201);
    }
    expect((await postScenario(generation.url, question(), { token })).status).toBe(429);
  });

  test('a generation that fails on our side costs no quota', async () => {
    const client = { forwardedFor: '198.51.100.50' };
    local.steps = ['fail'];
    try {
      expect((await postScenario(generation.url, question(), client)).status).toBe(503);
    } finally {
      local.steps = ['ok'];
    }
    for (let index = 0; index < 5; index += 1) {
      expect((await postScenario(generation.url, question(), client)).status).toBe(201);
    }
    expect((await postScenario(generation.url, question(), client)).status).toBe(429);
  });

  test('rejections are counted by subject', async () => {
    const metrics = await generation.metrics();
    expect(metricValue(metrics, 'generation_quota_rejections_total', { subject: 'anonymous' })).toBe(2);
    expect(metricValue(metrics, 'generation_quota_rejections_total', { subject: 'user' })).toBe(2);
  });

  test('with Redis down, quotas are still enforced from memory and generation keeps working', async () => {
    const relay = generation.stores.relays.redis!;
    await relay.stop();
    try {
      const client = { forwardedFor: '198.51.100.200' };
      for (let index = 0; index < 5; index += 1) {
        expect((await postScenario(generation.url, question(), client)).status).toBe(201);
      }
      expect((await postScenario(generation.url, question(), client)).status).toBe(429);
      expect(
        metricValue(await generation.metrics(), 'generation_quota_fallback_total'),
      ).toBeGreaterThanOrEqual(6);
    } finally {
      await relay.start();
    }
  });
});
