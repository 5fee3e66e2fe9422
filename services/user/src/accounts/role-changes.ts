import type { Role } from '@what-if/contracts';
import type { Pool } from 'pg';
import type { SessionStore } from '../sessions/session-store';
import { type UserRecord, setRoles } from './user-store';

/** Every account keeps `user`; the set is stored in a fixed order. */
export function normalizeRoles(requested: readonly Role[]): Role[] {
  const order: Role[] = ['user', 'moderator', 'admin'];
  const wanted = new Set<Role>(['user', ...requested]);
  return order.filter((role) => wanted.has(role));
}

/**
 * Stores new roles and carries them into the live sessions, so the gateway's session check
 * and this service's own checks see them at once (tokens carry the old ones until refreshed,
 * and this service refuses a token whose roles no longer match its session).
 */
export async function changeRoles(
  pool: Pool,
  sessionStore: SessionStore,
  userId: string,
  requested: readonly Role[],
): Promise<UserRecord | undefined> {
  const roles = normalizeRoles(requested);
  const user = await setRoles(pool, userId, roles);
  if (user) await sessionStore.setRolesForUser(userId, roles);
  return user;
}
