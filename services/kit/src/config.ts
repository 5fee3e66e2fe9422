import { envDefaults, envFor, type ServiceName } from '@what-if/catalog';
import { z } from 'zod';

/** Raised when the environment does not satisfy a service's schema; lists every bad variable. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${service}: invalid configuration; fix these environment variables:\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(0).max(65535);
const milliseconds = z.coerce.number().int().min(0);

/** "true" or "false", as environment variables spell booleans. */
export const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Environment variables hold PEM text with real newlines, or with `\n` when a tool flattened them. */
export const pemText = z.string().transform((value) => value.replace(/\\n/g, '\n').trim());

/** The variables every service reads; a service's schema extends this one. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']),
  LOG_LEVEL: z.enum(logLevels),
  HOST: z.string().min(1),
  PORT: port,
  SHUTDOWN_DELAY_MS: milliseconds,
  SHUTDOWN_TIMEOUT_MS: milliseconds,
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1),
  // Checked as keys when the service starts (identity/service-keys.ts), naming every problem.
  SERVICE_SIGNING_KEY: pemText,
  SERVICE_PUBLIC_KEYS: z.string(),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Schema pieces for the stores, so every service spells them the same way. */
export const storeConfig = {
  postgres: {
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    PG_POOL_MAX: z.coerce.number().int().min(1).max(200),
    PG_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100),
    PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100),
  },
  redis: {
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
    REDIS_KEY_PREFIX: z.string(),
  },
  dynamodb: {
    DYNAMODB_ENDPOINT: z.union([z.literal(''), z.url()]),
    AWS_REGION: z.string().min(1),
    DYNAMODB_TABLE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]*$/, 'may hold only A-Z a-z 0-9 _ . -'),
    DYNAMODB_CREATE_TABLES: booleanFlag,
  },
} as const;

/** A base URL without its trailing slash: another service's (http://history:<port>), a public one, an API's. */
export const baseUrl = z.url().transform((value) => value.replace(/\/+$/, ''));

/**
 * Reads a service's configuration: the catalog's defaults under the given environment,
 * checked against the service's schema. Throws a ConfigError naming every bad variable.
 */
export function loadConfig<Schema extends z.ZodType>(
  name: ServiceName,
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<Schema> {
  const merged: Record<string, string | undefined> = { ...envDefaults(name) };
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) merged[key] = value;
  }
  const result = schema.safeParse(merged);
  if (result.success) return result.data;
  const secrets = new Set(
    envFor(name)
      .filter((variable) => variable.secret)
      .map((variable) => variable.name),
  );
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(environment)');
    const value = merged[variable];
    const shown =
      value === undefined ? 'is missing' : `has "${redact(variable, value, secrets.has(variable))}"`;
    const where = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join('.')})` : '';
    return `${variable} ${shown}${where}: ${issue.message}`;
  });
  throw new ConfigError(name, problems);
}

/**
 * Never echo something that may hold a credential: a variable the catalog marks secret or
 * whose name says so is hidden whole, a URL loses its password.
 */
function redact(variable: string, value: string, secret: boolean): string {
  if (/URL/i.test(variable) && !/SECRET|TOKEN|PASSWORD|PRIVATE|KEY/i.test(variable)) {
    return value.replace(/\/\/[^@/]*@/, '//***@');
  }
  if (secret || /SECRET|TOKEN|PASSWORD|PRIVATE|_KEY$/i.test(variable)) return '<redacted>';
  return value;
}
