import { z } from 'zod';
import { scenarioContentSchema } from '@what-if/contracts';
import { createOpenAiProvider } from '../src/providers/openai';
import { ProviderError } from '../src/providers/provider-error';
import { openAiGarbledStream, openAiStream } from './support/fake-openai';
import { failureOf } from './support/provider-failure';
import { eventLog, generationRequest } from './support/generation-request';
import { sampleContent } from './support/sample-content';
import { type ScriptedServer, jsonError, startScriptedServer } from './support/scripted-server';

/** Generous between answering frames (a loaded CI machine is slow); short where a stall is the point. */
const answeringIdleTimeoutMs = 5_000;
const stalledIdleTimeoutMs = 300;

describe('openai provider against an OpenAI-compatible server', () => {
  let server: ScriptedServer;
  const scenarioJson = JSON.stringify(sampleContent());

  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  const provider = (apiKey = 'sk-test', idleTimeoutMs = answeringIdleTimeoutMs) =>
    createOpenAiProvider({
      baseUrl: `${server.url}/v1`,
      apiKey,
      model: 'test-model',
      maxTokens: 2048,
      idleTimeoutMs,
      timeoutMs: 10_000,
    });

  test('streams the chat completion as deltas and returns the parsed scenario', async () => {
    server.answer(openAiStream(scenarioJson));
    const log = eventLog();
    const content = await provider().generate(generationRequest(), new AbortController().signal, log.onEvent);
    expect(content).toEqual(sampleContent());
    expect(log.events.length).toBeGreaterThan(5);
    expect(log.text()).toBe(scenarioJson);
  });

  test('sends the model, the key, streaming and a JSON schema derived from the zod schema', async () => {
    server.answer(openAiStream(scenarioJson));
    await provider().generate(generationRequest(), new AbortController().signal, () => undefined);
    const request = server.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers['authorization']).toBe('Bearer sk-test');
    const body = JSON.parse(request.body) as {
      response_format: { type: string; json_schema: { schema: unknown } };
      messages: unknown[];
    };
    expect(body).toMatchObject({ model: 'test-model', stream: true, max_tokens: 2048 });
    expect(body.response_format.type).toBe('json_schema');
    const { $schema: _dialect, ...expected } = z.toJSONSchema(scenarioContentSchema) as Record<
      string,
      unknown
    >;
    expect(body.response_format.json_schema.schema).toEqual(expected);
    expect(body.messages[1]).toEqual({ role: 'user', content: expect.stringContaining('Roman Empire') });
  });

  test('sends no authorization header when no key is configured (Ollama, vLLM)', async () => {
    server.answer(openAiStream(scenarioJson));
    await provider('').generate(generationRequest(), new AbortController().signal, () => undefined);
    expect(server.requests.at(-1)!.headers['authorization']).toBeUndefined();
  });

  describe('a model server run locally (Ollama, llama.cpp server, vLLM)', () => {
    const local = () =>
      createOpenAiProvider({
        baseUrl: `${server.url}/v1`,
        apiKey: '',
        model: '',
        maxTokens: 2048,
        idleTimeoutMs: answeringIdleTimeoutMs,
        timeoutMs: 10_000,
      });

    test('without a model name, asks GET /models once and writes with the first model it serves', async () => {
      const provider = local();
      const listing = { object: 'list', data: [{ id: 'llama3.1:8b', object: 'model', owned_by: 'library' }] };
      server.answer(jsonError(200, listing), openAiStream(scenarioJson), openAiStream(scenarioJson));
      const requestsBefore = server.requests.length;
      await provider.generate(generationRequest(), new AbortController().signal, () => undefined);
      await provider.generate(generationRequest(), new AbortController().signal, () => undefined);
      const requests = server.requests.slice(requestsBefore);
      expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'GET /v1/models',
        'POST /v1/chat/completions',
        'POST /v1/chat/completions',
      ]);
      expect(JSON.parse(requests[1]!.body)).toMatchObject({ model: 'llama3.1:8b' });
      expect(provider.model).toBe('llama3.1:8b');
    });

    test('a server that lists no model is a status failure that says to set OPENAI_MODEL', async () => {
      server.answer(jsonError(200, { object: 'list', data: [] }));
      const failure = await failureOf(
        local().generate(generationRequest(), new AbortController().signal, () => undefined),
      );
      expect(failure.reason).toBe('status');
      expect(failure.message).toContain('OPENAI_MODEL');
    });
  });

  test('an error body becomes a status failure carrying the API message', async () => {
    server.answer(
      jsonError(401, {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      }),
    );
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('status');
    expect(failure.message).toContain('401');
    expect(failure.message).toContain('Incorrect API key provided');
  });

  test('429 is a rate-limit failure that carries Retry-After', async () => {
    server.answer(
      jsonError(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': '7' }),
    );
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('rate_limited');
    expect(failure.retryAfterMs).toBe(7000);
  });

  test('a chunk that is not JSON is invalid output', async () => {
    server.answer(openAiGarbledStream());
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('invalid_output');
  });

  test('a model that writes prose instead of JSON is invalid output', async () => {
    server.answer(openAiStream('I am sorry, I cannot write that scenario.'));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('invalid_output');
  });

  test('a stream cut off before [DONE] is a transport failure', async () => {
    server.answer(openAiStream(scenarioJson, { omitDone: true }));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('transport');
  });

  test('a stalled stream is abandoned by the idle timeout', async () => {
    server.answer(openAiStream(scenarioJson, { stallAfter: 2 }));
    const log = eventLog();
    const failure = await failureOf(
      provider(undefined, stalledIdleTimeoutMs).generate(
        generationRequest(),
        new AbortController().signal,
        log.onEvent,
      ),
    );
    expect(failure.reason).toBe('idle_timeout');
    expect(log.events.length).toBe(2);
  });

  test('an aborted signal stops the request and the server sees the client leave', async () => {
    server.answer(openAiStream(scenarioJson, { stallAfter: 1 }));
    const controller = new AbortController();
    const generation = provider().generate(generationRequest(), controller.signal, () => controller.abort());
    await expect(generation).rejects.not.toBeInstanceOf(ProviderError);
    await server.clientLeft();
  });
});
