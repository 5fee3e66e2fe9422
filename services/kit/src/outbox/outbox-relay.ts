import { type OutboxName, outboxBacklogReport, outboxes } from '@what-if/catalog';
import type { Registry } from 'prom-client';
import type { Logger } from '../logging';
import { type OutboxBacklog, outboxMetrics } from './outbox-metrics';

/** What became of one delivery attempt. */
export type DeliveryOutcome =
  /** The receiver acknowledged: the item leaves the outbox. */
  | 'delivered'
  /** Refused or unreachable: the item is due again after a backoff. */
  | 'failed'
  /** Nothing is owed any more (what the item was about is gone): the item is dropped. */
  | 'gone';

/**
 * Where an outbox keeps its items (a DynamoDB table: `dynamoOutbox`; any store that can lease).
 * `Entry` is an item as the relay holds it while delivering.
 */
export interface OutboxStore<Entry> {
  /** Up to `limit` items due now, oldest first, each leased to this replica for `leaseMs`. */
  lease(limit: number, leaseMs: number): Promise<Entry[]>;
  /** Failed attempts so far, for the backoff. */
  attempts(entry: Entry): number;
  /** Delivered: the item leaves the outbox. */
  settle(entry: Entry): Promise<void>;
  /** Nothing owed any more: the item goes. */
  drop(entry: Entry): Promise<void>;
  /** Failed: counted, released, and due again after `delayMs`. */
  retryLater(entry: Entry, delayMs: number): Promise<void>;
  /** How many items wait, and since when the oldest. */
  backlog(): Promise<OutboxBacklog>;
}

export interface OutboxRelayOptions<Entry> {
  /** The catalog's name of the outbox: the `outbox` label of its metrics. */
  name: OutboxName;
  store: OutboxStore<Entry>;
  /** One attempt at one item; a throw counts as `failed`. */
  deliver(entry: Entry): Promise<DeliveryOutcome>;
  logger: Logger;
  registry: Registry;
  /** How often the outbox is looked at when nothing nudges the relay. */
  pollMs: number;
  /** Items one lease takes; a pass leases again while leases come back full. */
  batchSize?: number;
  /** How long a replica holds an item: longer than one delivery with its retries can take. */
  leaseMs?: number;
  /** The longest wait between two attempts at one item. */
  maxBackoffMs?: number;
  /**
   * How often, while anything waits, the relay logs the catalog's `outboxBacklogReport` line (the
   * outbox, how many, how old, how far past its limit): on ECS a metric filter reads it.
   */
  backlogReportMs?: number;
  random?: () => number;
}

export interface OutboxRelay {
  /** Starts: a pass at once, then one `pollMs` after the last ended. */
  start(): void;
  /** Something new waits: a pass now rather than at the next poll. */
  nudge(): void;
  /** One pass over what is due, after any pass under way; resolves with how many were delivered. */
  runDue(): Promise<number>;
  /** The outbox's backlog (what the metrics show; calls while a read is under way share it). */
  backlog(): Promise<OutboxBacklog>;
  /** Stops polling and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * The wait before the next attempt at an item that has failed `attempts` times before this
 * failure: from about a second, doubling, capped at `maxBackoffMs`, spread between half and
 * all of that so replicas and items retried together drift apart.
 */
export function outboxRetryDelay(attempts: number, maxBackoffMs: number, random = Math.random): number {
  const ceiling = Math.min(maxBackoffMs, 1_000 * 2 ** Math.min(attempts, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Relays an outbox: one pass at a time per replica leases what is due (so replicas share the
 * work and no two deliver one item at once), delivers item by item (a receiver that is down is
 * not hammered in parallel), settles what was delivered, drops what is owed no more and backs
 * off what failed. Every outbox gets the same metrics (outbox-metrics.ts) and, while anything
 * waits, the same backlog line once a minute (for ECS's alarm).
 */
export function createOutboxRelay<Entry>(options: OutboxRelayOptions<Entry>): OutboxRelay {
  const { name, store, logger } = options;
  const batchSize = options.batchSize ?? 25;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const random = options.random ?? Math.random;
  // Calls while a read is under way share it: both gauges of a scrape (collected together) cost one
  // read. Nothing is kept after it: a scrape right after a delivery shows the delivery.
  let reading: Promise<OutboxBacklog> | undefined;
  function backlog(): Promise<OutboxBacklog> {
    reading ??= store.backlog().finally(() => (reading = undefined));
    return reading;
  }
  const metrics = outboxMetrics(options.registry).register(name, backlog, (error) =>
    logger.warn(
      { err: error, outbox: name },
      'the outbox backlog could not be read for a scrape; its gauges show NaN',
    ),
  );

  async function attempt(entry: Entry): Promise<DeliveryOutcome> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await options.deliver(entry);
    } catch (error) {
      logger.warn({ err: error, outbox: name }, 'outbox delivery failed; it will be retried');
      outcome = 'failed';
    }
    if (outcome === 'delivered') await store.settle(entry);
    else if (outcome === 'gone') await store.drop(entry);
    else await store.retryLater(entry, outboxRetryDelay(store.attempts(entry), maxBackoffMs, random));
    metrics.delivered(outcome);
    return outcome;
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const due = await store.lease(batchSize, leaseMs);
      for (const entry of due) if ((await attempt(entry)) === 'delivered') delivered += 1;
      if (due.length < batchSize) return delivered;
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let reporter: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = true;
  let again = false;
  let current: Promise<number> = Promise.resolve(0);

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = pass()
      .catch((error: unknown) => {
        logger.error({ err: error, outbox: name }, 'the outbox could not be read; retrying');
        return 0;
      })
      .finally(() => {
        running = false;
        const repeat = again;
        again = false;
        schedule(repeat ? 0 : options.pollMs);
      });
  }

  async function reportBacklog(): Promise<void> {
    const read = await backlog();
    if (read.pending === 0) return;
    const oldest = read.oldestSince;
    const age = oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : 0;
    const overdue = Math.max(0, age - outboxes[name].stuckAfterSeconds);
    // A warning once past the outbox's limit; a busy outbox within it is no news.
    logger[overdue > 0 ? 'warn' : 'info'](
      {
        [outboxBacklogReport.outboxField]: name,
        [outboxBacklogReport.pendingField]: read.pending,
        [outboxBacklogReport.oldestAgeField]: age,
        [outboxBacklogReport.overdueField]: overdue,
      },
      outboxBacklogReport.message,
    );
  }

  return {
    start() {
      stopped = false;
      schedule(0);
      reporter = setInterval(
        () =>
          void reportBacklog().catch((error: unknown) =>
            logger.error({ err: error, outbox: name }, 'outbox backlog unreadable'),
          ),
        options.backlogReportMs ?? outboxBacklogReport.everyMs,
      );
      reporter.unref();
    },
    nudge() {
      if (!stopped) schedule(0);
    },
    async runDue() {
      if (running) await current;
      return pass();
    },
    backlog,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(reporter);
      await current;
    },
  };
}
