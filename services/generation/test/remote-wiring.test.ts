import { anthropicStream } from './support/fake-anthropic';
import { bedrockStream } from './support/fake-bedrock';
import { openAiStream } from './support/fake-openai';
import {
  type GenerationUnderTest,
  postScenario,
  startGenerationUnderTest,
} from './support/generation-under-test';
import { sampleContent } from './support/sample-content';
import { type ScriptedServer, jsonError, startScriptedServer } from './support/scripted-server';

/** The remote providers as the service builds them from its environment, in the configured order. */
describe('remote providers configured from the environment', () => {
  let openAi: ScriptedServer;
  let anthropic: ScriptedServer;
  let bedrock: ScriptedServer;
  let generation: GenerationUnderTest;
  const savedCredentials = {
    id: process.env['AWS_ACCESS_KEY_ID'],
    secret: process.env['AWS_SECRET_ACCESS_KEY'],
  };
  let questionNumber = 0;
  const ask = () =>
    postScenario(
      generation.url,
      { question: `What if voyage number ${(questionNumber += 1)} had gone east?` },
      { token: generation.token({ sub: 'user-wiring' }) },
    );

  beforeAll(async () => {
    // The SDK's default chain reads these, as it reads a task role's in AWS.
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIDWIRING';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'wiring-secret';
    [openAi, anthropic, bedrock] = await Promise.all([
      startScriptedServer(),
      startScriptedServer(),
      startScriptedServer({ http2: true }),
    ]);
    generation = await startGenerationUnderTest({
      env: {
        GENERATION_PROVIDERS: 'anthropic,bedrock,openai',
        ANTHROPIC_BASE_URL: anthropic.url,
        ANTHROPIC_API_KEY: 'sk-ant-wiring',
        ANTHROPIC_MODEL: 'claude-wiring',
        BEDROCK_ENDPOINT: bedrock.url,
        BEDROCK_MODEL_ID: 'anthropic.claude-wiring-v1:0',
        OPENAI_BASE_URL: `${openAi.url}/v1`,
        OPENAI_MODEL: 'gpt-wiring',
        QUOTA_USER_PER_DAY: '100',
      },
    });
  });
  afterAll(async () => {
    await generation.stop();
    await Promise.all([openAi.close(), anthropic.close(), bedrock.close()]);
    for (const [name, value] of [
      ['AWS_ACCESS_KEY_ID', savedCredentials.id],
      ['AWS_SECRET_ACCESS_KEY', savedCredentials.secret],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('the first configured provider writes, with its key and model', async () => {
    anthropic.answer(anthropicStream(JSON.stringify(sampleContent())));
    const answer = await ask();
    expect(answer.status).toBe(201);
    expect(answer.body.provenance).toMatchObject({ provider: 'anthropic', model: 'claude-wiring' });
    expect(anthropic.requests.at(-1)!.headers['x-api-key']).toBe('sk-ant-wiring');
  });

  test('each failure hands over to the next in order, then to the embedded provider', async () => {
    anthropic.answer(
      jsonError(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
    );
    bedrock.answer(bedrockStream(JSON.stringify(sampleContent())));
    const viaBedrock = await ask();
    expect(viaBedrock.body.provenance).toMatchObject({
      provider: 'bedrock',
      model: 'anthropic.claude-wiring-v1:0',
    });
    expect(bedrock.requests.at(-1)!.headers['authorization']).toContain('Credential=AKIDWIRING/');

    bedrock.answer((res) => {
      res.writeHead(500, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'InternalServerException',
      });
      res.end(JSON.stringify({ message: 'internal' }));
    });
    openAi.answer(openAiStream(JSON.stringify(sampleContent())));
    const viaOpenAi = await ask();
    expect(viaOpenAi.body.provenance).toMatchObject({ provider: 'openai', model: 'gpt-wiring' });

    openAi.answer(jsonError(500, { error: { message: 'down' } }));
    const viaLocal = await ask();
    expect(viaLocal.status).toBe(201);
    expect(viaLocal.body.provenance).toMatchObject({ provider: 'local', model: 'what-if-local-2' });
  });
});
