import type { ServiceName } from '@what-if/catalog';
import type { NextFunction, Request, Response } from 'express';
import { type Logger, logSecurityEvent } from '../logging';
import { HttpProblem } from '../problems';
import { type ServiceIdentity, ServiceTokenRefused } from './service-tokens';

/** Where every service's internal endpoints live; the gateway routes nothing under it. */
export const INTERNAL_PATH_PREFIX = '/internal/';

const CALLER = 'internalCaller';

function refusal(status: 401 | 403, detail: string): HttpProblem {
  return status === 401
    ? new HttpProblem(401, detail, {
        type: 'invalid-service-token',
        headers: { 'WWW-Authenticate': 'Bearer realm="internal", error="invalid_token"' },
      })
    : new HttpProblem(403, detail, { type: 'caller-not-allowed' });
}

/**
 * The one check in front of /internal/: a service token signed by a caller the catalog lists,
 * for this service, unexpired. Without an identity (a misconfigured app) every call is refused.
 * Each refusal is a security event; the caller it proves is kept for the handlers.
 */
export function requireServiceCaller(identity: ServiceIdentity | undefined, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const deny = (status: 401 | 403, reason: string, detail: string, caller?: string) => {
      logSecurityEvent(logger, 'service-authentication', 'denied', {
        reason,
        path: req.originalUrl.split('?')[0],
        method: req.method,
        ...(caller ? { caller } : {}),
      });
      next(refusal(status, detail));
    };
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
    if (!match?.[1]) {
      deny(401, header ? 'not a bearer token' : 'no token', 'Internal endpoints need a service token.');
      return;
    }
    if (!identity) {
      deny(401, 'this service has no service identity', 'This service accepts no service tokens.');
      return;
    }
    try {
      res.locals[CALLER] = identity.verify(match[1]);
      next();
    } catch (error) {
      if (!(error instanceof ServiceTokenRefused)) {
        next(error);
        return;
      }
      deny(
        error.status,
        error.reason,
        error.status === 403
          ? `The catalog does not let ${error.caller ?? 'this caller'} call ${identity.service}.`
          : 'The service token is invalid, expired or not meant for this service.',
        error.caller,
      );
    }
  };
}

/** The service that made this internal call (set by the guard). */
export function internalCaller(res: Response): ServiceName {
  const caller = res.locals[CALLER] as ServiceName | undefined;
  if (!caller)
    throw new HttpProblem(401, 'Internal endpoints need a service token.', { type: 'invalid-service-token' });
  return caller;
}

/**
 * Narrows one internal route to some of the catalog's callers (the guard already admitted
 * every caller of the service): history's save is generation's alone, for instance.
 */
export function allowCallers(logger: Logger, ...allowed: readonly ServiceName[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const caller = internalCaller(res);
    if (allowed.includes(caller)) {
      next();
      return;
    }
    logSecurityEvent(logger, 'service-authorization', 'denied', {
      caller,
      path: req.originalUrl.split('?')[0],
      method: req.method,
    });
    next(refusal(403, `${caller} may not call ${req.method} ${req.path}; only ${allowed.join(', ')} may.`));
  };
}
