import { moderationActionsPath } from '@what-if/contracts';
import type { Logger, ServiceClient } from '@what-if/kit';
import type { SocialStore } from './store/social-store';

export interface ModerationRelay {
  /** One pass: delivers every due action it can lease. Answers how many were acknowledged. */
  deliverDue(): Promise<number>;
  stop(): void;
}

/**
 * Delivers moderation decisions to the services that own the content, from the outbox, until
 * each acknowledges (2xx): every `intervalMs` it leases the due actions (one replica per action)
 * and posts each to `POST /internal/v1/moderation-actions`; a refusal or an unreachable owner
 * leaves the action for a later pass, with backoff capped at 30 s.
 */
export function startModerationRelay(options: {
  store: SocialStore;
  clients: Readonly<Record<string, ServiceClient>>;
  logger: Logger;
  intervalMs: number;
}): ModerationRelay {
  const { store, clients, logger } = options;
  let running: Promise<number> | undefined;

  async function deliverDue(): Promise<number> {
    let acknowledged = 0;
    const now = new Date();
    for (const item of await store.pendingActions(25)) {
      if (item.notBefore > now.getTime() || !(await store.leaseAction(item))) continue;
      const client = clients[item.service];
      if (!client) {
        logger.error(
          { service: item.service, actionId: item.action.id },
          'moderation relay: no client for the owner',
        );
        continue;
      }
      try {
        const response = await client.request({
          method: 'POST',
          path: moderationActionsPath,
          body: item.action,
          idempotent: true,
        });
        if (response.status >= 200 && response.status < 300) {
          await store.acknowledgeAction(item.action.id);
          acknowledged += 1;
        } else {
          logger.warn(
            {
              service: item.service,
              actionId: item.action.id,
              status: response.status,
              attempts: item.attempts + 1,
            },
            'moderation relay: the owner refused a decision; it stays queued',
          );
        }
      } catch (error) {
        logger.warn(
          { service: item.service, actionId: item.action.id, err: error, attempts: item.attempts + 1 },
          'moderation relay: the owner could not be reached; the decision stays queued',
        );
      }
    }
    return acknowledged;
  }

  const timer = setInterval(() => {
    // One pass at a time per replica; a slow owner never piles passes up.
    running ??= deliverDue()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'moderation relay: a pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  timer.unref();

  return {
    deliverDue,
    stop() {
      clearInterval(timer);
    },
  };
}
