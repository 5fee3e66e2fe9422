import type { ServiceName } from '@what-if/catalog';
import { type PurgeInstruction, purgesPath } from '@what-if/contracts';
import type { Registry } from 'prom-client';
import type { Logger } from '../logging';
import { namedBacklogGauges } from '../outbox/outbox-metrics';
import { type DeliveryOutcome, createOutboxRelay } from '../outbox/outbox-relay';
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
  /** How often a waiting backlog is logged (the line the ECS alarm's metric filter reads; once a minute). */
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

/**
 * Relays an owner's purge instructions to every receiver with `POST /internal/v1/purges`, at
 * once and then with backoff capped at 30 s, until each has acknowledged (any 2xx): the kit's
 * outbox relay (`outbox="purges"` in its metrics) over the owner's `PurgeOutbox`. Replicas
 * share the work through the outbox's leases. `purge_outbox_pending` and
 * `purge_outbox_oldest_age_seconds` are the same figures under their earlier names.
 */
export function createPurgeRelay(options: PurgeRelayOptions): PurgeRelay {
  const { outbox, clients, logger } = options;

  async function backlog() {
    const read = await outbox.backlog();
    return { pending: read.pending, oldestSince: read.oldestRequestedAt };
  }

  /** Every receiver still owed the instruction, the owner's own part first. */
  async function deliver(pending: PendingPurge): Promise<DeliveryOutcome> {
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
    return failed ? 'failed' : 'delivered';
  }

  const relay = createOutboxRelay<PendingPurge>({
    name: 'purges',
    store: {
      lease: (limit, leaseMs) => outbox.lease(limit, leaseMs),
      attempts: (pending) => pending.attempts,
      // Each receiver's acknowledgement took it off; the last one's removed the record.
      settle: async () => undefined,
      drop: async () => undefined,
      retryLater: (pending, delayMs) => outbox.retryLater(pending.instruction.id, delayMs),
      backlog,
    },
    deliver,
    logger,
    registry: options.registry,
    pollMs: options.pollMs ?? 5_000,
    leaseMs: 60_000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    ...(options.backlogReportMs ? { backlogReportMs: options.backlogReportMs } : {}),
  });

  namedBacklogGauges({
    registry: options.registry,
    pending: {
      name: 'purge_outbox_pending',
      help: 'Purge instructions not yet acknowledged by every receiver (also outbox_pending{outbox="purges"})',
    },
    oldestAge: {
      name: 'purge_outbox_oldest_age_seconds',
      help: 'Age of the oldest purge instruction not yet acknowledged by every receiver, 0 when none (also outbox_oldest_age_seconds{outbox="purges"})',
    },
    backlog: relay.backlog,
  });

  return {
    runOnce: async () => {
      await relay.runDue();
    },
    nudge: () => relay.nudge(),
    start: () => relay.start(),
    stop: () => relay.stop(),
  };
}
