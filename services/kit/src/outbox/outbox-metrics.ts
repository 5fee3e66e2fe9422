import type { OutboxName } from '@what-if/catalog';
import { Counter, Gauge, type Registry } from 'prom-client';
import { scrapeRead } from '../metrics';

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
  /** Each outbox's backlog as a scrape reads it: bounded, one read per scrape, undefined when unreadable. */
  backlogs: Map<OutboxName, () => Promise<OutboxBacklog | undefined>>;
  deliveries: Counter<'outbox' | 'outcome'>;
}

const byRegistry = new WeakMap<Registry, RegistryOutboxes>();

/** Every outbox's backlog, read once for both gauges of a scrape (undefined: unreadable). */
async function readBacklogs(outboxes: RegistryOutboxes): Promise<Map<OutboxName, OutboxBacklog | undefined>> {
  return new Map(
    await Promise.all([...outboxes.backlogs].map(async ([name, read]) => [name, await read()] as const)),
  );
}

/** How long the oldest item has waited, 0 when none waits. */
function ageSeconds(backlog: OutboxBacklog): number {
  const oldest = backlog.oldestSince;
  return oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0;
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
    help: 'How long the oldest item of an outbox has waited (0 when none waits, NaN while the outbox cannot be read)',
    labelNames: ['outbox'] as const,
    registers: [registry],
    async collect() {
      for (const [outbox, backlog] of await backlogs())
        this.set({ outbox }, backlog ? ageSeconds(backlog) : Number.NaN);
    },
  });
  return outboxes;
}

/**
 * The metrics every outbox has, labelled `outbox` with its catalog name: `outbox_pending` and
 * `outbox_oldest_age_seconds` (read from the outbox when scraped, once per scrape, within the kit's
 * `scrapeReadDeadlineMs`: a store that does not answer in time leaves both NaN for that scrape,
 * counted in `metric_read_failures_total{read="outbox <name>"}`, and the rest of the scrape
 * arrives) and `outbox_deliveries_total`. One set per registry, shared by the outboxes of a service.
 */
export function outboxMetrics(registry: Registry): {
  register(
    name: OutboxName,
    backlog: () => Promise<OutboxBacklog>,
    onReadFailure?: (error: unknown) => void,
  ): OutboxMetrics;
} {
  let outboxes = byRegistry.get(registry);
  if (!outboxes) {
    outboxes = createRegistryOutboxes(registry);
    byRegistry.set(registry, outboxes);
  }
  const shared = outboxes;
  return {
    register(name, backlog, onReadFailure) {
      shared.backlogs.set(
        name,
        scrapeRead({
          registry,
          name: `outbox ${name}`,
          read: backlog,
          ...(onReadFailure && { onFailure: onReadFailure }),
        }),
      );
      return { delivered: (outcome) => shared.deliveries.inc({ outbox: name, outcome }) };
    },
  };
}

/**
 * An outbox's pending count and oldest age under names of its own as well: the figures some
 * outboxes had before every outbox had the kit's, kept for the dashboards and queries that read them.
 * Read as the kit's are (bounded, once per scrape; NaN when unreadable, counted under the pending
 * gauge's name in `metric_read_failures_total`).
 */
export function namedBacklogGauges(options: {
  registry: Registry;
  pending: { name: string; help: string };
  oldestAge: { name: string; help: string };
  backlog: () => Promise<OutboxBacklog>;
}): void {
  const backlog = scrapeRead({
    registry: options.registry,
    name: options.pending.name,
    read: options.backlog,
  });
  new Gauge({
    ...options.pending,
    registers: [options.registry],
    async collect() {
      this.set((await backlog())?.pending ?? Number.NaN);
    },
  });
  new Gauge({
    ...options.oldestAge,
    registers: [options.registry],
    async collect() {
      const read = await backlog();
      this.set(read ? ageSeconds(read) : Number.NaN);
    },
  });
}
