import type { Logger, PurgeRelay, TokenVerifier } from '@what-if/kit';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Config } from './config';
import type { SigningKeys } from './keys/signing-keys';
import type { SignInLockout } from './lockout/sign-in-lockout';
import type { Mailer } from './mail/mailer';
import type { ResetMailLimit } from './mail/reset-mail-limit';
import type { OAuthProviders } from './oauth/oauth-providers';
import type { SessionManager } from './sessions/session-manager';
import type { SessionStore } from './sessions/session-store';

/** Everything the user service's handlers work with, opened by service.ts or by a test. */
export interface UserDependencies {
  config: Config;
  logger: Logger;
  pool: Pool;
  redis: Redis;
  keys: SigningKeys;
  /** The kit's verifier over this service's own keys: no HTTP call to itself. */
  verifier: TokenVerifier;
  sessions: SessionManager;
  sessionStore: SessionStore;
  lockout: SignInLockout;
  mailer: Mailer;
  resetMails: ResetMailLimit;
  oauth: OAuthProviders;
  /** Relays purge instructions (a deleted account) to the services that hold derived data. */
  purges: PurgeRelay;
  /** Verified when there is no real hash to verify, so every sign-in costs the same. */
  dummyPasswordHash: string;
}
