import type { OutboxName } from '@what-if/catalog';
import { Counter, Gauge, type Registry } from 'prom-client';

/** How far behind an outbox is. */
export interface OutboxBacklog {
  /** Items not yet delivered. */
  pending: number;
  /** When the oldest of them began to wait (undefined when none waits). */
  oldestSince: Date | undefined;
}

export interface OutboxMetrics {
  /** Counts one delivery attempt's outcome. */
  delivered(outcome: 'delivered' | 'failed' | 'gone'): void;
}

interface RegistryOutboxes {
  backlogs: Map<OutboxName, () => Promise<OutboxBacklog>>;
  deliveries: Counter<'outbox' | 'outcome'>;
}

const byRegistry = new WeakMap<Registry, RegistryOutboxes>();

/** Every outbox's backlog, read once for both gauges of a scrape (undefined: unreadable). */
async function readBacklogs(outboxes: RegistryOutboxes): Promise<Map<OutboxName, OutboxBacklog | undefined>> {
  return new Map(
    await Promise.all(
      [...outboxes.backlogs].map(
        async ([name, read]) => [name, await read().catch(() => undefined)] as const,
      ),
    ),
  );
}

function createRegistryOutboxes(registry: Registry): RegistryOutboxes {
  const outboxes: RegistryOutboxes = {
    backlogs: new Map(),
    deliveries: new Counter({
      name: 'outbox_deliveries_total',
      help: 'Delivery attempts from an outbox by outcome: delivered, failed (retried after a backoff), gone (nothing owed any more)',
      labelNames: ['outbox', 'outcome'] as const,
      registers: [registry],
    }),
  };
  const backlogs = () => readBacklogs(outboxes);
  new Gauge({
    name: 'outbox_pending',
    help: 'Items waiting in an outbox for their receiver to acknowledge them (NaN while the outbox cannot be read)',
    labelNames: ['outbox'] as const,
    registers: [registry],
    async collect() {
      for (const [outbox, backlog] of await backlogs()) this.set({ outbox }, backlog?.pending ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'outbox_oldest_age_seconds',
    help: 'How long the oldest item of an outbox has waited (0 when none waits)',
    labelNames: ['outbox'] as const,
    registers: [registry],
    async collect() {
      for (const [outbox, backlog] of await backlogs()) {
        if (!backlog) continue;
        const oldest = backlog.oldestSince;
        this.set({ outbox }, oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
      }
    },
  });
  return outboxes;
}

/**
 * The metrics every outbox has, labelled `outbox` with its catalog name: `outbox_pending` and
 * `outbox_oldest_age_seconds` (read from the outbox when scraped) and `outbox_deliveries_total`.
 * One set per registry, shared by the outboxes of a service; `backlog` should serve the calls of
 * one scrape from one read (the relay's does).
 */
export function outboxMetrics(registry: Registry): {
  register(name: OutboxName, backlog: () => Promise<OutboxBacklog>): OutboxMetrics;
} {
  let outboxes = byRegistry.get(registry);
  if (!outboxes) {
    outboxes = createRegistryOutboxes(registry);
    byRegistry.set(registry, outboxes);
  }
  const shared = outboxes;
  return {
    register(name, backlog) {
      shared.backlogs.set(name, backlog);
      return { delivered: (outcome) => shared.deliveries.inc({ outbox: name, outcome }) };
    },
  };
}

/**
 * An outbox's pending count and oldest age under names of its own as well: the figures some
 * outboxes had before every outbox had the kit's, kept for the dashboards and queries that read them.
 */
export function namedBacklogGauges(options: {
  registry: Registry;
  pending: { name: string; help: string };
  oldestAge: { name: string; help: string };
  backlog: () => Promise<OutboxBacklog>;
}): void {
  const { backlog } = options;
  new Gauge({
    ...options.pending,
    registers: [options.registry],
    async collect() {
      this.set((await backlog().catch(() => ({ pending: Number.NaN }))).pending);
    },
  });
  new Gauge({
    ...options.oldestAge,
    registers: [options.registry],
    async collect() {
      const read = await backlog().catch(() => undefined);
      if (!read) return;
      const oldest = read.oldestSince;
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
    },
  });
}
