import { HttpProblem, logSecurityEvent, requirePrincipal, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import { discardOneTimeTokens, issueOneTimeToken, redeemOneTimeToken } from '../accounts/one-time-tokens';
import {
  changeEmail,
  findUserByEmail,
  findUserById,
  findUserByIdForUpdate,
  markEmailVerified,
  setPasswordHash,
} from '../accounts/user-store';
import { inTransaction, isUniqueViolation } from '../database/transaction';
import type { UserDependencies } from '../dependencies';
import { invalidOneTimeToken } from '../http/account-problems';
import { requireSession } from '../http/session-authentication';
import { emailVerificationMail, passwordResetMail } from '../mail/account-mail';
import { appLink, sendInBackground } from '../mail/mail-links';
import { hashPassword } from '../passwords/password-hashing';
import { passwordPolicyViolation } from '../passwords/password-policy';

/** Password reset and email verification: the flows that run through a mailed link. */
export function recoveryRoutes(deps: UserDependencies): Router {
  const { config, logger, pool, sessions, lockout, mailer, resetMails } = deps;
  const router = Router();

  router.post('/api/v1/auth/password-reset', async (req, res) => {
    const { email } = req.body as { email: string };
    // Answered before any work, so neither the answer nor its timing says whether the account exists.
    res.status(202).end();
    try {
      const user = await findUserByEmail(pool, email);
      if (!user || user.disabledAt) {
        logSecurityEvent(logger, 'password-reset-request', 'denied', {
          reason: user ? 'account disabled' : 'no account',
        });
        return;
      }
      if (!(await resetMails.allow(user.email))) {
        logSecurityEvent(logger, 'password-reset-request', 'denied', {
          reason: 'mail limit for this address',
          userId: user.id,
        });
        return;
      }
      const token = await issueOneTimeToken(
        pool,
        user.id,
        'password_reset',
        user.email,
        config.PASSWORD_RESET_TTL_SECONDS,
      );
      logSecurityEvent(logger, 'password-reset-request', 'succeeded', { userId: user.id });
      sendInBackground(
        mailer,
        passwordResetMail(
          user.email,
          appLink(config.PUBLIC_APP_URL, 'reset-password', token),
          Math.round(config.PASSWORD_RESET_TTL_SECONDS / 60),
        ),
        logger,
      );
    } catch (error) {
      logger.error({ err: error }, 'password reset request failed');
    }
  });

  router.post('/api/v1/auth/password-reset/complete', async (req, res) => {
    const { token, password } = req.body as { token: string; password: string };
    const generalViolation = passwordPolicyViolation(password);
    if (generalViolation) throw validationProblem([{ path: '/body/password', message: generalViolation }]);
    const passwordHash = await hashPassword(password);
    const user = await inTransaction(pool, async (db) => {
      const redeemed = await redeemOneTimeToken(db, token, ['password_reset']);
      const user = redeemed && (await findUserByIdForUpdate(db, redeemed.userId));
      if (!redeemed || !user || user.email !== redeemed.email || user.disabledAt) {
        throw invalidOneTimeToken('password reset');
      }
      const violation = passwordPolicyViolation(password, user.email);
      // Thrown inside the transaction: the token stays unspent for a better password.
      if (violation) throw validationProblem([{ path: '/body/password', message: violation }]);
      await setPasswordHash(db, user.id, passwordHash);
      // The reset link reached this address, which proves it belongs to the account holder.
      await markEmailVerified(db, user.id);
      await discardOneTimeTokens(db, user.id, 'password_reset');
      await sessions.revokeAllIn(db, user.id, 'password reset');
      return user;
    }).catch((error: unknown) => {
      if (error instanceof HttpProblem && error.status === 400) {
        logSecurityEvent(logger, 'password-reset', 'denied', { reason: error.message });
      }
      throw error;
    });
    await sessions.forgetAll(user.id);
    await lockout.clearAccount(user.email);
    logSecurityEvent(logger, 'password-reset', 'succeeded', { userId: user.id });
    res.status(204).end();
  });

  router.post('/api/v1/auth/email-verification', async (req, res) => {
    const { token } = req.body as { token: string };
    const outcome = await inTransaction(pool, async (db) => {
      const redeemed = await redeemOneTimeToken(db, token, ['email_verification', 'email_change']);
      const user = redeemed && (await findUserByIdForUpdate(db, redeemed.userId));
      if (!redeemed || !user) throw invalidOneTimeToken('email verification');
      if (redeemed.purpose === 'email_verification') {
        if (user.email !== redeemed.email) throw invalidOneTimeToken('email verification');
        await markEmailVerified(db, user.id);
        return { userId: user.id, changed: false };
      }
      try {
        await changeEmail(db, user.id, redeemed.email);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new HttpProblem(409, 'Another account took this email address in the meantime.', {
            type: 'email-taken',
          });
        }
        throw error;
      }
      return { userId: user.id, changed: true, previousEmail: user.email };
    }).catch((error: unknown) => {
      if (error instanceof HttpProblem)
        logSecurityEvent(logger, 'email-verification', 'denied', { reason: error.message });
      throw error;
    });
    if (outcome.previousEmail) await lockout.forgetAccount(outcome.previousEmail);
    logSecurityEvent(logger, outcome.changed ? 'email-change' : 'email-verification', 'succeeded', {
      userId: outcome.userId,
    });
    res.status(204).end();
  });

  router.post('/api/v1/auth/email-verification/resend', ...requireSession(deps), async (_req, res) => {
    const principal = requirePrincipal(res);
    const user = await findUserById(pool, principal.userId);
    if (!user) throw new HttpProblem(404, 'This account no longer exists.');
    if (user.emailVerified) {
      throw new HttpProblem(409, 'This email address is verified already.', { type: 'already-verified' });
    }
    const token = await issueOneTimeToken(
      pool,
      user.id,
      'email_verification',
      user.email,
      config.EMAIL_VERIFICATION_TTL_SECONDS,
    );
    sendInBackground(
      mailer,
      emailVerificationMail(
        user.email,
        appLink(config.PUBLIC_APP_URL, 'verify-email', token),
        Math.round(config.EMAIL_VERIFICATION_TTL_SECONDS / 3600),
      ),
      logger,
    );
    res.status(202).end();
  });

  return router;
}
