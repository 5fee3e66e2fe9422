import { services } from './services';
import type { ServiceName } from './types';

/**
 * The outboxes of the product: durable queues in a service's own store whose items a relay
 * delivers to another service until it acknowledges (docs/cross-service.md). Every relay is the
 * kit's, so each outbox has the same metrics, labelled with its name here: `outbox_pending`,
 * `outbox_oldest_age_seconds` and `outbox_deliveries_total{outcome}`; the `OutboxStuck` alert
 * fires when an outbox's oldest item has waited past `stuckAfterSeconds` (on ECS, the alarm
 * `{service}-outbox-stuck`, from `outboxBacklogReport`).
 */
export interface OutboxDefinition {
  /** The services that keep one (each replica of them relays it). */
  owners: readonly ServiceName[];
  /** What waits in it, for alerts and runbooks. */
  carries: string;
  /**
   * How long the oldest item may wait before a person should look. Every relay retries an item
   * at least every 30 s, so an item this old has been refused or unanswered many times over.
   */
  stuckAfterSeconds: number;
}

export const outboxes = {
  purges: {
    owners: services.filter((entry) => (entry.purges?.owns ?? []).length > 0).map((entry) => entry.name),
    carries: 'deletion instructions on their way to every receiver (deletion promises one minute)',
    stuckAfterSeconds: 300,
  },
  reports: {
    owners: ['sharing'],
    carries: "abuse reports on their way to social's moderation queue",
    stuckAfterSeconds: 600,
  },
  'share-signals': {
    owners: ['sharing'],
    carries: "shares' views on their way to social's trending",
    stuckAfterSeconds: 600,
  },
  'moderation-actions': {
    owners: ['social'],
    carries: 'moderation decisions on their way to the service that owns the content',
    stuckAfterSeconds: 300,
  },
} as const satisfies Record<string, OutboxDefinition>;

export type OutboxName = keyof typeof outboxes;

export const outboxNames = Object.keys(outboxes) as OutboxName[];

/** The services that keep at least one outbox. */
export function outboxOwners(): ServiceName[] {
  return services
    .map((entry) => entry.name)
    .filter((name) =>
      outboxNames.some((outbox) => (outboxes[outbox].owners as readonly string[]).includes(name)),
    );
}

/**
 * How a relay reports a backlog for those who cannot scrape its metrics (ECS). While any item
 * of an outbox waits, each replica logs `message` with these fields every `everyMs`: the
 * outbox, how many wait, how old the oldest is, and by how much that exceeds the outbox's limit
 * (0 while within it). On ECS a metric filter on the service's log group turns
 * `overdueField` into a CloudWatch metric, and the alarm `{service}-outbox-stuck` fires once it
 * is above 0: the same reading as the `OutboxStuck` alert.
 */
export const outboxBacklogReport = {
  message: 'outbox backlog',
  outboxField: 'outbox',
  pendingField: 'pending',
  oldestAgeField: 'oldestAgeSeconds',
  overdueField: 'overdueSeconds',
  everyMs: 60_000,
} as const;
