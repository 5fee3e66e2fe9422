import type { ServiceEntry } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { metricOf } from '../shared/metric-factory';
import { notifyingAlarm } from './alarm-factory';
import { purgeBacklogMetric } from './purge-backlog-metric';

/**
 * A deletion some receiver has not acknowledged for too long (docs/cross-service.md §2): the
 * oldest waiting instruction of a purge owner, as its relay logs it every minute while any waits.
 */
export function purgeBacklogAlarm(
  scope: Construct,
  config: EnvironmentConfig,
  entry: ServiceEntry,
  topic: ITopic,
): Alarm {
  const backlog = purgeBacklogMetric(config, entry);
  return notifyingAlarm(scope, `${entry.name}PurgeBacklog`, topic, {
    alarmName: prefixedName(config.name, `${entry.name}-purge-backlog`),
    alarmDescription: `A deletion ${entry.name} relays has waited more than ${backlog.thresholdSeconds} s for a receiver to acknowledge it (custom metric ${backlog.namespace}/${backlog.metricName}; the relay's log names the receiver that refuses)`,
    metric: metricOf(
      { namespace: backlog.namespace, metricName: backlog.metricName, dimensions: backlog.dimensions },
      'Maximum',
      Duration.minutes(1),
    ),
    threshold: backlog.thresholdSeconds,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // The relay logs only while something waits: no data is no backlog.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
