/**
 * The operator's way to the first administrator (there is no default password anywhere):
 *
 *   node services/user/dist/cli/create-admin.js --email ops@example.com [--name "Ops"] [--link-hours 24]
 *
 * Promotes the account with that address to admin, or creates it, and prints a one-time link
 * (and its token) to set the password when the account has none. Reads the user service's
 * environment (DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX, PUBLIC_APP_URL) and applies pending
 * migrations first, so it works on a fresh database.
 */
import { parseArgs } from 'node:util';
import {
  ConfigError,
  baseConfigSchema,
  createLogger,
  loadConfig,
  logSecurityEvent,
  storeConfig,
} from '@what-if/kit';
import { migrate, postgresFromConfig } from '@what-if/kit/postgres';
import { redisFromConfig } from '@what-if/kit/redis';
import { z } from 'zod';
import { issueOneTimeToken } from '../accounts/one-time-tokens';
import { changeRoles } from '../accounts/role-changes';
import { findUserByEmail, insertUser } from '../accounts/user-store';
import { appLink } from '../mail/mail-links';
import { migrationsDirectory } from '../service';
import { SessionStore } from '../sessions/session-store';

// The command calls no other service, so it needs no service identity.
const cliConfigSchema = baseConfigSchema
  .omit({ SERVICE_SIGNING_KEY: true, SERVICE_PUBLIC_KEYS: true })
  .extend({
    ...storeConfig.postgres,
    ...storeConfig.redis,
    PUBLIC_APP_URL: z.url().transform((value) => value.replace(/\/+$/, '')),
  });

const usage =
  'usage: node services/user/dist/cli/create-admin.js --email <address> [--name <display name>] [--link-hours <1-168>]';

function fail(message: string, status: number): never {
  process.stderr.write(`create-admin: ${message}\n${usage}\n`);
  process.exit(status);
}

async function main(): Promise<void> {
  let options: { email?: string; name?: string; 'link-hours'?: string };
  try {
    options = parseArgs({
      options: { email: { type: 'string' }, name: { type: 'string' }, 'link-hours': { type: 'string' } },
    }).values;
  } catch (error) {
    fail((error as Error).message, 64);
  }
  const email = z.email().max(254).safeParse(options.email?.trim());
  if (!email.success) fail('--email must be an email address', 64);
  const linkHours = Number(options['link-hours'] ?? 24);
  if (!Number.isInteger(linkHours) || linkHours < 1 || linkHours > 168)
    fail('--link-hours must be 1 to 168', 64);

  let config: z.infer<typeof cliConfigSchema>;
  try {
    config = loadConfig('user', cliConfigSchema);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 78);
    throw error;
  }
  // Logs go to stderr so stdout carries only what the operator must read.
  const logger = createLogger({ service: 'user-cli', level: 'warn', destination: process.stderr });
  const postgres = postgresFromConfig(config, 'what-if-user-cli', logger);
  const redis = redisFromConfig(config, logger);
  try {
    await redis.waitUntilReady(5_000);
    await migrate(postgres.pool, migrationsDirectory, logger);
    const existing = await findUserByEmail(postgres.pool, email.data);
    const user =
      existing ??
      (await insertUser(postgres.pool, {
        email: email.data,
        passwordHash: null,
        displayName: options.name?.trim() || email.data.split('@')[0]!,
        emailVerified: false,
      }));
    const promoted = (await changeRoles(postgres.pool, new SessionStore(redis.client), user.id, [
      ...user.roles,
      'admin',
    ]))!;
    logSecurityEvent(logger, 'admin-created-by-operator', 'succeeded', {
      userId: user.id,
      created: !existing,
    });
    const lines = [
      `${existing ? 'Promoted' : 'Created'} ${promoted.email} (id ${promoted.id}) with roles ${promoted.roles.join(', ')}.`,
    ];
    if (!promoted.passwordHash) {
      const token = await issueOneTimeToken(
        postgres.pool,
        user.id,
        'password_reset',
        promoted.email,
        linkHours * 3600,
      );
      lines.push(
        `Open this link within ${linkHours} hours to set the password (it works once):`,
        `  ${appLink(config.PUBLIC_APP_URL, 'reset-password', token)}`,
        'or send the token to the API:',
        `  POST /api/v1/auth/password-reset/complete {"token":"${token}","password":"<new password>"}`,
      );
    } else {
      lines.push('The account keeps its password; sign in with it.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await postgres.close();
    await redis.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`create-admin failed: ${(error as Error).message}\n`);
  process.exit(1);
});
