import type { ServiceEntry } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { metricOf } from '../shared/metric-factory';
import { notifyingAlarm } from './alarm-factory';
import { outboxBacklogMetric } from './outbox-backlog-metric';

/**
 * An outbox whose oldest item has waited past its limit (docs/cross-service.md §6; the
 * `OutboxStuck` alert): a deletion, report, share's views or moderation decision some receiver
 * has not acknowledged, as the owner's relay logs it every minute while any waits.
 */
export function outboxStuckAlarm(
  scope: Construct,
  config: EnvironmentConfig,
  entry: ServiceEntry,
  topic: ITopic,
): Alarm {
  const backlog = outboxBacklogMetric(config, entry);
  return notifyingAlarm(scope, `${entry.name}OutboxStuck`, topic, {
    alarmName: prefixedName(config.name, `${entry.name}-outbox-stuck`),
    alarmDescription: `An item in an outbox of ${entry.name} has waited past that outbox's limit for its receiver to acknowledge it (custom metric ${backlog.namespace}/${backlog.metricName}; the relay's log line names the outbox, and its warnings the receiver that refuses)`,
    metric: metricOf(
      { namespace: backlog.namespace, metricName: backlog.metricName, dimensions: backlog.dimensions },
      'Maximum',
      Duration.minutes(1),
    ),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // The relay logs only while something waits: no data is no backlog.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}
