import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

const count = z.coerce.number().int().min(1).max(1_000_000);

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.dynamodb,
  USER_SERVICE_URL: baseUrl,
  HISTORY_SERVICE_URL: baseUrl,
  SOCIAL_SERVICE_URL: baseUrl,
  PURGE_RELAY_POLL_MS: z.coerce.number().int().min(100).max(60_000),
  PUBLIC_API_URL: baseUrl,
  PUBLIC_APP_URL: baseUrl,
  // Deletion promises "within a minute": a share must learn of a deleted scenario well inside it.
  SCENARIO_CACHE_SECONDS: z.coerce.number().int().min(0).max(30),
  SHARE_PASSWORD_FAILURES_PER_SHARE: count,
  SHARE_PASSWORD_FAILURES_PER_IP: count,
  SHARE_PASSWORD_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400),
  REPORTS_PER_IP_PER_HOUR: count,
  COUNTRY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name')
    .transform((name) => name.toLowerCase()),
});
export type Config = z.infer<typeof configSchema>;
