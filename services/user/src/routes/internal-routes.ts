import type { SessionStatus } from '@what-if/contracts';
import { HttpProblem, allowCallers } from '@what-if/kit';
import { Router } from 'express';
import type { UserDependencies } from '../dependencies';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * For other services: the kit's guard in front of /internal/ admits only the catalog's callers
 * by their service tokens, and no catalog route leads here.
 */
export function internalRoutes(deps: Pick<UserDependencies, 'sessionStore' | 'logger'>): Router {
  const router = Router();
  /**
   * The gateway's question: is this session alive? One Redis read: ending a session, disabling
   * or deleting its user all delete the Redis session, so its presence is the whole answer.
   */
  router.get('/internal/v1/sessions/:sessionId', allowCallers(deps.logger, 'gateway'), async (req, res) => {
    const sessionId = String(req.params['sessionId']);
    const session = uuid.test(sessionId) ? await deps.sessionStore.get(sessionId) : undefined;
    if (!session) throw new HttpProblem(404, 'No live session has this id.', { type: 'session-not-found' });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ active: true, userId: session.userId, roles: session.roles } satisfies SessionStatus);
  });
  return router;
}
