import { purgeBacklogReport, type ServiceEntry } from '@what-if/catalog';
import type { EnvironmentConfig } from '../config/environment-config';

/**
 * The CloudWatch metric a purge owner's backlog becomes (a metric filter on its log group, fed
 * by the line the kit's relay logs while instructions wait), and the alarm's reading of it.
 */
export function purgeBacklogMetric(config: EnvironmentConfig, entry: ServiceEntry) {
  return {
    namespace: `WhatIf/${config.name}`,
    metricName: 'PurgeOutboxOldestAgeSeconds',
    dimensions: { Service: entry.name },
    /** The log fields the filter reads: the message, the age, and the service it came from. */
    filterPattern: `{ $.msg = "${purgeBacklogReport.message}" }`,
    value: `$.${purgeBacklogReport.oldestAgeField}`,
    thresholdSeconds: purgeBacklogReport.alarmAfterSeconds,
  } as const;
}

/** The services that own purge instructions and so relay them: each has a backlog to watch. */
export const ownsPurges = (entry: ServiceEntry): boolean => (entry.purges?.owns ?? []).length > 0;
