import { type Role } from '@what-if/contracts';
import { HttpProblem, logSecurityEvent, requirePermission, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import { changeRoles } from '../accounts/role-changes';
import { searchUsers, userStatistics } from '../accounts/user-directory';
import { findUserById, setDisabled } from '../accounts/user-store';
import { adminAccountView } from '../accounts/user-view';
import { inTransaction } from '../database/transaction';
import type { UserDependencies } from '../dependencies';
import { requireSession } from '../http/session-authentication';
import { decodeKeysetCursor, encodeKeysetCursor } from './paging';

/** Administration of accounts: the `users:*` and `stats:read` permissions (role admin). */
export function adminRoutes(deps: UserDependencies): Router {
  const { logger, pool, sessions, sessionStore } = deps;
  const router = Router();
  const signedIn = requireSession(deps);
  const canRead = requirePermission('users:read', logger);
  const canManage = requirePermission('users:manage', logger);

  /** An administrator cannot lock themselves out, nor leave the system without an administrator that way. */
  function refuseSelf(actorId: string, targetId: string, what: string): void {
    if (actorId === targetId) {
      throw new HttpProblem(409, `You cannot ${what} your own account; ask another administrator.`, {
        type: 'own-account',
      });
    }
  }

  async function targetUser(userId: string) {
    const user = await findUserById(pool, userId);
    if (!user) throw new HttpProblem(404, `No account has the id ${userId}.`);
    return user;
  }

  router.get('/api/v1/admin/users', ...signedIn, canRead, async (req, res) => {
    const limit = Number(req.query['limit'] ?? 20);
    const query = typeof req.query['q'] === 'string' && req.query['q'] !== '' ? req.query['q'] : undefined;
    const after = decodeKeysetCursor(req.query['cursor']);
    const page = await searchUsers(pool, {
      limit,
      ...(query ? { query } : {}),
      ...(req.query['role'] ? { role: req.query['role'] as Role } : {}),
      ...(req.query['status'] ? { status: req.query['status'] as 'active' | 'disabled' } : {}),
      ...(after ? { after } : {}),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: page.users.map(adminAccountView),
      nextCursor: page.next ? encodeKeysetCursor(page.next) : null,
    });
  });

  router.get(
    '/api/v1/admin/users/stats',
    ...signedIn,
    requirePermission('stats:read', logger),
    async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await userStatistics(pool));
    },
  );

  router.get('/api/v1/admin/users/:userId', ...signedIn, canRead, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(adminAccountView(await targetUser(String(req.params['userId']))));
  });

  router.put('/api/v1/admin/users/:userId/roles', ...signedIn, canManage, async (req, res) => {
    const actor = requirePrincipal(res);
    const userId = String(req.params['userId']);
    refuseSelf(actor.userId, userId, 'change the roles of');
    const user = await changeRoles(pool, sessionStore, userId, (req.body as { roles: Role[] }).roles);
    if (!user) throw new HttpProblem(404, `No account has the id ${userId}.`);
    logSecurityEvent(logger, 'roles-change', 'succeeded', {
      actorId: actor.userId,
      userId,
      roles: user.roles,
    });
    res.json(adminAccountView(user));
  });

  router.post('/api/v1/admin/users/:userId/disable', ...signedIn, canManage, async (req, res) => {
    const actor = requirePrincipal(res);
    const userId = String(req.params['userId']);
    refuseSelf(actor.userId, userId, 'disable');
    // Disabled and every refresh-token family revoked together; then the Redis sessions go.
    const user = await inTransaction(pool, async (db) => {
      const disabled = await setDisabled(db, userId, true);
      if (!disabled) throw new HttpProblem(404, `No account has the id ${userId}.`);
      await sessions.revokeAllIn(db, userId, 'account disabled');
      return disabled;
    });
    await sessions.forgetAll(userId);
    logSecurityEvent(logger, 'account-disable', 'succeeded', { actorId: actor.userId, userId });
    res.json(adminAccountView(user));
  });

  router.post('/api/v1/admin/users/:userId/enable', ...signedIn, canManage, async (req, res) => {
    const actor = requirePrincipal(res);
    const userId = String(req.params['userId']);
    const user = await setDisabled(pool, userId, false);
    if (!user) throw new HttpProblem(404, `No account has the id ${userId}.`);
    logSecurityEvent(logger, 'account-enable', 'succeeded', { actorId: actor.userId, userId });
    res.json(adminAccountView(user));
  });

  return router;
}
