import type { Pool } from 'pg';
import { type Queryable, inTransaction } from '../database/transaction';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-tokens';

export interface NewFamily {
  familyId: string;
  refreshToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Opens a session's refresh-token family with its first token. */
export async function openFamily(db: Queryable, userId: string, ttlSeconds: number): Promise<NewFamily> {
  const family = await db.query<{ id: string; created_at: Date; expires_at: Date }>(
    `INSERT INTO refresh_token_families (user_id, expires_at)
     VALUES ($1, now() + make_interval(secs => $2)) RETURNING id, created_at, expires_at`,
    [userId, ttlSeconds],
  );
  const row = family.rows[0]!;
  const refreshToken = newOpaqueToken();
  await db.query('INSERT INTO refresh_tokens (token_hash, family_id) VALUES ($1, $2)', [
    hashOpaqueToken(refreshToken),
    row.id,
  ]);
  return { familyId: row.id, refreshToken, createdAt: row.created_at, expiresAt: row.expires_at };
}

export type Rotation =
  | {
      outcome: 'rotated';
      familyId: string;
      userId: string;
      refreshToken: string;
      expiresAt: Date;
      /** A spent token came back within the grace window: its unused successor was replaced. */
      retry?: true;
    }
  /** An already-used token came back: someone holds a copy. The family is revoked. */
  | { outcome: 'reused'; familyId: string; userId: string }
  /** The family was logged out, revoked or expired. */
  | { outcome: 'ended'; familyId: string; userId: string }
  | { outcome: 'unknown' };

/**
 * How long a spent refresh token may be presented again while its successor is still unused.
 * A browser that navigates away mid-refresh drops the answer (and its cookie) after the server
 * has spent the token; without this window its next refresh would look like theft and end the
 * session. Outside the window, or once the successor has been used, a spent token is reuse.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;

/**
 * Spends a refresh token and issues its successor. The conditional UPDATE is the lock: of two
 * concurrent refreshes with one token, exactly one finds it unused. The other finds it spent:
 * within the grace window and with the successor never used, that is a lost answer or a second
 * tab, and the successor is replaced (the family lock serialises such retries); otherwise it is
 * indistinguishable from theft, and the family is revoked.
 */
export async function rotateRefreshToken(
  pool: Pool,
  presented: string,
  graceSeconds = REFRESH_REUSE_GRACE_SECONDS,
): Promise<Rotation> {
  const tokenHash = hashOpaqueToken(presented);
  return inTransaction(pool, async (client) => {
    const spent = await client.query<{ family_id: string; user_id: string; expires_at: Date }>(
      `UPDATE refresh_tokens AS token SET used_at = now()
       FROM refresh_token_families AS family
       WHERE token.token_hash = $1 AND token.used_at IS NULL AND family.id = token.family_id
         AND family.revoked_at IS NULL AND family.expires_at > now()
       RETURNING family.id AS family_id, family.user_id, family.expires_at`,
      [tokenHash],
    );
    const row = spent.rows[0];
    if (row) {
      const refreshToken = newOpaqueToken();
      await client.query('INSERT INTO refresh_tokens (token_hash, family_id) VALUES ($1, $2)', [
        hashOpaqueToken(refreshToken),
        row.family_id,
      ]);
      return {
        outcome: 'rotated',
        familyId: row.family_id,
        userId: row.user_id,
        refreshToken,
        expiresAt: row.expires_at,
      };
    }
    const known = await client.query<{
      family_id: string;
      user_id: string;
      used_at: Date | null;
      live: boolean;
    }>(
      `SELECT family.id AS family_id, family.user_id, token.used_at,
              (family.revoked_at IS NULL AND family.expires_at > now()) AS live
       FROM refresh_tokens AS token JOIN refresh_token_families AS family ON family.id = token.family_id
       WHERE token.token_hash = $1`,
      [tokenHash],
    );
    const found = known.rows[0];
    if (!found) return { outcome: 'unknown' };
    if (found.live && found.used_at !== null) {
      const retried = await replaceUnusedSuccessor(client, tokenHash, found.family_id, graceSeconds);
      if (retried) return { ...retried, userId: found.user_id };
      await client.query(
        `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'refresh token reused'
         WHERE id = $1 AND revoked_at IS NULL`,
        [found.family_id],
      );
      return { outcome: 'reused', familyId: found.family_id, userId: found.user_id };
    }
    return { outcome: 'ended', familyId: found.family_id, userId: found.user_id };
  });
}

/**
 * Within the grace window, trades a spent token whose successor was never used for a new
 * successor: the unused one is deleted (it becomes unknown, not reused) and the new one carries
 * the spend's time, so the window never slides. Undefined when the window does not apply.
 */
async function replaceUnusedSuccessor(
  client: Queryable,
  tokenHash: Buffer,
  familyId: string,
  graceSeconds: number,
): Promise<Omit<Extract<Rotation, { outcome: 'rotated' }>, 'userId'> | undefined> {
  if (graceSeconds <= 0) return undefined;
  // NO KEY UPDATE serialises retries of one family without blocking a rotation's foreign-key check.
  const family = await client.query<{ expires_at: Date }>(
    `SELECT expires_at FROM refresh_token_families
     WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() FOR NO KEY UPDATE`,
    [familyId],
  );
  const live = family.rows[0];
  if (!live) return undefined;
  const replaced = await client.query<{ spent_at: Date }>(
    `DELETE FROM refresh_tokens AS successor USING refresh_tokens AS spent
     WHERE spent.token_hash = $1 AND successor.family_id = spent.family_id
       AND successor.used_at IS NULL AND successor.issued_at = spent.used_at
       AND spent.used_at > now() - make_interval(secs => $2)
     RETURNING spent.used_at AS spent_at`,
    [tokenHash, graceSeconds],
  );
  if ((replaced.rowCount ?? 0) === 0) return undefined;
  const refreshToken = newOpaqueToken();
  await client.query(
    `INSERT INTO refresh_tokens (token_hash, family_id, issued_at)
     SELECT $1, family_id, used_at FROM refresh_tokens WHERE token_hash = $2`,
    [hashOpaqueToken(refreshToken), tokenHash],
  );
  return { outcome: 'rotated', familyId, refreshToken, expiresAt: live.expires_at, retry: true };
}

/** Revokes one family of a user; false when it was not theirs or not live. */
export async function revokeFamily(
  db: Queryable,
  userId: string,
  familyId: string,
  reason: string,
): Promise<boolean> {
  const result = await db.query(
    `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $3
     WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
    [familyId, userId, reason],
  );
  return (result.rowCount ?? 0) > 0;
}

/** Revokes every live family of a user, but the one kept (the caller's own session); returns their ids. */
export async function revokeAllFamilies(
  db: Queryable,
  userId: string,
  reason: string,
  keepFamilyId?: string,
): Promise<string[]> {
  const result = await db.query<{ id: string }>(
    `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = $2
     WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid) RETURNING id`,
    [userId, reason, keepFamilyId ?? null],
  );
  return result.rows.map((row) => row.id);
}

/** Whether a family still lives, held against a concurrent revocation until the transaction ends. */
export async function lockLiveFamily(db: Queryable, familyId: string): Promise<boolean> {
  const result = await db.query(
    'SELECT 1 FROM refresh_token_families WHERE id = $1 AND revoked_at IS NULL AND expires_at > now() FOR SHARE',
    [familyId],
  );
  return (result.rowCount ?? 0) > 0;
}
