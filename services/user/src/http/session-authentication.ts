import { InvalidToken, authenticate, logSecurityEvent, requirePrincipal } from '@what-if/kit';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { UserDependencies } from '../dependencies';

/**
 * A valid access token (the kit's verifier) whose session still lives in Redis with the same
 * roles: inside this service a logout, a disabled account or a role change takes effect at
 * once, without waiting for the token to expire.
 */
export function requireSession(
  deps: Pick<UserDependencies, 'verifier' | 'logger' | 'sessionStore'>,
): RequestHandler[] {
  const checkSession = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const principal = requirePrincipal(res);
    const session = await deps.sessionStore.get(principal.sessionId);
    let reason: string | undefined;
    if (!session || session.userId !== principal.userId) reason = 'session ended';
    else if ([...session.roles].sort().join() !== [...principal.roles].sort().join())
      reason = 'roles changed';
    if (reason) {
      logSecurityEvent(deps.logger, 'authentication', 'denied', {
        reason,
        userId: principal.userId,
        sessionId: principal.sessionId,
        path: req.path,
      });
      throw new InvalidToken(reason);
    }
    next();
  };
  return [authenticate({ verifier: deps.verifier, logger: deps.logger, required: true }), checkSession];
}
