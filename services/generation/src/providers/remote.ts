import type { Config, ProviderName } from '../config';
import { createAnthropicProvider } from './anthropic';
import { createBedrockProvider } from './bedrock';
import { createOpenAiProvider } from './openai';
import type { ScenarioProvider } from './provider';

/** The remote providers GENERATION_PROVIDERS lists, in its order, configured from the environment. */
export function remoteProvidersFromConfig(config: Config): ScenarioProvider[] {
  const limits = {
    idleTimeoutMs: config.PROVIDER_IDLE_TIMEOUT_MS,
    timeoutMs: config.PROVIDER_TIMEOUT_MS,
    maxTokens: config.PROVIDER_MAX_TOKENS,
  };
  const factories: Record<Exclude<ProviderName, 'local'>, () => ScenarioProvider> = {
    openai: () =>
      createOpenAiProvider({
        ...limits,
        baseUrl: config.OPENAI_BASE_URL,
        apiKey: config.OPENAI_API_KEY,
        model: config.OPENAI_MODEL,
      }),
    anthropic: () =>
      createAnthropicProvider({
        ...limits,
        baseUrl: config.ANTHROPIC_BASE_URL,
        apiKey: config.ANTHROPIC_API_KEY,
        model: config.ANTHROPIC_MODEL,
      }),
    bedrock: () =>
      createBedrockProvider({
        ...limits,
        region: config.BEDROCK_REGION,
        ...(config.BEDROCK_ENDPOINT ? { endpoint: config.BEDROCK_ENDPOINT } : {}),
        modelId: config.BEDROCK_MODEL_ID,
      }),
  };
  return config.GENERATION_PROVIDERS.filter((name) => name !== 'local').map((name) =>
    factories[name as Exclude<ProviderName, 'local'>](),
  );
}
