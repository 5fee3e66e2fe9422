import type { Queryable } from '../database/transaction';
import { hashOpaqueToken, looksLikeOpaqueToken, newOpaqueToken } from '../tokens/opaque-tokens';

export type OneTimePurpose = 'email_verification' | 'email_change' | 'password_reset';

export interface RedeemedToken {
  userId: string;
  purpose: OneTimePurpose;
  /** The address the link was mailed to. */
  email: string;
}

/**
 * Issues a mailed token: only its hash is stored. Earlier unused tokens of the same purpose
 * stop working, so only the newest link in someone's inbox does anything.
 */
export async function issueOneTimeToken(
  db: Queryable,
  userId: string,
  purpose: OneTimePurpose,
  email: string,
  ttlSeconds: number,
): Promise<string> {
  await db.query('DELETE FROM one_time_tokens WHERE user_id = $1 AND purpose = $2', [userId, purpose]);
  const token = newOpaqueToken();
  await db.query(
    `INSERT INTO one_time_tokens (token_hash, user_id, purpose, email, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [hashOpaqueToken(token), userId, purpose, email, ttlSeconds],
  );
  return token;
}

/**
 * Spends a token of one of the given purposes: the conditional UPDATE lets exactly one of
 * two concurrent uses through. Undefined when it is unknown, expired, used or of another purpose.
 */
export async function redeemOneTimeToken(
  db: Queryable,
  token: string,
  purposes: readonly OneTimePurpose[],
): Promise<RedeemedToken | undefined> {
  if (!looksLikeOpaqueToken(token)) return undefined;
  const result = await db.query<{ user_id: string; purpose: OneTimePurpose; email: string }>(
    `UPDATE one_time_tokens SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() AND purpose = ANY($2)
     RETURNING user_id, purpose, email`,
    [hashOpaqueToken(token), purposes],
  );
  const row = result.rows[0];
  return row && { userId: row.user_id, purpose: row.purpose, email: row.email };
}

/** The address an account is moving to, while the change awaits verification. */
export async function pendingEmailOf(db: Queryable, userId: string): Promise<string | null> {
  const result = await db.query<{ email: string }>(
    `SELECT email FROM one_time_tokens
     WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL AND expires_at > now()
     ORDER BY created_at DESC LIMIT 1`,
    [userId],
  );
  return result.rows[0]?.email ?? null;
}

export async function discardOneTimeTokens(
  db: Queryable,
  userId: string,
  purpose: OneTimePurpose,
): Promise<void> {
  await db.query('DELETE FROM one_time_tokens WHERE user_id = $1 AND purpose = $2', [userId, purpose]);
}
