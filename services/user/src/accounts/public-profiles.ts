import type { Queryable } from '../database/transaction';

/** What anyone may know of an account: never its address, roles or state. */
export interface PublicProfile {
  id: string;
  username: string | null;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  joinedAt: string;
}

interface PublicProfileRow {
  id: string;
  username: string | null;
  display_name: string;
  bio: string;
  avatar_url: string | null;
  created_at: Date;
}

const publicColumns = 'id, username, display_name, bio, avatar_url, created_at';

function toPublicProfile(row: PublicProfileRow): PublicProfile {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    joinedAt: row.created_at.toISOString(),
  };
}

/**
 * The profiles of existing, enabled accounts among the ids (one query on the primary key);
 * ids of deleted or disabled accounts are simply absent from the answer.
 */
export async function publicProfilesByIds(db: Queryable, ids: readonly string[]): Promise<PublicProfile[]> {
  if (ids.length === 0) return [];
  const result = await db.query<PublicProfileRow>(
    `SELECT ${publicColumns} FROM users WHERE id = ANY ($1::uuid[]) AND disabled_at IS NULL`,
    [ids],
  );
  return result.rows.map(toPublicProfile);
}

/** The enabled account with this (normalized) username, through its unique index. */
export async function publicProfileByUsername(
  db: Queryable,
  username: string,
): Promise<PublicProfile | undefined> {
  const result = await db.query<PublicProfileRow>(
    `SELECT ${publicColumns} FROM users WHERE username = $1 AND disabled_at IS NULL`,
    [username],
  );
  return result.rows[0] && toPublicProfile(result.rows[0]);
}
