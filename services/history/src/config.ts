import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

/** Long enough that guessing the key is out of reach; shorter values are mistakes, not choices. */
const cursorSecretMinLength = 32;

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.dynamodb,
  USER_SERVICE_URL: baseUrl,
  // The receivers of scenario purges (the catalog's purgeReceivers('scenario')).
  SHARING_SERVICE_URL: baseUrl,
  VIDEO_SERVICE_URL: baseUrl,
  SOCIAL_SERVICE_URL: baseUrl,
  PURGE_RELAY_POLL_MS: z.coerce.number().int().min(100).max(60_000),
  HISTORY_CURSOR_SECRET: z.string().refine((value) => value === '' || value.length >= cursorSecretMinLength, {
    message: `must be empty (a key is generated per deployment) or at least ${cursorSecretMinLength} characters`,
  }),
});
export type Config = z.infer<typeof configSchema>;
