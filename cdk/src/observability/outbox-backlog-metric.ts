import { outboxBacklogReport, outboxOwners, type ServiceEntry } from '@what-if/catalog';
import type { EnvironmentConfig } from '../config/environment-config';

/**
 * The CloudWatch metric an outbox owner's backlog becomes (a metric filter on its log group, fed
 * by the line the kit's relay logs once a minute while items wait): how many seconds the oldest
 * item of any of its outboxes is past that outbox's limit, 0 while within it.
 */
export function outboxBacklogMetric(config: EnvironmentConfig, entry: ServiceEntry) {
  return {
    namespace: `WhatIf/${config.name}`,
    metricName: 'OutboxOverdueSeconds',
    dimensions: { Service: entry.name },
    /** The log fields the filter reads: the message and the overdue seconds. */
    filterPattern: `{ $.msg = "${outboxBacklogReport.message}" }`,
    value: `$.${outboxBacklogReport.overdueField}`,
  } as const;
}

/** The services that keep an outbox (catalog outboxes.ts): each has a backlog to watch. */
export const keepsOutbox = (entry: ServiceEntry): boolean => outboxOwners().includes(entry.name);
