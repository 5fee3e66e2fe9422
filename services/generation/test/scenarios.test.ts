import { scenarioSchema } from '@what-if/contracts';
import {
  type GenerationUnderTest,
  postScenario,
  startGenerationUnderTest,
} from './support/generation-under-test';
import { type Step, type TestProvider, testProvider } from './support/test-providers';

describe('POST /api/v1/scenarios (JSON)', () => {
  let generation: GenerationUnderTest;
  let local: TestProvider & { steps: Step[] };
  let address = 0;
  /** A client address of its own per test, so anonymous quotas never leak between tests. */
  const client = () => ({ forwardedFor: `203.0.113.${(address += 1)}` });

  beforeAll(async () => {
    local = testProvider('local');
    generation = await startGenerationUnderTest({ providers: { local } });
  });
  afterAll(() => generation.stop());

  test('an anonymous question gets a 201 scenario that fits the schema, with options resolved, and is not saved', async () => {
    const answer = await postScenario(
      generation.url,
      { question: 'What if the Roman Empire never fell?' },
      client(),
    );
    expect(answer.status).toBe(201);
    expect(scenarioSchema.safeParse(answer.body).success).toBe(true);
    expect(answer.body).toMatchObject({
      question: 'What if the Roman Empire never fell?',
      language: 'en',
      category: 'history',
      tone: 'serious',
      length: 'standard',
      provenance: { provider: 'local', model: 'local-model', cached: false },
    });
    expect(answer.headers.get('location')).toBeNull();
    expect(generation.history.requests).toEqual([]);
  });

  test('the language is detected and the category inferred from the question when not given', async () => {
    const answer = await postScenario(
      generation.url,
      { question: 'Nếu khủng long không bị tuyệt chủng thì sao?' },
      client(),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ language: 'vi', category: 'science' });
    expect(local.calls.at(-1)).toMatchObject({ language: 'vi', category: 'science' });
  });

  test('options the client sets are the ones the provider gets and the scenario records', async () => {
    const options = { category: 'fantasy', tone: 'playful', length: 'long', language: 'vi' } as const;
    const answer = await postScenario(
      generation.url,
      { question: 'What if cats could talk to us?', ...options },
      client(),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject(options);
    expect(local.calls.at(-1)).toMatchObject({ ...options, question: 'What if cats could talk to us?' });
  });

  test('control characters are stripped and whitespace collapsed before the question is used', async () => {
    const answer = await postScenario(
      generation.url,
      { question: '  What if\u0000 the\tprinting\u0007 press\n\nnever existed?\u200B ' },
      client(),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.question).toBe('What if the printing press never existed?');
  });

  test.each([
    ['empty', '', 'is empty'],
    ['only whitespace and control characters', ' \u0000\u0001\t\n ', 'is empty'],
    ['too short', 'What if?', 'at least 10 characters'],
    ['too long once cleaned', `What if ${'a'.repeat(600)}?`, 'at most 500 characters'],
    // Found by make fuzz: ten UTF-16 units but eight characters once cleaned was a 500.
    [
      'too short in characters though long in UTF-16 units',
      '\u0084È\u{f8d5f}írÊ㊠\u0012\u{d4b55}',
      'it has 8',
    ],
  ])('a question that is %s is a 400 naming the problem', async (_case, question, message) => {
    const answer = await postScenario(generation.url, { question }, client());
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ type: '/problems/validation', status: 400 });
    expect(answer.body.errors![0]).toMatchObject({ path: '/body/question' });
    expect(answer.body.detail).toContain(message);
  });

  test('characters outside the Basic Multilingual Plane count once each', async () => {
    const answer = await postScenario(generation.url, { question: 'What if 🦖🦖?' }, client());
    expect(answer.status).toBe(201);
    expect(answer.body.question).toBe('What if 🦖🦖?');
  });

  test('fields outside the contract and values outside the option lists are 400s', async () => {
    const unknownField = await postScenario(
      generation.url,
      { question: 'What if it rained forever?', mood: 'x' },
      client(),
    );
    expect(unknownField.status).toBe(400);
    const badTone = await postScenario(
      generation.url,
      { question: 'What if it rained forever?', tone: 'angry' },
      client(),
    );
    expect(badTone.status).toBe(400);
    expect(JSON.stringify(badTone.body.errors)).toContain('tone');
  });

  test('a provider that is not enabled here is a 400 listing the enabled ones', async () => {
    const answer = await postScenario(
      generation.url,
      { question: 'What if the Moon were twice as large?', provider: 'bedrock' },
      client(),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain('bedrock is not enabled here; choose one of local');
  });

  test('a signed-in question is saved to history for the caller, by generation’s own service token, with a Location', async () => {
    const token = generation.token({ sub: 'user-save' });
    const answer = await postScenario(
      generation.url,
      { question: 'What if Napoleon had won at Waterloo?' },
      { token },
    );
    expect(answer.status).toBe(201);
    const id = answer.body.id as string;
    expect(answer.headers.get('location')).toBe(`/api/v1/scenarios/${id}`);
    expect(generation.history.stored.get(id)).toEqual({ owner: 'user-save', scenario: answer.body });
    expect(generation.history.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/internal/v1/scenarios/${id}`,
      caller: 'generation',
    });
    expect(generation.history.requests.at(-1)?.authorization).not.toContain(token);
  });

  test('a token that does not verify is a 401, even though anonymous callers are welcome', async () => {
    const answer = await postScenario(
      generation.url,
      { question: 'What if Napoleon had won at Waterloo?' },
      { token: generation.token({ audience: 'someone-else' }) },
    );
    expect(answer.status).toBe(401);
    expect(answer.body.type).toBe('/problems/invalid-token');
  });

  test('when history cannot save, the request fails with 502 after retrying the idempotent PUT', async () => {
    generation.history.failWith = 503;
    const before = generation.history.requests.length;
    try {
      const answer = await postScenario(
        generation.url,
        { question: 'What if the Titanic had missed the iceberg?' },
        { token: generation.token({ sub: 'user-outage' }) },
      );
      expect(answer.status).toBe(502);
      expect(answer.body).toMatchObject({ type: '/problems/upstream-failed', upstream: 'history' });
      const puts = generation.history.requests.slice(before).filter((request) => request.method === 'PUT');
      expect(puts.length).toBe(3);
      expect(new Set(puts.map((request) => request.path)).size).toBe(1);
    } finally {
      generation.history.failWith = undefined;
    }
  });

  describe('continuing a scenario', () => {
    let parentId: string;
    let parentCategory: string;
    const owner = () => generation.token({ sub: 'user-parent' });

    beforeAll(async () => {
      const parent = await postScenario(
        generation.url,
        { question: 'What if the Library of Alexandria had survived?' },
        { token: owner() },
      );
      parentId = parent.body.id as string;
      parentCategory = parent.body.category as string;
    });

    test('branches from the chosen timeline entry of the caller’s own scenario', async () => {
      const answer = await postScenario(
        generation.url,
        { question: 'What if its scholars had reached the Americas?', parentId, timelineIndex: 2 },
        { token: owner() },
      );
      expect(answer.status).toBe(201);
      expect(answer.body.parent).toEqual({ id: parentId, timelineIndex: 2 });
      // A follow-up belongs where its parent does, whatever its own words suggest.
      expect(answer.body.category).toBe(parentCategory);
      const request = local.calls.at(-1)!;
      expect(request.parent?.scenario.id).toBe(parentId);
      expect(request.parent?.timelineIndex).toBe(2);
      expect(
        generation.history.requests.some(
          (call) => call.method === 'GET' && call.path === `/api/v1/scenarios/${parentId}`,
        ),
      ).toBe(true);
    });

    test('another user’s scenario is a 404, the same as one that does not exist', async () => {
      const someoneElse = await postScenario(
        generation.url,
        { question: 'What if its scholars had reached the Americas?', parentId, timelineIndex: 0 },
        { token: generation.token({ sub: 'user-intruder' }) },
      );
      expect(someoneElse.status).toBe(404);
      expect(someoneElse.body.type).toBe('/problems/parent-not-found');
      const missing = await postScenario(
        generation.url,
        {
          question: 'What if its scholars had reached the Americas?',
          parentId: 'no-such-id',
          timelineIndex: 0,
        },
        { token: owner() },
      );
      expect(missing.status).toBe(404);
    });

    test('a timeline index past the parent’s timeline, or parentId alone, is a 400', async () => {
      const pastTheEnd = await postScenario(
        generation.url,
        { question: 'What if its scholars had reached the Americas?', parentId, timelineIndex: 7 },
        { token: owner() },
      );
      expect(pastTheEnd.status).toBe(400);
      expect(pastTheEnd.body.detail).toContain('5 timeline entries');
      const alone = await postScenario(
        generation.url,
        { question: 'What if its scholars had reached the Americas?', parentId },
        { token: owner() },
      );
      expect(alone.status).toBe(400);
    });

    test('an anonymous caller cannot continue a scenario: 401', async () => {
      const answer = await postScenario(
        generation.url,
        { question: 'What if its scholars had reached the Americas?', parentId, timelineIndex: 1 },
        client(),
      );
      expect(answer.status).toBe(401);
    });
  });

  test('when every provider fails, the answer is a 503 saying to try again', async () => {
    local.steps = ['fail'];
    try {
      const answer = await postScenario(
        generation.url,
        { question: 'What if gravity were weaker?' },
        client(),
      );
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ type: '/problems/generation-unavailable', status: 503 });
    } finally {
      local.steps = ['ok'];
    }
  });
});

describe('GET /api/v1/scenarios/suggestions', () => {
  let generation: GenerationUnderTest;

  beforeAll(async () => {
    generation = await startGenerationUnderTest({ providers: { local: testProvider('local') } });
  });
  afterAll(() => generation.stop());

  interface Suggestions {
    language: string;
    categories: Array<{ category: string; questions: string[] }>;
  }

  async function suggestions(query = ''): Promise<{ status: number; body: Suggestions }> {
    const response = await fetch(`${generation.url}/api/v1/scenarios/suggestions${query}`);
    return { status: response.status, body: (await response.json()) as Suggestions };
  }

  test('offers three English questions for every category by default', async () => {
    const answer = await suggestions();
    expect(answer.status).toBe(200);
    expect(answer.body.language).toBe('en');
    expect(answer.body.categories.map((entry) => entry.category)).toEqual([
      'history',
      'science',
      'society',
      'personal',
      'fantasy',
    ]);
    for (const entry of answer.body.categories) {
      expect(entry.questions).toHaveLength(3);
      for (const question of entry.questions) expect(question).toMatch(/^What if .+\?$/);
    }
  });

  test('speaks Vietnamese when asked, and narrows to one category', async () => {
    const answer = await suggestions('?language=vi&category=fantasy&perCategory=2');
    expect(answer.status).toBe(200);
    expect(answer.body.categories).toHaveLength(1);
    expect(answer.body.categories[0]!.category).toBe('fantasy');
    expect(answer.body.categories[0]!.questions).toHaveLength(2);
    for (const question of answer.body.categories[0]!.questions)
      expect(question).toMatch(/^Nếu .+ thì sao\?$/);
  });

  test('an unsupported language is a 400', async () => {
    expect((await suggestions('?language=fr')).status).toBe(400);
  });
});
