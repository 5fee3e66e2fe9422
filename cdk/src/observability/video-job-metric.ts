import type { ServiceName } from '@what-if/catalog';

/**
 * The contract for failed video jobs, ahead of the video service itself: when a job has
 * used up its retries (it lands in BullMQ's failed set, the queue's dead letters), the
 * service publishes 1 to this metric with the environment as a dimension. The alarm and
 * the publish permission are built from this one definition.
 */
export const videoJobsFailed = {
  namespace: 'WhatIf',
  metricName: 'VideoJobsFailed',
  environmentDimension: 'Environment',
  publisher: 'video' satisfies ServiceName as ServiceName,
} as const;
