import { type Permission, hasPermission } from '@what-if/contracts';
import type { NextFunction, Request, Response } from 'express';
import { type Logger, logSecurityEvent } from '../logging';
import { HttpProblem } from '../problems';
import { InvalidToken, type Principal, type TokenVerifier } from './tokens';

const PRINCIPAL = 'principal';

/** The bearer token of a request, or undefined when it sends none. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!match) throw new InvalidToken('not a bearer token');
  return match[1];
}

/** The caller, once `authenticate` ran; undefined for an anonymous caller. */
export function principalOf(res: Response): Principal | undefined {
  return res.locals[PRINCIPAL] as Principal | undefined;
}

/** The caller of a route that requires one. */
export function requirePrincipal(res: Response): Principal {
  const principal = principalOf(res);
  if (!principal) throw new HttpProblem(401, 'Sign in to do this.', { type: 'unauthorized' });
  return principal;
}

export interface AuthenticateOptions {
  verifier: TokenVerifier;
  logger: Logger;
  /** Without a token: 401 when required, anonymous otherwise. A bad token is always 401. */
  required: boolean;
}

/** Verifies the bearer token, if any, and records the caller for the handlers. */
export function authenticate(options: AuthenticateOptions) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = bearerToken(req);
      if (!token) {
        if (options.required) {
          logSecurityEvent(options.logger, 'authentication', 'denied', {
            reason: 'no token',
            path: req.path,
          });
          throw new InvalidToken('no token');
        }
        next();
        return;
      }
      res.locals[PRINCIPAL] = await options.verifier.verify(token);
      next();
    } catch (error) {
      if (error instanceof InvalidToken && error.reason !== 'no token') {
        logSecurityEvent(options.logger, 'authentication', 'denied', {
          reason: error.reason,
          path: req.path,
        });
      }
      next(error);
    }
  };
}

/** 403 unless the caller's roles carry the permission; the decision is logged either way. */
export function requirePermission(permission: Permission, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = principalOf(res);
    if (!principal) {
      next(new HttpProblem(401, 'Sign in to do this.', { type: 'unauthorized' }));
      return;
    }
    const allowed = hasPermission(principal.roles, permission);
    logSecurityEvent(logger, 'authorization', allowed ? 'allowed' : 'denied', {
      permission,
      userId: principal.userId,
      path: req.path,
    });
    if (!allowed) {
      next(new HttpProblem(403, `This needs the ${permission} permission, which your roles do not grant.`));
      return;
    }
    next();
  };
}
