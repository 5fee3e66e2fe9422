import type { Role } from '@what-if/contracts';
import type { Queryable } from '../database/transaction';
import { type UserRecord, type UserRow, toUser, userColumns } from './user-store';

export interface UserSearch {
  /** Part of an email address, display name or username, matched case-insensitively. */
  query?: string;
  role?: Role;
  status?: 'active' | 'disabled';
  limit: number;
  /** The last row of the previous page, exclusive. */
  after?: { createdAt: string; id: string };
}

export interface UserPage {
  users: UserRecord[];
  /** Where the next page starts, with microsecond precision; absent on the last page. */
  next?: { createdAt: string; id: string };
}

/**
 * Newest accounts first, keyset-paged on (created_at, id) so pages stay stable while accounts
 * are added. The search term is a bound parameter matched with strpos, so neither SQL nor LIKE
 * wildcards in it mean anything. One query reads the page's accounts whole.
 */
export async function searchUsers(db: Queryable, search: UserSearch): Promise<UserPage> {
  const result = await db.query<UserRow & { cursor_at: string }>(
    `SELECT ${userColumns},
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
     FROM users
     WHERE ($1::text IS NULL OR strpos(email, lower($1)) > 0 OR strpos(lower(display_name), lower($1)) > 0
            OR strpos(username, lower($1)) > 0)
       AND ($2::text IS NULL OR $2 = ANY (roles))
       AND ($3::text IS NULL OR ($3 = 'disabled') = (disabled_at IS NOT NULL))
       AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $6`,
    [
      search.query ?? null,
      search.role ?? null,
      search.status ?? null,
      search.after?.createdAt ?? null,
      search.after?.id ?? null,
      search.limit + 1,
    ],
  );
  const rows = result.rows.slice(0, search.limit);
  const users = rows.map(toUser);
  const last = rows[rows.length - 1];
  return result.rows.length > search.limit && last
    ? { users, next: { createdAt: last.cursor_at, id: last.id } }
    : { users };
}

export interface UserStatistics {
  users: {
    total: number;
    verified: number;
    disabled: number;
    withPassword: number;
    withOAuth: number;
    byRole: Record<Role, number>;
    createdLast24Hours: number;
    createdLast7Days: number;
    createdLast30Days: number;
  };
  sessions: { active: number };
}

export async function userStatistics(db: Queryable): Promise<UserStatistics> {
  const users = await db.query<Record<string, string>>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE email_verified) AS verified,
            count(*) FILTER (WHERE disabled_at IS NOT NULL) AS disabled,
            count(*) FILTER (WHERE password_hash IS NOT NULL) AS with_password,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM oauth_identities i WHERE i.user_id = users.id)) AS with_oauth,
            count(*) FILTER (WHERE 'user' = ANY (roles)) AS role_user,
            count(*) FILTER (WHERE 'moderator' = ANY (roles)) AS role_moderator,
            count(*) FILTER (WHERE 'admin' = ANY (roles)) AS role_admin,
            count(*) FILTER (WHERE created_at > now() - interval '1 day') AS last_day,
            count(*) FILTER (WHERE created_at > now() - interval '7 days') AS last_week,
            count(*) FILTER (WHERE created_at > now() - interval '30 days') AS last_month
     FROM users`,
  );
  const sessions = await db.query<{ active: string }>(
    'SELECT count(*) AS active FROM refresh_token_families WHERE revoked_at IS NULL AND expires_at > now()',
  );
  const row = users.rows[0]!;
  const count = (name: string) => Number(row[name] ?? 0);
  return {
    users: {
      total: count('total'),
      verified: count('verified'),
      disabled: count('disabled'),
      withPassword: count('with_password'),
      withOAuth: count('with_oauth'),
      byRole: { user: count('role_user'), moderator: count('role_moderator'), admin: count('role_admin') },
      createdLast24Hours: count('last_day'),
      createdLast7Days: count('last_week'),
      createdLast30Days: count('last_month'),
    },
    sessions: { active: Number(sessions.rows[0]?.active ?? 0) },
  };
}
