import { baseConfigSchema, storeConfig } from '@what-if/kit';
import type { z } from 'zod';

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.redis,
});
export type Config = z.infer<typeof configSchema>;
