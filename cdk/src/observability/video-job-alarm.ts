import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { metricOf } from '../shared/metric-factory';
import { notifyingAlarm } from './alarm-factory';
import { videoJobsFailed } from './video-job-metric';

/** Any video job that exhausted its retries in the last five minutes. */
export function videoJobAlarm(scope: Construct, config: EnvironmentConfig, topic: ITopic): Alarm {
  return notifyingAlarm(scope, 'VideoJobsFailed', topic, {
    alarmName: prefixedName(config.name, 'video-jobs-failed'),
    alarmDescription: `Video jobs failed after their retries (custom metric ${videoJobsFailed.namespace}/${videoJobsFailed.metricName})`,
    metric: metricOf(
      {
        namespace: videoJobsFailed.namespace,
        metricName: videoJobsFailed.metricName,
        dimensions: { [videoJobsFailed.environmentDimension]: config.name },
      },
      'Sum',
      Duration.minutes(5),
    ),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // The metric only exists once a job fails.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
