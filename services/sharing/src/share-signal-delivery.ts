import { randomUUID } from 'node:crypto';
import { shareSignalsPath } from '@what-if/contracts';
import type { Logger, ServiceClient } from '@what-if/kit';
import { createOutboxPoller } from './outbox-poller';
import { nextAttemptDelay } from './report-delivery';
import type { SharingMetrics } from './sharing-metrics';
import type { ShareStore } from './store/share-store';

/**
 * Shares and views reach social's trending (`PUT /internal/v1/share-signals/{slug}`) through the
 * signal outbox in sharing's own table (store/share-signals.ts): a counted view raises the share's
 * version and lists it there, and whichever replica gets to it first sends the share's whole
 * state (its scenario, when it was made, its unique views per day), until social acknowledges.
 * While social is down the views wait and are sent once it is back; views that arrive while a
 * share waits ride the same delivery. Social keeps a snapshot only when it is newer than the one
 * it holds, so a repeat or a late delivery is harmless.
 */
export interface ShareSignalDelivery {
  /** Starts delivering: at once, then every `pollMs`. */
  start(): void;
  /** One pass over what is due; resolves with how many shares were delivered (tests, shutdown). */
  deliverDue(): Promise<number>;
  stop(): Promise<void>;
}

export interface ShareSignalDeliveryOptions {
  store: Pick<
    ShareStore,
    | 'pendingSignals'
    | 'leaseSignals'
    | 'signalsSnapshot'
    | 'signalsDelivered'
    | 'postponeSignals'
    | 'dropSignals'
  >;
  social: ServiceClient;
  logger: Logger;
  metrics: SharingMetrics;
  /**
   * How often a replica looks (5 s). Views are not nudged: waiting gathers a busy share's views
   * into one delivery, and trending ranks once a minute anyway.
   */
  pollMs?: number;
  /** The longest wait between two attempts at one share (30 s). */
  maxBackoffMs?: number;
  /** Shares one round delivers before it reads the outbox again (25). */
  batch?: number;
  now?: () => number;
}

export function createShareSignalDelivery(options: ShareSignalDeliveryOptions): ShareSignalDelivery {
  const pollMs = options.pollMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const batch = options.batch ?? 25;
  const now = options.now ?? Date.now;
  const leaseMs = 30_000;
  const holder = randomUUID();
  const { store, social, logger, metrics } = options;

  async function attempt(slug: string, attempts: number): Promise<boolean> {
    const version = await store.leaseSignals(slug, holder, now(), leaseMs);
    if (version === undefined) return false;
    const signals = await store.signalsSnapshot(slug, version);
    if (!signals) {
      await store.dropSignals(slug);
      metrics.signalDeliveries.inc({ outcome: 'gone' });
      return false;
    }
    try {
      const response = await social.request({
        method: 'PUT',
        path: shareSignalsPath(slug),
        body: signals,
        idempotent: true,
      });
      if (response.status >= 200 && response.status < 300) {
        await store.signalsDelivered(slug, holder, version);
        metrics.signalDeliveries.inc({ outcome: 'delivered' });
        return true;
      }
      logger.warn(
        { slug, status: response.status },
        "social refused a share's views; they will be sent again",
      );
    } catch (error) {
      logger.warn({ err: error, slug }, "a share's views could not reach social; they will be sent again");
    }
    metrics.signalDeliveries.inc({ outcome: 'failed' });
    await store.postponeSignals(slug, holder, now() + nextAttemptDelay(attempts, maxBackoffMs));
    return false;
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const waiting = await store.pendingSignals(now(), batch);
      let deliveredNow = 0;
      // One at a time: a down social is not hammered in parallel.
      for (const entry of waiting.due) if (await attempt(entry.slug, entry.attempts)) deliveredNow += 1;
      delivered += deliveredNow;
      const left = waiting.pending - deliveredNow;
      metrics.signalOutboxPending.set(left);
      metrics.signalOutboxOldestAge.set(
        left > 0 && waiting.oldestPendingSince
          ? Math.max(0, (now() - Date.parse(waiting.oldestPendingSince)) / 1000)
          : 0,
      );
      // A full round may have left more due: go on while rounds deliver everything they took.
      if (waiting.due.length < batch || deliveredNow < waiting.due.length) return delivered;
    }
  }

  const poller = createOutboxPoller({
    pass,
    pollMs,
    logger,
    failure: 'the signal outbox could not be read; retrying',
  });
  return {
    start: () => poller.start(),
    deliverDue: () => poller.runDue(),
    stop: () => poller.stop(),
  };
}
