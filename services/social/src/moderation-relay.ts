import { moderationActionsPath } from '@what-if/contracts';
import { type Logger, type OutboxRelay, type ServiceClient, createOutboxRelay } from '@what-if/kit';
import type { Registry } from 'prom-client';
import type { OutboxItem } from './store/moderation-outbox';
import type { SocialStore } from './store/social-store';

/**
 * Delivers moderation decisions to the services that own the content, from the outbox, until
 * each acknowledges (2xx): the kit's outbox relay (`outbox="moderation-actions"`) leases the due
 * actions every `intervalMs` (one replica per action) and posts each to
 * `POST /internal/v1/moderation-actions`; a refusal or an unreachable owner leaves the action for
 * a later pass, with backoff capped at 30 s. Started; `stop` waits for a pass under way.
 */
export function startModerationRelay(options: {
  store: Pick<SocialStore, 'moderationOutbox'>;
  clients: Readonly<Record<string, ServiceClient>>;
  logger: Logger;
  registry: Registry;
  intervalMs: number;
}): OutboxRelay {
  const { store, clients, logger } = options;
  const relay = createOutboxRelay<OutboxItem>({
    name: 'moderation-actions',
    store: store.moderationOutbox,
    async deliver(item) {
      const client = clients[item.service];
      if (!client) {
        logger.error(
          { service: item.service, actionId: item.action.id },
          'moderation relay: no client for the owner',
        );
        return 'failed';
      }
      try {
        const response = await client.request({
          method: 'POST',
          path: moderationActionsPath,
          body: item.action,
          idempotent: true,
        });
        if (response.status >= 200 && response.status < 300) return 'delivered';
        logger.warn(
          {
            service: item.service,
            actionId: item.action.id,
            status: response.status,
            attempts: item.attempts + 1,
          },
          'moderation relay: the owner refused a decision; it stays queued',
        );
      } catch (error) {
        logger.warn(
          { service: item.service, actionId: item.action.id, err: error, attempts: item.attempts + 1 },
          'moderation relay: the owner could not be reached; the decision stays queued',
        );
      }
      return 'failed';
    },
    logger,
    registry: options.registry,
    pollMs: options.intervalMs,
  });
  relay.start();
  return relay;
}
