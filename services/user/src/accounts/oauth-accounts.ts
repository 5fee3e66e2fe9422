import { HttpProblem, type Logger, logSecurityEvent } from '@what-if/kit';
import type { Pool } from 'pg';
import { type Queryable, inTransaction, isUniqueViolation } from '../database/transaction';
import type { ProviderProfile } from '../oauth/provider-profile';
import type { SessionManager } from '../sessions/session-manager';
import {
  type UserRecord,
  findUserByIdForUpdate,
  insertUser,
  markEmailVerified,
  normalizeEmail,
  setPasswordHash,
} from './user-store';

export interface LinkedIdentity {
  provider: string;
  email: string | null;
  linkedAt: string;
}

export async function identitiesOf(db: Queryable, userId: string): Promise<LinkedIdentity[]> {
  const result = await db.query<{ provider: string; email: string | null; created_at: Date }>(
    'SELECT provider, email, created_at FROM oauth_identities WHERE user_id = $1 ORDER BY provider',
    [userId],
  );
  return result.rows.map((row) => ({
    provider: row.provider,
    email: row.email,
    linkedAt: row.created_at.toISOString(),
  }));
}

async function insertIdentity(
  db: Queryable,
  userId: string,
  provider: string,
  profile: ProviderProfile,
): Promise<void> {
  await db.query('INSERT INTO oauth_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)', [
    provider,
    profile.subject,
    userId,
    profile.email && normalizeEmail(profile.email),
  ]);
}

export class UnverifiedProviderEmail extends HttpProblem {
  constructor(provider: string) {
    super(
      403,
      `${provider} did not vouch for an email address, so no account can be created or matched with it.`,
      {
        type: 'unverified-email',
      },
    );
  }
}

export type OAuthSignIn = { user: UserRecord; outcome: 'returning' | 'linked' | 'created' };

/**
 * The account a provider sign-in belongs to: the one already linked to this provider
 * identity; else the account with the same *verified* address, which gets linked; else a
 * new account. Linking to an account whose address was never verified first drops its
 * password and ends its sessions: whoever registered it may not own the address, and must
 * not keep a way into an account the address owner now uses (account pre-hijacking).
 */
export async function resolveOAuthSignIn(
  pool: Pool,
  sessions: SessionManager,
  logger: Logger,
  provider: string,
  profile: ProviderProfile,
): Promise<OAuthSignIn> {
  const result = await inTransaction(pool, async (db) => {
    const linked = await db.query<{ user_id: string }>(
      'SELECT user_id FROM oauth_identities WHERE provider = $1 AND subject = $2',
      [provider, profile.subject],
    );
    const linkedUser = linked.rows[0] && (await findUserByIdForUpdate(db, linked.rows[0].user_id));
    if (linkedUser) return { user: linkedUser, outcome: 'returning' as const, revokedUnverified: false };
    if (!profile.email || !profile.emailVerified) throw new UnverifiedProviderEmail(provider);
    const email = normalizeEmail(profile.email);
    const existing = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    const existingUser = existing.rows[0] && (await findUserByIdForUpdate(db, existing.rows[0].id));
    if (existingUser) {
      const revokedUnverified = !existingUser.emailVerified;
      if (revokedUnverified) {
        await setPasswordHash(db, existingUser.id, null);
        await markEmailVerified(db, existingUser.id);
        await sessions.revokeAllIn(db, existingUser.id, 'address proven by an OAuth sign-in');
      }
      await insertIdentity(db, existingUser.id, provider, profile);
      const user = (await findUserByIdForUpdate(db, existingUser.id))!;
      return { user, outcome: 'linked' as const, revokedUnverified };
    }
    const user = await insertUser(db, {
      email,
      passwordHash: null,
      displayName: (profile.name?.trim() || email.split('@')[0] || 'New user').slice(0, 80),
      emailVerified: true,
    });
    await insertIdentity(db, user.id, provider, profile);
    return { user, outcome: 'created' as const, revokedUnverified: false };
  });
  if (result.revokedUnverified) {
    await sessions.forgetAll(result.user.id);
    logSecurityEvent(logger, 'oauth-link', 'succeeded', {
      userId: result.user.id,
      provider,
      note: 'unverified account claimed by its address owner: password removed, sessions ended',
    });
  }
  return { user: result.user, outcome: result.outcome };
}

/** Links a provider identity to a signed-in account; 409 when it belongs to another or one is linked already. */
export async function linkIdentity(
  pool: Pool,
  userId: string,
  provider: string,
  profile: ProviderProfile,
): Promise<void> {
  await inTransaction(pool, async (db) => {
    const owner = await db.query<{ user_id: string }>(
      'SELECT user_id FROM oauth_identities WHERE provider = $1 AND subject = $2',
      [provider, profile.subject],
    );
    const ownerId = owner.rows[0]?.user_id;
    if (ownerId === userId) return;
    if (ownerId) {
      throw new HttpProblem(409, `This ${provider} account signs in to another account already.`, {
        type: 'identity-taken',
      });
    }
    try {
      await insertIdentity(db, userId, provider, profile);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new HttpProblem(409, `Another ${provider} account is linked already; unlink it first.`, {
          type: 'identity-taken',
        });
      }
      throw error;
    }
  });
}

/**
 * Unlinks a provider, unless it is the account's last way to sign in (no password, no other
 * identity): the row lock makes two concurrent unlinks unable to remove both last methods.
 */
export async function unlinkIdentity(pool: Pool, userId: string, provider: string): Promise<void> {
  await inTransaction(pool, async (db) => {
    const user = await findUserByIdForUpdate(db, userId);
    if (!user) throw new HttpProblem(404, 'This account no longer exists.');
    const identities = await identitiesOf(db, userId);
    if (!identities.some((identity) => identity.provider === provider)) {
      throw new HttpProblem(404, `No ${provider} account is linked.`);
    }
    if (!user.passwordHash && identities.length === 1) {
      throw new HttpProblem(
        409,
        `${provider} is this account's only way to sign in; set a password (through a password reset) or link another provider first.`,
        { type: 'last-sign-in-method' },
      );
    }
    await db.query('DELETE FROM oauth_identities WHERE user_id = $1 AND provider = $2', [userId, provider]);
  });
}
