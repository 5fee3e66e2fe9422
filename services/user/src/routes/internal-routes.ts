import type { SessionStatus } from '@what-if/contracts';
import { HttpProblem } from '@what-if/kit';
import { Router } from 'express';
import type { UserDependencies } from '../dependencies';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * For the gateway only (no catalog route leads here; the network keeps it internal): is this
 * session alive? One Redis read: ending a session, disabling or deleting its user all delete
 * the Redis session, so its presence is the whole answer.
 */
export function internalRoutes(deps: Pick<UserDependencies, 'sessionStore'>): Router {
  const router = Router();
  router.get('/internal/v1/sessions/:sessionId', async (req, res) => {
    const sessionId = String(req.params['sessionId']);
    const session = uuid.test(sessionId) ? await deps.sessionStore.get(sessionId) : undefined;
    if (!session) throw new HttpProblem(404, 'No live session has this id.', { type: 'session-not-found' });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ active: true, userId: session.userId, roles: session.roles } satisfies SessionStatus);
  });
  return router;
}
