import { service, serviceUrlVariable } from '@what-if/catalog';
import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

const upstreamUrls = Object.fromEntries(
  service('gateway').calls.map((callee) => [serviceUrlVariable(callee), baseUrl]),
);

export const configSchema = baseConfigSchema.extend({
  ...storeConfig.redis,
  ...upstreamUrls,
  UPSTREAM_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100),
  UPSTREAM_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000),
  HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100),
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(5),
  CORS_ALLOWED_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'must be an origin: scheme, host and port, no path'))),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1),
  RATE_LIMIT_REFRESH_PER_MINUTE: z.coerce.number().int().min(1),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60),
});
export type Config = z.infer<typeof configSchema>;
