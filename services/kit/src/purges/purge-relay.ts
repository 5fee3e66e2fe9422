import { type ServiceName, purgeBacklogReport } from '@what-if/catalog';
import { type PurgeInstruction, purgesPath } from '@what-if/contracts';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logging';
import type { ServiceClient } from '../service-client';

/** One instruction waiting in an owner's outbox, with the receivers that have not acknowledged it. */
export interface PendingPurge {
  instruction: PurgeInstruction;
  receivers: readonly ServiceName[];
  attempts: number;
}

/**
 * Where an owning service keeps its purge instructions (a PostgreSQL table in the user service,
 * its own DynamoDB table elsewhere). The instruction is written before the delete it describes.
 */
export interface PurgeOutbox {
  /** Instructions due now, leased to this replica for `leaseMs` so other replicas skip them. */
  lease(limit: number, leaseMs: number): Promise<PendingPurge[]>;
  /** A receiver acknowledged; the record goes once every receiver has. */
  acknowledge(id: string, receiver: ServiceName): Promise<void>;
  /** Delivery failed for some receiver: due again after `delayMs`. */
  retryLater(id: string, delayMs: number): Promise<void>;
  /** For the metrics: how many wait, and since when the oldest. */
  backlog(): Promise<{ pending: number; oldestRequestedAt: Date | undefined }>;
}

export interface PurgeRelayOptions {
  outbox: PurgeOutbox;
  /** A kit service client per receiver (it signs the service token). */
  clients: ReadonlyMap<ServiceName, ServiceClient>;
  /**
   * The owner's own part, for an owner whose outbox cannot share a transaction with its delete
   * (DynamoDB): the owner is then the first receiver of its instructions, and `apply` repeats
   * its delete (idempotently) before the others are told, so an intent whose delete was cut
   * short by a crash is completed.
   */
  local?: { name: ServiceName; apply(instruction: PurgeInstruction): Promise<void> };
  logger: Logger;
  registry: Registry;
  /** How often the outbox is looked at when nothing nudges the relay. */
  pollMs?: number;
  /** The longest wait between two attempts at one instruction. */
  maxBackoffMs?: number;
  /** How often a waiting backlog is logged (the line the ECS alarm's metric filter reads). */
  backlogReportMs?: number;
}

export interface PurgeRelay {
  /** Delivers what is due now; resolves when this pass is done. */
  runOnce(): Promise<void>;
  /** A new instruction was written: deliver it now rather than at the next poll. */
  nudge(): void;
  start(): void;
  stop(): Promise<void>;
}

const batchSize = 25;

/** 1 s, 2 s, 4 s … capped: a receiver that is down is asked again soon, and never hammered. */
export function purgeBackoffMs(attempts: number, maxBackoffMs: number): number {
  return Math.min(maxBackoffMs, 1_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Relays an owner's purge instructions to every receiver with `POST /internal/v1/purges`, at
 * once and then with backoff capped at 30 s, until each has acknowledged (any 2xx). Replicas
 * share the work through the outbox's leases. `purge_outbox_pending` and
 * `purge_outbox_oldest_age_seconds` say how far behind it is.
 */
export function createPurgeRelay(options: PurgeRelayOptions): PurgeRelay {
  const { outbox, clients, logger } = options;
  const pollMs = options.pollMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const leaseMs = 60_000;

  new Gauge({
    name: 'purge_outbox_pending',
    help: 'Purge instructions not yet acknowledged by every receiver',
    registers: [options.registry],
    async collect() {
      this.set((await outbox.backlog().catch(() => ({ pending: Number.NaN }))).pending);
    },
  });
  new Gauge({
    name: 'purge_outbox_oldest_age_seconds',
    help: 'Age of the oldest purge instruction not yet acknowledged by every receiver (0 when none)',
    registers: [options.registry],
    async collect() {
      const backlog = await outbox.backlog().catch(() => undefined);
      if (!backlog) return;
      const oldest = backlog.oldestRequestedAt;
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
    },
  });

  async function deliver(pending: PendingPurge): Promise<void> {
    let failed = false;
    const local = options.local;
    const receivers = [...pending.receivers].sort(
      (a, b) => Number(b === local?.name) - Number(a === local?.name),
    );
    for (const receiver of receivers) {
      const client = clients.get(receiver);
      try {
        if (local && receiver === local.name) {
          await local.apply(pending.instruction);
          await outbox.acknowledge(pending.instruction.id, receiver);
          continue;
        }
        if (!client) throw new Error(`no client for ${receiver}`);
        const answer = await client.request({
          method: 'POST',
          path: purgesPath,
          body: pending.instruction,
          // The receiver applies an instruction id once; repeating it is harmless.
          idempotent: true,
        });
        if (answer.status < 200 || answer.status > 299)
          throw new Error(`${receiver} answered ${answer.status}`);
        await outbox.acknowledge(pending.instruction.id, receiver);
      } catch (error) {
        failed = true;
        logger.warn(
          { err: error, receiver, purge: pending.instruction.id, attempts: pending.attempts + 1 },
          'purge not delivered yet; it will be retried',
        );
      }
    }
    if (failed)
      await outbox.retryLater(pending.instruction.id, purgeBackoffMs(pending.attempts + 1, maxBackoffMs));
  }

  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let reporter: NodeJS.Timeout | undefined;

  // While anything waits, one line a minute says how much and how old: on ECS a metric filter
  // makes the age a CloudWatch metric and an alarm watches it (catalog purgeBacklogReport).
  async function reportBacklog(): Promise<void> {
    const backlog = await outbox.backlog();
    if (backlog.pending === 0) return;
    const oldest = backlog.oldestRequestedAt;
    logger.warn(
      {
        [purgeBacklogReport.pendingField]: backlog.pending,
        [purgeBacklogReport.oldestAgeField]: oldest
          ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000))
          : 0,
      },
      purgeBacklogReport.message,
    );
  }
  let stopped = true;

  async function pass(): Promise<void> {
    for (;;) {
      const due = await outbox.lease(batchSize, leaseMs);
      for (const pending of due) await deliver(pending);
      if (due.length < batchSize) return;
    }
  }

  function runOnce(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => logger.error({ err: error }, 'purge relay pass failed'))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void runOnce();
        }
      });
    return running;
  }

  return {
    runOnce,
    nudge() {
      if (!stopped) void runOnce();
    },
    start() {
      stopped = false;
      timer = setInterval(() => void runOnce(), pollMs);
      timer.unref();
      reporter = setInterval(
        () =>
          void reportBacklog().catch((error: unknown) =>
            logger.error({ err: error }, 'purge backlog unreadable'),
          ),
        options.backlogReportMs ?? purgeBacklogReport.everyMs,
      );
      reporter.unref();
      void runOnce();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (reporter) clearInterval(reporter);
      await running;
    },
  };
}
