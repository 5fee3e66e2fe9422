import path from 'node:path';
import { ConfigError, type ServiceDefinition, createTokenVerifier, startOwnerPurgeRelay } from '@what-if/kit';
import { migrate, postgresFromConfig } from '@what-if/kit/postgres';
import { redisFromConfig } from '@what-if/kit/redis';
import { buildApp } from './app';
import { configSchema } from './config';
import type { UserDependencies } from './dependencies';
import { type SigningKeys, loadSigningKeys } from './keys/signing-keys';
import { SignInLockout } from './lockout/sign-in-lockout';
import { ResetMailLimit } from './mail/reset-mail-limit';
import { mailerFromConfig } from './mail/mailer-from-config';
import { oauthProvidersFromConfig } from './oauth/oauth-providers';
import { createDummyPasswordHash } from './passwords/password-hashing';
import { postgresPurgeOutbox } from './purges/purge-outbox';
import { SessionManager } from './sessions/session-manager';
import { SessionStore } from './sessions/session-store';
import { createAccessTokenIssuer } from './tokens/access-tokens';

export const migrationsDirectory = path.join(__dirname, '..', 'migrations');

export const userService: ServiceDefinition<typeof configSchema> = {
  name: 'user',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    // Key and provider settings are checked before any connection opens, and fail as configuration.
    let keys: SigningKeys;
    let oauth: ReturnType<typeof oauthProvidersFromConfig>;
    try {
      keys = loadSigningKeys({
        signingKeyPem: config.JWT_SIGNING_KEY,
        previousPublicKeysPem: config.JWT_PREVIOUS_PUBLIC_KEYS,
        allowEphemeral: config.JWT_ALLOW_EPHEMERAL_KEY,
        logger,
      });
      oauth = oauthProvidersFromConfig(config);
    } catch (error) {
      throw new ConfigError('user', [(error as Error).message]);
    }
    const postgres = postgresFromConfig(config, 'what-if-user', logger);
    // The schema must be current before the first request; a replica that cannot migrate does not start.
    await migrate(postgres.pool, migrationsDirectory, logger);
    const redis = redisFromConfig(config, logger);
    const sessionStore = new SessionStore(redis.client);
    // A deleted account's instruction reaches every receiver, now or once it is back.
    const purgeRelay = startOwnerPurgeRelay({
      owner: 'user',
      config,
      outbox: postgresPurgeOutbox(postgres.pool),
      logger,
      registry: metrics.registry,
      identity,
      pollMs: config.PURGE_RELAY_POLL_MS,
    });
    const purges = purgeRelay.relay;
    const accessTokens = createAccessTokenIssuer({
      keys,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    });
    const user: UserDependencies = {
      config,
      logger,
      pool: postgres.pool,
      redis: redis.client,
      keys,
      verifier: createTokenVerifier({
        keys: keys.keySource,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      }),
      sessions: new SessionManager({
        pool: postgres.pool,
        store: sessionStore,
        accessTokens,
        refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
        logger,
      }),
      sessionStore,
      lockout: new SignInLockout(redis.client, {
        registry: metrics.registry,
        perAddressThreshold: config.LOGIN_LOCKOUT_THRESHOLD,
        perAccountThreshold: config.LOGIN_ACCOUNT_LOCKOUT_THRESHOLD,
        lockSeconds: config.LOGIN_LOCKOUT_SECONDS,
      }),
      mailer: mailerFromConfig(config, logger),
      resetMails: new ResetMailLimit(redis.client, {
        perAddress: config.PASSWORD_RESET_MAILS_PER_ADDRESS,
        windowSeconds: config.PASSWORD_RESET_MAIL_WINDOW_SECONDS,
      }),
      oauth,
      purges,
      dummyPasswordHash: await createDummyPasswordHash(),
    };
    return {
      app: buildApp({ logger, metrics, identity, validateResponses, user }),
      stores: [postgres, redis],
      beforeStoresClose: () => purgeRelay.close(),
    };
  },
};
