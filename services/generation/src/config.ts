import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

export const providerNames = ['local', 'openai', 'anthropic', 'bedrock'] as const;
export type ProviderName = (typeof providerNames)[number];

const count = z.coerce.number().int().min(0);
const positive = z.coerce.number().int().min(1);

/** "openai,anthropic,local": known names, each once. */
const providerOrder = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(providerNames, { message: `each provider must be one of ${providerNames.join(', ')}` }))
      .refine((names) => new Set(names).size === names.length, 'a provider is listed twice'),
  );

export const configSchema = baseConfigSchema
  .extend({
    ...storeConfig.redis,
    HISTORY_SERVICE_URL: baseUrl,
    USER_SERVICE_URL: baseUrl,
    GENERATION_PROVIDERS: providerOrder,
    PROVIDER_IDLE_TIMEOUT_MS: positive,
    PROVIDER_TIMEOUT_MS: positive,
    PROVIDER_MAX_TOKENS: positive,
    PROVIDER_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100),
    PROVIDER_BREAKER_VOLUME: positive,
    PROVIDER_BREAKER_RESET_MS: positive,
    OPENAI_BASE_URL: baseUrl,
    OPENAI_API_KEY: z.string(),
    // Empty: ask the server which model it serves (a local model server).
    OPENAI_MODEL: z.string(),
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: z.string(),
    ANTHROPIC_MODEL: z.string().min(1),
    BEDROCK_REGION: z.string().min(1),
    BEDROCK_ENDPOINT: z.union([z.literal(''), z.url()]),
    BEDROCK_MODEL_ID: z.string().min(1),
    CACHE_TTL_SECONDS: count,
    QUOTA_ANONYMOUS_PER_DAY: count,
    QUOTA_USER_PER_DAY: count,
    QUOTA_MODERATOR_PER_DAY: count,
    QUOTA_ADMIN_PER_DAY: count,
    SSE_HEARTBEAT_MS: positive,
  })
  .superRefine((config, context) => {
    const order = config.GENERATION_PROVIDERS;
    if (order.includes('local') && order.indexOf('local') !== order.length - 1) {
      context.addIssue({
        code: 'custom',
        path: ['GENERATION_PROVIDERS'],
        message: 'local is the last resort and must come last (it is appended when left out)',
      });
    }
    // Anthropic has no keyless deployments; an OpenAI-compatible server (Ollama, vLLM) often does.
    if (config.GENERATION_PROVIDERS.includes('anthropic') && !config.ANTHROPIC_API_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['ANTHROPIC_API_KEY'],
        message: 'is required while GENERATION_PROVIDERS lists anthropic',
      });
    }
  });
export type Config = z.infer<typeof configSchema>;
