import type { SessionStatus } from '@what-if/contracts';
import { HttpProblem, allowCallers, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import { publicProfileByUsername, publicProfilesByIds } from '../accounts/public-profiles';
import { normalizeUsername, usernamePattern } from '../accounts/usernames';
import type { UserDependencies } from '../dependencies';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * For other services: the kit's guard in front of /internal/ admits only the catalog's callers
 * by their service tokens, and no catalog route leads here.
 */
/** The most profiles one batched lookup answers: a feed page's authors fit many times. */
export const profileBatchLimit = 100;

export function internalRoutes(deps: Pick<UserDependencies, 'sessionStore' | 'logger' | 'pool'>): Router {
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

  /**
   * Social's question: who are these accounts? Public profile fields only, for the ids of
   * existing, enabled accounts (the others are left out, so a deleted author reads as gone).
   */
  // Sharing asks too: whether a share's owner still has an account, and since when a reporter has.
  router.get('/internal/v1/profiles', allowCallers(deps.logger, 'social', 'sharing'), async (req, res) => {
    const ids = [
      ...new Set(
        String(req.query['ids'] ?? '')
          .split(',')
          .filter((id) => id !== ''),
      ),
    ];
    if (ids.length > profileBatchLimit)
      throw validationProblem([
        {
          path: '/query/ids',
          message: `must name at most ${profileBatchLimit} accounts (it names ${ids.length})`,
        },
      ]);
    const malformed = ids.findIndex((id) => !uuid.test(id));
    if (malformed >= 0)
      throw validationProblem([
        { path: '/query/ids', message: `holds ${JSON.stringify(ids[malformed])}, not an account id` },
      ]);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items: await publicProfilesByIds(deps.pool, ids) });
  });

  router.get(
    '/internal/v1/profiles/by-username/:username',
    allowCallers(deps.logger, 'social'),
    async (req, res) => {
      const username = normalizeUsername(String(req.params['username']));
      const profile = usernamePattern.test(username)
        ? await publicProfileByUsername(deps.pool, username)
        : undefined;
      if (!profile)
        throw new HttpProblem(404, `No account has the username ${username}.`, {
          type: 'profile-not-found',
          title: 'Profile not found',
        });
      res.setHeader('Cache-Control', 'no-store');
      res.json(profile);
    },
  );
  return router;
}
