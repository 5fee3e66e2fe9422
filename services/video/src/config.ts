import { baseConfigSchema, baseUrl, storeConfig } from '@what-if/kit';
import { z } from 'zod';

const count = z.coerce.number().int().min(0);
const positive = z.coerce.number().int().min(1);

/** Long enough that guessing the key is out of reach; shorter values are mistakes, not choices. */
const urlSecretMinLength = 32;

/** The API and the worker read one configuration: the catalog's video variables. */
export const configSchema = baseConfigSchema
  .extend({
    ...storeConfig.redis,
    ...storeConfig.dynamodb,
    HISTORY_SERVICE_URL: baseUrl,
    SHARING_SERVICE_URL: baseUrl,
    USER_SERVICE_URL: baseUrl,
    VIDEO_STORAGE: z.enum(['local', 's3']),
    VIDEO_STORAGE_DIR: z.string().min(1),
    VIDEO_BUCKET: z.string(),
    S3_ENDPOINT: z.union([z.literal(''), z.url()]),
    VIDEO_URL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600),
    VIDEO_URL_SECRET: z.string().refine((value) => value === '' || value.length >= urlSecretMinLength, {
      message: `must be empty (a random key per process) or at least ${urlSecretMinLength} characters`,
    }),
    VIDEO_SPEECH: z.enum(['espeak', 'polly']),
    POLLY_ENGINE: z.enum(['standard', 'neural']),
    VIDEO_FONT_DIR: z.string().min(1),
    VIDEO_WORK_DIR: z.string().min(1),
    VIDEO_CONCURRENCY: z.coerce.number().int().min(1).max(16),
    VIDEO_JOB_TIMEOUT_SECONDS: positive,
    VIDEO_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(10),
    VIDEO_RETRY_BACKOFF_SECONDS: count,
    VIDEO_LOCK_SECONDS: positive,
    VIDEO_SWEEP_INTERVAL_SECONDS: positive,
    VIDEO_QUOTA_USER_PER_DAY: count,
    VIDEO_QUOTA_MODERATOR_PER_DAY: count,
    VIDEO_QUOTA_ADMIN_PER_DAY: count,
    VIDEO_METRICS_NAMESPACE: z.string(),
    VIDEO_METRICS_ENVIRONMENT: z.string(),
    SHARE_CHECK_CACHE_SECONDS: z.coerce.number().int().min(0).max(30),
    PUBLIC_APP_URL: baseUrl,
    SSE_HEARTBEAT_MS: positive,
  })
  .superRefine((config, context) => {
    if (config.VIDEO_STORAGE === 's3' && !config.VIDEO_BUCKET) {
      context.addIssue({
        code: 'custom',
        path: ['VIDEO_BUCKET'],
        message: 'is required when VIDEO_STORAGE=s3',
      });
    }
  });
export type Config = z.infer<typeof configSchema>;
