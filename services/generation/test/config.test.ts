import { ConfigError, loadConfig } from '@what-if/kit';
import { configSchema } from '../src/config';

/** The service identity has no default; its keys are checked when the service starts, not here. */
const identity = { SERVICE_SIGNING_KEY: 'checked-at-start', SERVICE_PUBLIC_KEYS: '{}' };

function load(env: Record<string, string>) {
  return loadConfig('generation', configSchema, { ...identity, ...env });
}

function problemsOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('generation configuration', () => {
  test('the catalog defaults alone make a working configuration: the embedded provider only', () => {
    const config = load({});
    expect(config.GENERATION_PROVIDERS).toEqual(['local']);
    expect(config.QUOTA_ANONYMOUS_PER_DAY).toBe(5);
    expect(config.CACHE_TTL_SECONDS).toBe(86_400);
  });

  test('the provider order is read as a list, spaces and case forgiven', () => {
    expect(load({ GENERATION_PROVIDERS: ' OpenAI, bedrock ,local' }).GENERATION_PROVIDERS).toEqual([
      'openai',
      'bedrock',
      'local',
    ]);
  });

  test('an unknown provider, a repeated one, or local before others stops start-up naming the variable', () => {
    expect(problemsOf({ GENERATION_PROVIDERS: 'gemini,local' })).toContain('GENERATION_PROVIDERS');
    expect(problemsOf({ GENERATION_PROVIDERS: 'openai,openai' })).toContain('listed twice');
    expect(problemsOf({ GENERATION_PROVIDERS: 'local,openai' })).toContain('must come last');
  });

  test('anthropic without a key is refused at start-up, not at the first request', () => {
    const message = problemsOf({ GENERATION_PROVIDERS: 'anthropic,local' });
    expect(message).toContain('ANTHROPIC_API_KEY');
    expect(message).toContain('is required while GENERATION_PROVIDERS lists anthropic');
  });
});
