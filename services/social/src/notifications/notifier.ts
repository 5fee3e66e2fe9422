import type { Logger } from '@what-if/kit';
import type { NotificationStore } from '../store/notification-store';
import type { NewNotification } from '../store/notifications';

/** Hears that a user's notifications changed (the live streams of this replica). */
export type ChangeListener = () => void;

export interface Notifier {
  /**
   * Tells a user about something that happened (its write already succeeded): nothing for
   * their own doing, a type they turned off, or someone they block or who blocks them. Never
   * throws: the write it follows stands, and a failure costs the notification (logged).
   */
  notify(notification: NewNotification): Promise<void>;
  /** Live updates of this replica for one user; answers how to stop listening. */
  subscribe(userId: string, listener: ChangeListener): () => void;
  /** Tells this replica's listeners that the user's notifications changed (a read elsewhere in this replica). */
  changed(userId: string): void;
}

export function createNotifier(deps: {
  store: NotificationStore;
  blockedEitherWay: (oneId: string, otherId: string) => Promise<boolean>;
  logger: Logger;
}): Notifier {
  const listeners = new Map<string, Set<ChangeListener>>();

  function changed(userId: string): void {
    for (const listener of listeners.get(userId) ?? []) listener();
  }

  return {
    async notify(notification) {
      const { recipientId, actorId } = notification;
      if (actorId === recipientId) return;
      try {
        const [disabled, blocked] = await Promise.all([
          deps.store.disabledTypes(recipientId),
          actorId ? deps.blockedEitherWay(recipientId, actorId) : false,
        ]);
        if (disabled.has(notification.type) || blocked) return;
        await deps.store.add(notification);
        changed(recipientId);
      } catch (error) {
        deps.logger.error({ err: error, type: notification.type, recipientId }, 'notification not recorded');
      }
    },
    subscribe(userId, listener) {
      const forUser = listeners.get(userId) ?? new Set<ChangeListener>();
      forUser.add(listener);
      listeners.set(userId, forUser);
      return () => {
        forUser.delete(listener);
        if (forUser.size === 0) listeners.delete(userId);
      };
    },
    changed,
  };
}
