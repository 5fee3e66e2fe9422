import { service, type ServiceName } from '@what-if/catalog';

/** What the video worker publishes to CloudWatch, from the catalog: its queue's depth and failed jobs. */
export const workerMetrics = service('video').workers![0]!.cloudWatch;

/**
 * Failed video jobs: when a job has used up its retries (or failed in a way no retry mends),
 * the worker publishes it to this metric with the environment as a dimension. The alarm and the
 * publish permission are built from this one definition.
 */
export const videoJobsFailed = {
  namespace: workerMetrics.namespace,
  metricName: workerMetrics.jobsFailed,
  environmentDimension: workerMetrics.environmentDimension,
  publisher: 'video' satisfies ServiceName as ServiceName,
} as const;
