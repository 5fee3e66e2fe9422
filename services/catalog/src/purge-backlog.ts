import { outboxes } from './outboxes';

/**
 * How an owner of purge instructions reports a backlog (docs/cross-service.md §2). While any
 * instruction waits, each replica of the owner logs `message` with these fields every
 * `everyMs`; on ECS a metric filter on the service's log group turns the age into a CloudWatch
 * metric, and an alarm fires once it passes `alarmAfterSeconds`. Prometheus reads the same
 * numbers from `outbox_oldest_age_seconds{outbox="purges"}` (the `OutboxStuck` alert).
 */
export const purgeBacklogReport = {
  message: 'purge backlog',
  pendingField: 'pending',
  oldestAgeField: 'oldestAgeSeconds',
  everyMs: 60_000,
  /** The purge outbox's limit in the catalog (the same as the Prometheus alert's). */
  alarmAfterSeconds: outboxes.purges.stuckAfterSeconds,
} as const;
