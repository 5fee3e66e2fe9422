import { HttpProblem, logSecurityEvent, requirePrincipal, validationProblem } from '@what-if/kit';
import { type Request, Router } from 'express';
import { issueOneTimeToken, pendingEmailOf } from '../accounts/one-time-tokens';
import {
  type ProfileChanges,
  deleteUser,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  setPasswordHash,
  updateProfile,
} from '../accounts/user-store';
import { normalizeUsername, usernameViolation } from '../accounts/usernames';
import { ownAccountView } from '../accounts/user-view';
import { inTransaction, isUniqueViolation } from '../database/transaction';
import type { UserDependencies } from '../dependencies';
import { signInLocked, wrongCurrentPassword } from '../http/account-problems';
import { clientInfo } from '../http/client-info';
import { clearRefreshCookie } from '../http/refresh-cookie';
import { requireSession } from '../http/session-authentication';
import { emailChangeMail } from '../mail/account-mail';
import { appLink, sendInBackground } from '../mail/mail-links';
import { hashPassword, passwordMatches } from '../passwords/password-hashing';
import { passwordPolicyViolation } from '../passwords/password-policy';
import { recordPurge } from '../purges/purge-outbox';
import { refreshCookieOptions } from './token-responses';

/** Only https avatars: an http or javascript: URL would be mixed content or script on every page showing it. */
function checkedAvatarUrl(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null || value === '') return value === '' ? null : value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw validationProblem([{ path: '/body/avatarUrl', message: 'must be an https:// URL' }]);
  }
  if (url.protocol !== 'https:' || url.username || url.password)
    throw validationProblem([{ path: '/body/avatarUrl', message: 'must be an https:// URL' }]);
  return url.toString();
}

/** The signed-in person's own account: profile, password, email, deletion. */
export function profileRoutes(deps: UserDependencies): Router {
  const { config, logger, pool, sessions, lockout, mailer, purges } = deps;
  const router = Router();
  const signedIn = requireSession(deps);

  async function currentUser(userId: string) {
    const user = await findUserById(pool, userId);
    if (!user) throw new HttpProblem(404, 'This account no longer exists.');
    return user;
  }

  /**
   * The account's current password, checked under the sign-in lockout: a stolen access token
   * gets no more guesses here than at sign-in, and a wrong guess here counts there too.
   */
  async function requireCurrentPassword(
    req: Request,
    user: { id: string; email: string; passwordHash: string },
    presented: string,
    event: string,
  ): Promise<void> {
    const client = clientInfo(req);
    const lock = await lockout.check(user.email, client.ip);
    if (lock.locked) {
      logSecurityEvent(logger, event, 'denied', { reason: 'locked', userId: user.id, ip: client.ip });
      throw signInLocked(lock.retryAfterSeconds);
    }
    if (await passwordMatches(user.passwordHash, presented)) {
      await lockout.recordSuccess(user.email, client.ip);
      return;
    }
    const after = await lockout.recordFailure(user.email, client.ip);
    logSecurityEvent(logger, event, 'denied', {
      reason: 'wrong current password',
      userId: user.id,
      ip: client.ip,
      locked: after.locked,
    });
    if (after.locked) throw signInLocked(after.retryAfterSeconds);
    throw wrongCurrentPassword();
  }

  router.get('/api/v1/users/me', ...signedIn, async (_req, res) => {
    const user = await currentUser(requirePrincipal(res).userId);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...ownAccountView(user), pendingEmail: await pendingEmailOf(pool, user.id) });
  });

  router.patch('/api/v1/users/me', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const body = req.body as ProfileChanges;
    const changes: ProfileChanges = {};
    if (body.username !== undefined) {
      changes.username = normalizeUsername(body.username);
      const violation = usernameViolation(changes.username);
      if (violation) throw validationProblem([{ path: '/body/username', message: violation }]);
    }
    if (body.displayName !== undefined) {
      changes.displayName = body.displayName.trim();
      if (changes.displayName === '')
        throw validationProblem([{ path: '/body/displayName', message: 'must not be blank' }]);
    }
    if (body.bio !== undefined) changes.bio = body.bio;
    const avatarUrl = checkedAvatarUrl(body.avatarUrl);
    if (avatarUrl !== undefined) changes.avatarUrl = avatarUrl;
    const user = await updateProfile(pool, principal.userId, changes).catch((error: unknown) => {
      // The unique index decides between two people claiming one name at the same moment.
      if (isUniqueViolation(error)) {
        throw new HttpProblem(409, `The username ${changes.username} is taken; choose another.`, {
          type: 'username-taken',
          title: 'Username taken',
        });
      }
      throw error;
    });
    if (!user) throw new HttpProblem(404, 'This account no longer exists.');
    res.json({ ...ownAccountView(user), pendingEmail: await pendingEmailOf(pool, user.id) });
  });

  router.post('/api/v1/users/me/password', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
    const user = await currentUser(principal.userId);
    if (!user.passwordHash) {
      throw new HttpProblem(409, 'This account has no password yet; set one through a password reset.', {
        type: 'no-password',
      });
    }
    await requireCurrentPassword(
      req,
      { ...user, passwordHash: user.passwordHash },
      currentPassword,
      'password-change',
    );
    const violation = passwordPolicyViolation(newPassword, user.email);
    if (violation) throw validationProblem([{ path: '/body/newPassword', message: violation }]);
    const passwordHash = await hashPassword(newPassword);
    await inTransaction(pool, async (db) => {
      await setPasswordHash(db, user.id, passwordHash);
      await sessions.revokeAllIn(db, user.id, 'password changed', principal.sessionId);
    });
    await sessions.forgetAll(user.id, principal.sessionId);
    logSecurityEvent(logger, 'password-change', 'succeeded', {
      userId: user.id,
      sessionId: principal.sessionId,
    });
    res.status(204).end();
  });

  router.post('/api/v1/users/me/email', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const { newEmail, currentPassword } = req.body as { newEmail: string; currentPassword?: string };
    const user = await currentUser(principal.userId);
    // A stolen access token alone must not be able to move the account (and its resets) elsewhere.
    if (user.passwordHash) {
      await requireCurrentPassword(
        req,
        { ...user, passwordHash: user.passwordHash },
        currentPassword ?? '',
        'email-change-request',
      );
    }
    const target = normalizeEmail(newEmail);
    if (target === user.email)
      throw validationProblem([
        { path: '/body/newEmail', message: 'is the address the account already has' },
      ]);
    if (await findUserByEmail(pool, target)) {
      throw new HttpProblem(409, 'Another account uses this email address.', { type: 'email-taken' });
    }
    const token = await issueOneTimeToken(
      pool,
      user.id,
      'email_change',
      target,
      config.EMAIL_VERIFICATION_TTL_SECONDS,
    );
    sendInBackground(
      mailer,
      emailChangeMail(
        target,
        appLink(config.PUBLIC_APP_URL, 'verify-email', token),
        Math.round(config.EMAIL_VERIFICATION_TTL_SECONDS / 3600),
      ),
      logger,
    );
    logSecurityEvent(logger, 'email-change-request', 'succeeded', { userId: user.id });
    res.status(202).end();
  });

  router.delete('/api/v1/users/me', ...signedIn, async (_req, res) => {
    const principal = requirePrincipal(res);
    const user = await currentUser(principal.userId);
    // Sessions, refresh tokens, identities and mailed tokens go with the row (ON DELETE CASCADE);
    // what other services hold (history's scenarios) goes through the purge instruction, written
    // in the same transaction, so a service that is down now still gets it later.
    await inTransaction(pool, async (db) => {
      await recordPurge(db, 'account', user.id, user.id);
      await deleteUser(db, user.id);
    });
    purges.nudge();
    await sessions.forgetAll(user.id);
    await lockout.forgetAccount(user.email);
    logSecurityEvent(logger, 'account-deletion', 'succeeded', { userId: user.id });
    clearRefreshCookie(res, refreshCookieOptions(config));
    res.status(204).end();
  });

  return router;
}
