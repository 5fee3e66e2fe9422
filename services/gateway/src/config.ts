import { service, serviceUrlVariable } from '@what-if/catalog';
import { baseConfigSchema, serviceUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

const upstreamUrls = Object.fromEntries(
  service('gateway').calls.map((callee) => [serviceUrlVariable(callee), serviceUrl]),
);

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.redis,
  ...upstreamUrls,
  UPSTREAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100),
  UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000),
  HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100),
});
export type Config = z.infer<typeof configSchema> & Record<string, unknown>;
