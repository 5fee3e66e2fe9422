import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import type { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.dynamodb,
  HISTORY_SERVICE_URL: baseUrl,
  SHARING_SERVICE_URL: baseUrl,
  USER_SERVICE_URL: baseUrl,
});
export type Config = z.infer<typeof configSchema>;
