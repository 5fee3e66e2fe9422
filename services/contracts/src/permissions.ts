/** The roles a user can hold; every account has `user`. */
export const roles = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * What each role may do, shared by every service so that a role means the same thing
 * everywhere. Ownership (your own scenario, your own share) is checked by the service that
 * owns the data; these are the rights that do not depend on whose the data is.
 */
export const permissionRoles = {
  /** Manage one's own profile, sessions, scenarios, shares, likes, comments and videos. */
  'own:manage': ['user', 'moderator', 'admin'],
  /** Hide or restore others' content and resolve reports. */
  'content:moderate': ['moderator', 'admin'],
  /** List, search and read any account. */
  'users:read': ['admin'],
  /** Change roles, disable and enable accounts. */
  'users:manage': ['admin'],
  /** Read system-wide statistics. */
  'stats:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissionRoles;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function hasPermission(held: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = permissionRoles[permission];
  return held.some((role) => allowed.includes(role));
}
