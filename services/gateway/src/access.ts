import type { NextFunction, Request, Response } from 'express';
import type { RouteTableEntry } from '@what-if/catalog';
import { InvalidToken, type Logger, type TokenVerifier, bearerToken, logSecurityEvent } from '@what-if/kit';
import { type RateLimits, credentialEndpoint } from './rate-limits';
import type { SessionChecks } from './sessions';

/** The catalog rule a request matched, set by the routing step for the steps after it. */
export function matchedRoute(res: Response): RouteTableEntry | undefined {
  return res.locals['route'] as RouteTableEntry | undefined;
}

/**
 * The gateway's access decision for a routed request: a valid token where the route
 * requires one (or whenever one is sent), a live session behind it, and the per-user and
 * credential-endpoint limits. Services still verify the token and decide roles and
 * ownership themselves; this keeps unauthenticated traffic off them.
 */
export function createAccessControl(options: {
  verifier: TokenVerifier;
  sessions: SessionChecks;
  rateLimits: RateLimits;
  logger: Logger;
}) {
  const { logger } = options;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const rule = matchedRoute(res);
    if (!rule) {
      next();
      return;
    }
    try {
      const credentials = credentialEndpoint(req.method, req.path);
      if (credentials) await options.rateLimits.perCredentialAttempt(credentials, req.ip ?? 'unknown');
      const token = rule.auth === 'public' ? undefined : bearerToken(req);
      if (!token) {
        if (rule.auth === 'required') {
          logSecurityEvent(logger, 'authentication', 'denied', {
            reason: 'no token',
            path: req.path,
            ip: req.ip,
          });
          throw new InvalidToken('no token');
        }
        next();
        return;
      }
      const principal = await options.verifier.verify(token);
      if (!(await options.sessions.isActive(principal.sessionId))) {
        throw new InvalidToken('session ended');
      }
      logSecurityEvent(logger, 'authentication', 'allowed', { userId: principal.userId, path: req.path });
      await options.rateLimits.perUser(principal.userId);
      next();
    } catch (error) {
      if (error instanceof InvalidToken && error.reason !== 'no token') {
        logSecurityEvent(logger, 'authentication', 'denied', {
          reason: error.reason,
          path: req.path,
          ip: req.ip,
        });
      }
      next(error);
    }
  };
}
