import { HttpProblem, authenticate, openEventStream, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { pageBody, readPageQuery } from '../page-query';
import { type NotificationItem, type NotificationType, notificationTypes } from '../store/notifications';

/** A comment line this often keeps a live stream open through the gateway and load balancers. */
const heartbeatMs = 15_000;
/**
 * How often a live stream reads the unread count: a notification written by another replica
 * shows within this; one written by this replica shows at once.
 */
const pollMs = 5_000;

/** A notification as its recipient sees it: ids only; the client names the actors. */
export function notificationView(item: NotificationItem) {
  const named = [...(item.actors ?? [])];
  const latest = item.lastActorId ?? null;
  const others = named.filter((actor) => actor !== latest);
  return {
    id: item.id,
    type: item.type,
    read: item.read,
    subject: item.subject,
    actors: {
      count: named.length + (item.overflow ?? 0),
      latest,
      sample: [...(latest ? [latest] : []), ...others].slice(0, 3),
    },
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

function preferencesView(disabled: ReadonlySet<NotificationType>) {
  return { types: Object.fromEntries(notificationTypes.map((type) => [type, !disabled.has(type)])) };
}

/** The caller's notifications: list, unread count, mark read, preferences and a live stream. */
export function notificationRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });
  const store = deps.notificationStore;

  router.get('/api/v1/social/notifications', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const page = await store.list({
      userId: me,
      ...readPageQuery(req),
      // The validator may have made it a boolean already.
      unreadOnly: String(req.query['unread']) === 'true',
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(pageBody(page, notificationView));
  });

  router.get('/api/v1/social/notifications/unread-count', signedIn, async (_req, res) => {
    const me = requirePrincipal(res).userId;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ unread: (await store.unread(me)).unread });
  });

  router.post('/api/v1/social/notifications/read', signedIn, async (_req, res) => {
    const me = requirePrincipal(res).userId;
    await store.markAllRead(me);
    deps.notifier.changed(me);
    res.status(204).end();
  });

  router.post('/api/v1/social/notifications/:notificationId/read', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const id = String(req.params['notificationId']);
    if (!(await store.markRead(me, id)))
      throw new HttpProblem(404, `You have no notification with the id ${id}.`);
    deps.notifier.changed(me);
    res.status(204).end();
  });

  router.get('/api/v1/social/notifications/preferences', signedIn, async (_req, res) => {
    const me = requirePrincipal(res).userId;
    res.setHeader('Cache-Control', 'no-store');
    res.json(preferencesView(await store.disabledTypes(me)));
  });

  router.put('/api/v1/social/notifications/preferences', signedIn, async (req, res) => {
    const me = requirePrincipal(res).userId;
    const asked = (req.body as { types: Partial<Record<NotificationType, boolean>> }).types;
    const disabled = await store.disabledTypes(me);
    for (const type of notificationTypes) {
      if (asked[type] === false) disabled.add(type);
      if (asked[type] === true) disabled.delete(type);
    }
    await store.setDisabledTypes(me, disabled);
    res.setHeader('Cache-Control', 'no-store');
    res.json(preferencesView(disabled));
  });

  router.get('/api/v1/social/notifications/stream', signedIn, async (_req, res) => {
    const me = requirePrincipal(res).userId;
    const stream = openEventStream(res, heartbeatMs);
    let closed = false;
    let shownVersion = -1;
    let reading: Promise<void> | undefined;
    let again = false;
    // One read at a time; a change heard meanwhile reads once more when it is done.
    const check = (): void => {
      if (closed) return;
      if (reading) {
        again = true;
        return;
      }
      reading = store
        .unread(me)
        .then((state) => {
          if (closed || state.version === shownVersion) return;
          shownVersion = state.version;
          stream.send('unread', { unread: state.unread });
        })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'notification stream could not read the count'),
        )
        .finally(() => {
          reading = undefined;
          if (again) {
            again = false;
            check();
          }
        });
    };
    const unsubscribe = deps.notifier.subscribe(me, check);
    const poll = setInterval(check, pollMs);
    res.once('close', () => {
      closed = true;
      unsubscribe();
      clearInterval(poll);
      stream.end();
    });
    check();
  });

  return router;
}
