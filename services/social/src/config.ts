import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.dynamodb,
  HISTORY_SERVICE_URL: baseUrl,
  SHARING_SERVICE_URL: baseUrl,
  USER_SERVICE_URL: baseUrl,
  PURGE_RELAY_POLL_MS: z.coerce.number().int().min(100).max(60_000),
  TRENDING_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600),
  LEADERBOARD_POLL_MS: z.coerce.number().int().min(100).max(60_000),
  FANOUT_POLL_MS: z.coerce.number().int().min(100).max(60_000),
  // A page of 500 followers takes about 100-200 ms; a lease shorter than a few seconds would be lost mid-page.
  FANOUT_LEASE_MS: z.coerce.number().int().min(5_000).max(600_000),
});
export type Config = z.infer<typeof configSchema>;
