import { service } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { metricOf } from '../shared/metric-factory';
import { notifyingAlarm } from './alarm-factory';
import { workerMetrics } from './video-job-metric';

/**
 * More jobs waiting than the workers at their maximum take, for ten minutes: the VideoQueueBacklog
 * alert's counterpart, on the queue depth the worker publishes and scales on.
 */
export function videoQueueAlarm(scope: Construct, config: EnvironmentConfig, topic: ITopic): Alarm {
  const worker = service('video').workers![0]!;
  const capacity = worker.scaling.jobsPerReplica * worker.scaling.maxReplicas;
  return notifyingAlarm(scope, 'VideoQueueBacklog', topic, {
    alarmName: prefixedName(config.name, 'video-queue-backlog'),
    alarmDescription: `More than ${capacity} video jobs waiting for 10 minutes: the workers at their maximum of ${worker.scaling.maxReplicas} do not keep up (runbooks/alerts.md#videoqueuebacklog)`,
    metric: metricOf(
      {
        namespace: workerMetrics.namespace,
        metricName: workerMetrics.queueDepth,
        dimensions: { [workerMetrics.environmentDimension]: config.name },
      },
      // Every worker publishes the same depth: the maximum is the queue's.
      'Maximum',
      Duration.minutes(1),
    ),
    threshold: capacity,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 10,
    datapointsToAlarm: 10,
    // No workers publishing means no queue to watch, not a backlog.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
