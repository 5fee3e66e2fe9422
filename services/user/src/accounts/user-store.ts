import type { Role } from '@what-if/contracts';
import type { Queryable } from '../database/transaction';

export interface UserRecord {
  id: string;
  email: string;
  emailVerified: boolean;
  passwordHash: string | null;
  /** Null until the owner picks one (accounts made before usernames existed have none). */
  username: string | null;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  roles: Role[];
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserRow {
  id: string;
  email: string;
  email_verified: boolean;
  password_hash: string | null;
  username: string | null;
  display_name: string;
  bio: string;
  avatar_url: string | null;
  roles: Role[];
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The users columns a UserRecord is read from, for queries that select whole accounts. */
export const userColumns =
  'id, email, email_verified, password_hash, username, display_name, bio, avatar_url, roles, disabled_at, created_at, updated_at';
const columns = userColumns;

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified,
    passwordHash: row.password_hash,
    username: row.username,
    displayName: row.display_name,
    bio: row.bio,
    avatarUrl: row.avatar_url,
    roles: row.roles,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Emails compare case-insensitively; the stored form is lower case without surrounding space. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1`, [id]);
  return result.rows[0] && toUser(result.rows[0]);
}

/** Locks the row for the rest of the transaction, for read-check-write sequences. */
export async function findUserByIdForUpdate(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  return result.rows[0] && toUser(result.rows[0]);
}

/**
 * Reads the row and holds it against changes (FOR SHARE) until the transaction ends: a
 * concurrent disable waits, so it cannot slip between "is enabled" and "session saved".
 */
export async function findUserByIdForShare(db: Queryable, id: string): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE id = $1 FOR SHARE`, [id]);
  return result.rows[0] && toUser(result.rows[0]);
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(`SELECT ${columns} FROM users WHERE email = $1`, [
    normalizeEmail(email),
  ]);
  return result.rows[0] && toUser(result.rows[0]);
}

export interface NewUser {
  email: string;
  passwordHash: string | null;
  displayName: string;
  emailVerified: boolean;
  roles?: Role[];
}

/** Inserts an account; a duplicate email raises PostgreSQL's unique_violation. */
export async function insertUser(db: Queryable, user: NewUser): Promise<UserRecord> {
  const result = await db.query<UserRow>(
    `INSERT INTO users (email, password_hash, display_name, email_verified, roles)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [
      normalizeEmail(user.email),
      user.passwordHash,
      user.displayName,
      user.emailVerified,
      user.roles ?? ['user'],
    ],
  );
  return toUser(result.rows[0]!);
}

export interface ProfileChanges {
  /** Already normalized and checked; a taken one raises unique_violation. */
  username?: string;
  displayName?: string;
  bio?: string;
  avatarUrl?: string | null;
}

export async function updateProfile(
  db: Queryable,
  id: string,
  changes: ProfileChanges,
): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(
    `UPDATE users SET
       display_name = COALESCE($2, display_name),
       bio = COALESCE($3, bio),
       avatar_url = CASE WHEN $4::boolean THEN $5 ELSE avatar_url END,
       username = COALESCE($6, username),
       updated_at = now()
     WHERE id = $1 RETURNING ${columns}`,
    [
      id,
      changes.displayName ?? null,
      changes.bio ?? null,
      changes.avatarUrl !== undefined,
      changes.avatarUrl ?? null,
      changes.username ?? null,
    ],
  );
  return result.rows[0] && toUser(result.rows[0]);
}

export async function setPasswordHash(db: Queryable, id: string, passwordHash: string | null): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
}

export async function markEmailVerified(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE users SET email_verified = true, updated_at = now() WHERE id = $1', [id]);
}

/** Moves the account to a verified new address; a taken address raises unique_violation. */
export async function changeEmail(db: Queryable, id: string, email: string): Promise<void> {
  await db.query('UPDATE users SET email = $2, email_verified = true, updated_at = now() WHERE id = $1', [
    id,
    normalizeEmail(email),
  ]);
}

export async function setRoles(
  db: Queryable,
  id: string,
  roles: readonly Role[],
): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(
    `UPDATE users SET roles = $2, updated_at = now() WHERE id = $1 RETURNING ${columns}`,
    [id, roles],
  );
  return result.rows[0] && toUser(result.rows[0]);
}

export async function setDisabled(
  db: Queryable,
  id: string,
  disabled: boolean,
): Promise<UserRecord | undefined> {
  const result = await db.query<UserRow>(
    `UPDATE users SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, now()) ELSE NULL END, updated_at = now()
     WHERE id = $1 RETURNING ${columns}`,
    [id, disabled],
  );
  return result.rows[0] && toUser(result.rows[0]);
}

/** Deletes the account; its identities, sessions and tokens go with it (ON DELETE CASCADE). */
export async function deleteUser(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM users WHERE id = $1', [id]);
  return (result.rowCount ?? 0) > 0;
}
