import type { NextFunction, Request, Response } from 'express';
import type { RouteTableEntry } from '@what-if/catalog';
import {
  InvalidToken,
  type Logger,
  type Principal,
  type TokenVerifier,
  bearerToken,
  logSecurityEvent,
} from '@what-if/kit';
import { type RateLimits, credentialEndpoint } from './rate-limits';
import type { SessionChecks } from './sessions';

/** The catalog rule a request matched, set by the routing step for the steps after it. */
export function matchedRoute(res: Response): RouteTableEntry | undefined {
  return res.locals['route'] as RouteTableEntry | undefined;
}

type Identification = { principal?: Principal; refusal?: unknown };

/**
 * The gateway's access decision for every request past its own endpoints: the rate limits, a
 * valid token where the route requires one (or whenever one is sent) and a live session behind
 * it. Services still verify the token and decide roles and ownership themselves; this keeps
 * unauthenticated traffic off them.
 *
 * The caller is identified first (a remembered token and a cached session cost no I/O), so the
 * per-IP, credential-endpoint and per-user limits are counted together in one Redis round trip;
 * a refused limit answers before a refused token, as when the per-IP limit came first.
 */
export function createAccessControl(options: {
  verifier: TokenVerifier;
  sessions: SessionChecks;
  rateLimits: RateLimits;
  logger: Logger;
}) {
  const { logger } = options;

  async function identify(req: Request, rule: RouteTableEntry | undefined): Promise<Identification> {
    if (!rule || rule.auth === 'public') return {};
    try {
      const token = bearerToken(req);
      if (!token) return rule.auth === 'required' ? { refusal: new InvalidToken('no token') } : {};
      const principal = await options.verifier.verify(token);
      if (!(await options.sessions.isActive(principal.sessionId))) {
        return { refusal: new InvalidToken('session ended') };
      }
      return { principal };
    } catch (error) {
      return { refusal: error };
    }
  }

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const rule = matchedRoute(res);
    try {
      const { principal, refusal } = await identify(req, rule);
      await options.rateLimits.admit({
        ip: req.ip ?? 'unknown',
        path: req.path,
        credentialEndpoint: rule ? credentialEndpoint(req.method, req.path) : undefined,
        userId: principal?.userId,
      });
      if (refusal) throw refusal;
      if (principal) {
        logSecurityEvent(logger, 'authentication', 'allowed', { userId: principal.userId, path: req.path });
      }
      next();
    } catch (error) {
      if (error instanceof InvalidToken) {
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
