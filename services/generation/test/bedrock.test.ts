import { createBedrockProvider } from '../src/providers/bedrock';
import { bedrockError, bedrockStream } from './support/fake-bedrock';
import { failureOf } from './support/provider-failure';
import { eventLog, generationRequest } from './support/generation-request';
import { sampleContent } from './support/sample-content';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server';

/** Generous between answering frames (a loaded CI machine is slow); short where a stall is the point. */
const answeringIdleTimeoutMs = 5_000;
const stalledIdleTimeoutMs = 300;

describe('bedrock provider against a server speaking the ConverseStream event-stream format', () => {
  let server: ScriptedServer;
  const scenarioJson = JSON.stringify(sampleContent());

  beforeAll(async () => {
    server = await startScriptedServer({ http2: true });
  });
  afterAll(() => server.close());

  const provider = (idleTimeoutMs = answeringIdleTimeoutMs) =>
    createBedrockProvider({
      region: 'us-east-1',
      endpoint: server.url,
      modelId: 'anthropic.claude-test-v1:0',
      maxTokens: 4096,
      idleTimeoutMs,
      timeoutMs: 10_000,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });

  test('decodes the binary frames into deltas and returns the scenario', async () => {
    server.answer(bedrockStream(scenarioJson));
    const log = eventLog();
    const content = await provider().generate(generationRequest(), new AbortController().signal, log.onEvent);
    expect(content).toEqual(sampleContent());
    expect(log.text()).toBe(scenarioJson);
  });

  test('calls ConverseStream for the model, signed with SigV4, with the system prompt and token limit', async () => {
    server.answer(bedrockStream(scenarioJson));
    await provider().generate(generationRequest(), new AbortController().signal, () => undefined);
    const request = server.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(decodeURIComponent(request.path)).toBe('/model/anthropic.claude-test-v1:0/converse-stream');
    expect(request.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\//);
    const body = JSON.parse(request.body) as {
      inferenceConfig: unknown;
      system: Array<{ text: string }>;
      messages: Array<{ content: Array<{ text: string }> }>;
    };
    expect(body.inferenceConfig).toEqual({ maxTokens: 4096 });
    expect(body.system[0]!.text).toContain('JSON Schema');
    expect(body.messages[0]!.content[0]!.text).toContain('Roman Empire');
  });

  test('a throttling error before the stream is a rate-limit failure', async () => {
    server.answer(
      bedrockError(429, 'ThrottlingException', 'Too many requests, please wait', { 'retry-after': '5' }),
    );
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('rate_limited');
    expect(failure.message).toContain('Too many requests');
    expect(failure.retryAfterMs).toBe(5000);
  });

  test('a validation error is a status failure naming the exception', async () => {
    server.answer(bedrockError(400, 'ValidationException', 'The provided model identifier is invalid.'));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('status');
    expect(failure.message).toContain('ValidationException');
  });

  test('an exception frame inside the stream fails the attempt', async () => {
    server.answer(
      bedrockStream(scenarioJson, {
        exceptionAfter: { after: 2, type: 'modelStreamErrorException', message: 'The model stopped' },
      }),
    );
    const log = eventLog();
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, log.onEvent),
    );
    expect(failure.reason).toBe('status');
    expect(failure.message).toContain('The model stopped');
    expect(log.events.length).toBe(2);
  });

  test('model output that is not a scenario JSON is invalid output', async () => {
    server.answer(bedrockStream('{"title": oops}'));
    const failure = await failureOf(
      provider().generate(generationRequest(), new AbortController().signal, () => undefined),
    );
    expect(failure.reason).toBe('invalid_output');
  });

  test('a stalled stream is abandoned by the idle timeout', async () => {
    server.answer(bedrockStream(scenarioJson, { stallAfter: 2 }));
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
