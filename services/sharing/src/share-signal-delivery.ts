import { shareSignalsPath } from '@what-if/contracts';
import {
  type Logger,
  type OutboxRelay,
  type ServiceClient,
  createOutboxRelay,
  namedBacklogGauges,
} from '@what-if/kit';
import type { Registry } from 'prom-client';
import type { SignalsItem } from './store/share-signals';
import type { ShareStore } from './store/share-store';

/**
 * Shares and views reach social's trending (`PUT /internal/v1/share-signals/{slug}`) through the
 * signal outbox in sharing's own table (store/share-signals.ts): a counted view raises the share's
 * version and lists it there, and whichever replica gets to it first sends the share's whole
 * state (its scenario, when it was made, its unique views per day), until social acknowledges.
 * While social is down the views wait and are sent once it is back; views that arrive while a
 * share waits ride the same delivery. Social keeps a snapshot only when it is newer than the one
 * it holds, so a repeat or a late delivery is harmless. The relay is the kit's
 * (`outbox="share-signals"`).
 */
export interface ShareSignalDeliveryOptions {
  store: Pick<ShareStore, 'signalOutbox' | 'signalsSnapshot'>;
  social: ServiceClient;
  logger: Logger;
  registry: Registry;
  /**
   * How often a replica looks (5 s). Views are not nudged: waiting gathers a busy share's views
   * into one delivery, and trending ranks once a minute anyway.
   */
  pollMs?: number;
}

export function createShareSignalDelivery(options: ShareSignalDeliveryOptions): OutboxRelay {
  const { store, social, logger } = options;
  const relay = createOutboxRelay<SignalsItem>({
    name: 'share-signals',
    store: store.signalOutbox,
    async deliver({ slug, version }) {
      const signals = await store.signalsSnapshot(slug, version);
      // The share is gone (a view that raced its delete wrote the item): its purge tells social.
      if (!signals) return 'gone';
      try {
        const response = await social.request({
          method: 'PUT',
          path: shareSignalsPath(slug),
          body: signals,
          idempotent: true,
        });
        if (response.status >= 200 && response.status < 300) return 'delivered';
        logger.warn(
          { slug, status: response.status },
          "social refused a share's views; they will be sent again",
        );
      } catch (error) {
        logger.warn({ err: error, slug }, "a share's views could not reach social; they will be sent again");
      }
      return 'failed';
    },
    logger,
    registry: options.registry,
    pollMs: options.pollMs ?? 5_000,
  });
  // The outbox's figures under the names dashboards and queries read before every outbox had the kit's.
  namedBacklogGauges({
    registry: options.registry,
    pending: {
      name: 'sharing_signal_outbox_pending',
      help: 'Shares with views social has not yet acknowledged (also outbox_pending{outbox="share-signals"})',
    },
    oldestAge: {
      name: 'sharing_signal_outbox_oldest_age_seconds',
      help: 'How long the share longest waiting in the signal outbox has waited, 0 when none waits (also outbox_oldest_age_seconds{outbox="share-signals"})',
    },
    backlog: () => relay.backlog(),
  });
  return relay;
}
