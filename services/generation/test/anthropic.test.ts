import { createAnthropicProvider } from '../src/providers/anthropic';
import { anthropicStream } from './support/fake-anthropic';
import { failureOf } from './support/provider-failure';
import { eventLog, generationRequest } from './support/generation-request';
import { sampleContent } from './support/sample-content';
import { type ScriptedServer, jsonError, startScriptedServer } from './support/scripted-server';

/** Generous between answering frames (a loaded CI machine is slow); short where a stall is the point. */
const answeringIdleTimeoutMs = 5_000;
const stalledIdleTimeoutMs = 300;

describe('anthropic provider against a server speaking the Messages API', () => {
  let server: ScriptedServer;
  const scenarioJson = JSON.stringify(sampleContent());

  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  const provider = (idleTimeoutMs = answeringIdleTimeoutMs) =>
    createAnthropicProvider({
      baseUrl: server.url,
      apiKey: 'sk-ant-test',
      model: 'claude-test',
      maxTokens: 4096,
      idleTimeoutMs,
      timeoutMs: 10_000,
    });

  test('collects text deltas into the scenario, reporting each as it comes', async () => {
    server.answer(anthropicStream(`Here it is:\n${scenarioJson}`));
    const log = eventLog();
    const content = await provider().generate(generationRequest(), new AbortController().signal, log.onEvent);
    expect(content).toEqual(sampleContent());
    expect(log.text()).toBe(`Here it is:\n${scenarioJson}`);
  });

  test('sends the key, the API version, the model, a system prompt and stream: true', async () => {
    server.answer(anthropicStream(scenarioJson));
    await provider().generate(generationRequest(), new AbortController().signal, () => undefined);
    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/v1/messages');
    expect(request.headers['x-api-key']).toBe('sk-ant-test');
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    const body = JSON.parse(request.body) as { system: string; messages: unknown[] };
    expect(body).toMatchObject({ model: 'claude-test', max_tokens: 4096, stream: true });
    expect(body.system).toEqual(expect.stringContaining('JSON Schema'));
    expect(body.messages).toEqual([{ role: 'user', content: expect.stringContaining('Roman Empire') }]);
  });

  test('an error event inside the stream fails the attempt with its type', async () => {
    server.answer(anthropicStream(scenarioJson, { errorAfter: 3 }));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('rate_limited');
    expect(failure.message).toContain('overloaded_error');
  });

  test('an error body before the stream carries the status and message', async () => {
    server.answer(
      jsonError(400, {
        type: 'error',
        error: { type: 'invalid_request_error', message: 'max_tokens: too large' },
      }),
    );
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('status');
    expect(failure.message).toContain('max_tokens: too large');
  });

  test('429 with retry-after is a rate-limit failure', async () => {
    server.answer(
      jsonError(
        429,
        { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
        { 'retry-after': '30' },
      ),
    );
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('rate_limited');
    expect(failure.retryAfterMs).toBe(30_000);
  });

  test('a reply cut short by max_tokens is invalid output', async () => {
    server.answer(anthropicStream(scenarioJson.slice(0, 200), { stopReason: 'max_tokens' }));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('invalid_output');
  });

  test('malformed JSON from the model is invalid output', async () => {
    server.answer(anthropicStream('{"title": "unfinished", '));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('invalid_output');
  });

  test('a stalled stream is abandoned by the idle timeout', async () => {
    server.answer(anthropicStream(scenarioJson, { stallAfter: 2 }));
    const failure = await failureOf(
      provider(stalledIdleTimeoutMs).generate(
        generationRequest(),
        new AbortController().signal,
        () => undefined,
      ),
    );
    expect(failure.reason).toBe('idle_timeout');
  });
});
