import { HttpProblem, logSecurityEvent, requirePrincipal, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import { issueOneTimeToken } from '../accounts/one-time-tokens';
import { findUserByEmail, insertUser } from '../accounts/user-store';
import { emailVerificationMail } from '../mail/account-mail';
import { appLink, sendInBackground } from '../mail/mail-links';
import { inTransaction, isUniqueViolation } from '../database/transaction';
import type { UserDependencies } from '../dependencies';
import {
  accountDisabled,
  invalidCredentials,
  invalidRefreshToken,
  signInLocked,
} from '../http/account-problems';
import { clientInfo } from '../http/client-info';
import { REFRESH_COOKIE, clearRefreshCookie, cookieValue } from '../http/refresh-cookie';
import { requireSession } from '../http/session-authentication';
import { hashPassword, passwordMatches } from '../passwords/password-hashing';
import { passwordPolicyViolation } from '../passwords/password-policy';
import { looksLikeOpaqueToken } from '../tokens/opaque-tokens';
import { decodeOffsetCursor, encodeOffsetCursor } from './paging';
import { refreshCookieOptions, sendSignedIn } from './token-responses';

interface Credentials {
  email: string;
  password: string;
}

/** Register, sign in, refresh, sign out, and the caller's sessions. */
export function authRoutes(deps: UserDependencies): Router {
  const { config, logger, pool, sessions, sessionStore, lockout, mailer } = deps;
  const router = Router();
  const signedIn = requireSession(deps);

  router.post('/api/v1/auth/register', async (req, res) => {
    const body = req.body as Credentials & { displayName: string };
    const violation = passwordPolicyViolation(body.password, body.email);
    if (violation) throw validationProblem([{ path: '/body/password', message: violation }]);
    const displayName = body.displayName.trim();
    if (displayName === '')
      throw validationProblem([{ path: '/body/displayName', message: 'must not be blank' }]);
    const passwordHash = await hashPassword(body.password);
    const client = clientInfo(req);
    try {
      const { user, tokens, verificationToken } = await inTransaction(pool, async (db) => {
        const user = await insertUser(db, {
          email: body.email,
          passwordHash,
          displayName,
          emailVerified: false,
        });
        const verificationToken = await issueOneTimeToken(
          db,
          user.id,
          'email_verification',
          user.email,
          config.EMAIL_VERIFICATION_TTL_SECONDS,
        );
        const tokens = await sessions.start(user, client, db);
        return { user, tokens, verificationToken };
      });
      logSecurityEvent(logger, 'registration', 'succeeded', {
        userId: user.id,
        sessionId: tokens.sessionId,
        ip: client.ip,
      });
      sendInBackground(
        mailer,
        emailVerificationMail(
          user.email,
          appLink(config.PUBLIC_APP_URL, 'verify-email', verificationToken),
          Math.round(config.EMAIL_VERIFICATION_TTL_SECONDS / 3600),
        ),
        logger,
      );
      sendSignedIn(res, config, 201, user, tokens);
    } catch (error) {
      if (isUniqueViolation(error)) {
        logSecurityEvent(logger, 'registration', 'denied', { reason: 'email taken', ip: client.ip });
        throw new HttpProblem(
          409,
          'An account with this email address exists; sign in or reset its password.',
          {
            type: 'email-taken',
          },
        );
      }
      throw error;
    }
  });

  router.post('/api/v1/auth/login', async (req, res) => {
    const { email, password } = req.body as Credentials;
    const client = clientInfo(req);
    const lock = await lockout.check(email, client.ip);
    if (lock.locked) {
      logSecurityEvent(logger, 'login', 'denied', { reason: 'locked', ip: client.ip });
      throw signInLocked(lock.retryAfterSeconds);
    }
    const user = await findUserByEmail(pool, email);
    // Always one argon2 verification, so an unknown address takes as long as a wrong password.
    const matches = await passwordMatches(user?.passwordHash ?? deps.dummyPasswordHash, password);
    if (!user || !user.passwordHash || !matches) {
      const after = await lockout.recordFailure(email, client.ip);
      logSecurityEvent(logger, 'login', 'denied', {
        reason: 'invalid credentials',
        ...(user ? { userId: user.id } : {}),
        ip: client.ip,
        locked: after.locked,
      });
      if (after.locked) throw signInLocked(after.retryAfterSeconds);
      throw invalidCredentials();
    }
    if (user.disabledAt) {
      logSecurityEvent(logger, 'login', 'denied', {
        reason: 'account disabled',
        userId: user.id,
        ip: client.ip,
      });
      throw accountDisabled();
    }
    await lockout.recordSuccess(email, client.ip);
    const tokens = await sessions.start(user, client);
    logSecurityEvent(logger, 'login', 'succeeded', {
      userId: user.id,
      sessionId: tokens.sessionId,
      ip: client.ip,
    });
    sendSignedIn(res, config, 200, user, tokens);
  });

  router.post('/api/v1/auth/refresh', async (req, res) => {
    const fromBody = (req.body as { refreshToken?: string } | undefined)?.refreshToken;
    const presented = fromBody ?? cookieValue(req, REFRESH_COOKIE);
    if (!looksLikeOpaqueToken(presented)) {
      logSecurityEvent(logger, 'token-refresh', 'denied', {
        reason: presented ? 'malformed token' : 'no token',
      });
      clearRefreshCookie(res, refreshCookieOptions(config));
      throw invalidRefreshToken();
    }
    try {
      const { user, tokens } = await sessions.refresh(presented, clientInfo(req));
      sendSignedIn(res, config, 200, user, tokens);
    } catch (error) {
      clearRefreshCookie(res, refreshCookieOptions(config));
      throw error;
    }
  });

  router.post('/api/v1/auth/logout', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    await sessions.end(principal.userId, principal.sessionId, 'logout');
    logSecurityEvent(logger, 'logout', 'succeeded', {
      userId: principal.userId,
      sessionId: principal.sessionId,
    });
    clearRefreshCookie(res, refreshCookieOptions(config));
    res.status(204).end();
  });

  router.post('/api/v1/auth/logout-all', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const ended = await sessions.endAll(principal.userId, 'logout everywhere');
    logSecurityEvent(logger, 'logout-all', 'succeeded', { userId: principal.userId, sessionsEnded: ended });
    clearRefreshCookie(res, refreshCookieOptions(config));
    res.status(204).end();
  });

  router.get('/api/v1/auth/sessions', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const limit = Number(req.query['limit'] ?? 20);
    const offset = decodeOffsetCursor(req.query['cursor']);
    const all = (await sessionStore.listForUser(principal.userId)).sort(
      (a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt) || a.sessionId.localeCompare(b.sessionId),
    );
    const page = all.slice(offset, offset + limit);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: page.map((session) => ({
        id: session.sessionId,
        current: session.sessionId === principal.sessionId,
        createdAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        expiresAt: session.expiresAt,
        userAgent: session.userAgent,
        ip: session.ip,
      })),
      nextCursor: offset + limit < all.length ? encodeOffsetCursor(offset + limit) : null,
    });
  });

  router.delete('/api/v1/auth/sessions/:sessionId', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const sessionId = String(req.params['sessionId']);
    const ended = await sessions.end(principal.userId, sessionId, 'ended from the session list');
    if (!ended) throw new HttpProblem(404, 'You have no live session with this id.');
    logSecurityEvent(logger, 'session-end', 'succeeded', { userId: principal.userId, sessionId });
    res.status(204).end();
  });

  router.get('/api/v1/auth/jwks', (_req, res) => {
    // Brief, so a rotation is seen soon; verifiers also refetch on an unknown kid.
    res.setHeader('Cache-Control', 'public, max-age=300, stale-while-revalidate=60');
    res.json(deps.keys.jwks());
  });

  return router;
}
