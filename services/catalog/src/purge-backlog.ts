/**
 * How an owner of purge instructions reports a backlog (docs/cross-service.md §2). While any
 * instruction waits, each replica of the owner logs `message` with these fields every
 * `everyMs`; on ECS a metric filter on the service's log group turns the age into a CloudWatch
 * metric, and an alarm fires once it passes `alarmAfterSeconds`. Prometheus reads the same
 * numbers from `purge_outbox_pending` and `purge_outbox_oldest_age_seconds`.
 */
export const purgeBacklogReport = {
  message: 'purge backlog',
  pendingField: 'pending',
  oldestAgeField: 'oldestAgeSeconds',
  everyMs: 60_000,
  /**
   * A delivery is retried at least every 30 s, so an instruction this old has been refused or
   * gone unanswered some ten times: a receiver is down or rejects it, and a person should look.
   */
  alarmAfterSeconds: 300,
} as const;
