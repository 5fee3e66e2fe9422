import { baseConfigSchema, baseUrl, booleanFlag, pemText, storeConfig } from '@what-if/kit';
import { z } from 'zod';

const seconds = z.coerce.number().int().min(1);
const positiveCount = z.coerce.number().int().min(1).max(10_000);

export const configSchema = baseConfigSchema
  .extend({
    ...storeConfig.postgres,
    ...storeConfig.redis,
    JWT_SIGNING_KEY: pemText,
    JWT_PREVIOUS_PUBLIC_KEYS: pemText,
    JWT_ALLOW_EPHEMERAL_KEY: booleanFlag,
    ACCESS_TOKEN_TTL_SECONDS: seconds.max(3600),
    REFRESH_TOKEN_TTL_SECONDS: seconds,
    LOGIN_LOCKOUT_THRESHOLD: positiveCount,
    LOGIN_ACCOUNT_LOCKOUT_THRESHOLD: positiveCount,
    LOGIN_LOCKOUT_SECONDS: seconds,
    PASSWORD_RESET_TTL_SECONDS: seconds,
    PASSWORD_RESET_MAILS_PER_ADDRESS: positiveCount,
    PASSWORD_RESET_MAIL_WINDOW_SECONDS: seconds,
    // The receivers of account purges (the catalog's purgeReceivers('account')).
    HISTORY_SERVICE_URL: baseUrl,
    SHARING_SERVICE_URL: baseUrl,
    VIDEO_SERVICE_URL: baseUrl,
    SOCIAL_SERVICE_URL: baseUrl,
    PURGE_RELAY_POLL_MS: z.coerce.number().int().min(100).max(60_000),
    EMAIL_VERIFICATION_TTL_SECONDS: seconds,
    PUBLIC_APP_URL: baseUrl,
    PUBLIC_API_URL: baseUrl,
    MAILER: z.enum(['log', 'outbox', 'ses']),
    MAIL_FROM: z.string().min(3),
    MAIL_OUTBOX_DIR: z.string(),
    AWS_REGION: z.string().min(1),
    OAUTH_GOOGLE_CLIENT_ID: z.string(),
    OAUTH_GOOGLE_CLIENT_SECRET: z.string(),
    OAUTH_GOOGLE_ISSUER: z.url(),
    OAUTH_FACEBOOK_CLIENT_ID: z.string(),
    OAUTH_FACEBOOK_CLIENT_SECRET: z.string(),
    OAUTH_FACEBOOK_DIALOG_URL: baseUrl,
    OAUTH_FACEBOOK_GRAPH_URL: baseUrl,
    // Parsed by oauth/oauth-providers.ts, whose errors never echo the value: it holds client secrets.
    OAUTH_OIDC_PROVIDERS: z.string(),
  })
  .refine((config) => config.JWT_SIGNING_KEY !== '' || config.JWT_ALLOW_EPHEMERAL_KEY, {
    path: ['JWT_SIGNING_KEY'],
    message:
      'is required (a PKCS#8 PEM EC P-256 private key); for local development only, set JWT_ALLOW_EPHEMERAL_KEY=true instead',
  })
  .refine((config) => config.MAILER !== 'outbox' || config.MAIL_OUTBOX_DIR !== '', {
    path: ['MAIL_OUTBOX_DIR'],
    message: 'is required when MAILER=outbox',
  });
export type Config = z.infer<typeof configSchema>;
