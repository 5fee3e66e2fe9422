import type { UserRecord } from './user-store';

/** What the account owner sees of their account: never the password hash. */
export function ownAccountView(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    username: user.username,
    displayName: user.displayName,
    bio: user.bio,
    avatarUrl: user.avatarUrl,
    roles: user.roles,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** What an administrator sees: the owner's view plus the account's state. */
export function adminAccountView(user: UserRecord) {
  return {
    ...ownAccountView(user),
    disabled: user.disabledAt !== null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    updatedAt: user.updatedAt.toISOString(),
  };
}
