import type { ServiceEntry } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { errorRateThresholdPercent } from '../shared/error-rate';
import { errorRatePercent, latencyAlarmMetric, metricOf } from '../shared/metric-factory';
import {
  runningTasks,
  serviceUtilization,
  trafficMetrics,
  type TrafficSource,
} from '../shared/traffic-metrics';
import { notifyingAlarm } from './alarm-factory';

export interface ServiceAlarmsProps {
  readonly config: EnvironmentConfig;
  readonly entry: ServiceEntry;
  readonly source: TrafficSource;
  readonly topic: ITopic;
}

/**
 * The alarm set every catalog service gets: 5xx burning the error budget, p99 over the
 * catalog objective, CPU and memory saturation, and fewer running tasks than its minimum.
 */
export class ServiceAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const { config, entry, source, topic } = props;
    const thresholds = config.observability.alarms;
    const traffic = trafficMetrics(entry, source);
    const minute = Duration.minutes(1);
    const fiveMinutes = Duration.minutes(5);
    const name = (suffix: string) => prefixedName(config.name, entry.name, suffix);
    const latency = latencyAlarmMetric(entry, traffic.latency, fiveMinutes);

    this.alarms = [
      notifyingAlarm(this, 'ServerErrors', topic, {
        alarmName: name('5xx'),
        alarmDescription: `${entry.name}: 5xx share burns the ${entry.latency.availability * 100} % objective ${thresholds.errorBudgetBurnRate}x too fast`,
        metric: errorRatePercent(traffic.requests, traffic.serverErrors, fiveMinutes),
        threshold: errorRateThresholdPercent(entry, thresholds.errorBudgetBurnRate),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      notifyingAlarm(this, 'Latency', topic, {
        alarmName: name('p99'),
        alarmDescription: `${entry.name}: ${latency.meaning}`,
        metric: latency.metric,
        threshold: latency.threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      notifyingAlarm(this, 'Cpu', topic, {
        alarmName: name('cpu'),
        alarmDescription: `${entry.name}: CPU saturated although autoscaling adds tasks (at its maximum of ${entry.scaling.maxReplicas}?)`,
        metric: metricOf(serviceUtilization(source, 'CPUUtilization'), 'Average', minute),
        threshold: thresholds.cpuPercent,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 10,
        datapointsToAlarm: 8,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      notifyingAlarm(this, 'Memory', topic, {
        alarmName: name('memory'),
        alarmDescription: `${entry.name}: memory saturated (leak, or at its maximum of ${entry.scaling.maxReplicas} tasks?)`,
        metric: metricOf(serviceUtilization(source, 'MemoryUtilization'), 'Average', minute),
        threshold: thresholds.memoryPercent,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 10,
        datapointsToAlarm: 8,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      notifyingAlarm(this, 'RunningTasks', topic, {
        alarmName: name('tasks-below-minimum'),
        alarmDescription: `${entry.name}: fewer than ${entry.scaling.minReplicas} tasks running (failing health checks, crash loop, no capacity)`,
        metric: metricOf(runningTasks(source), 'Minimum', minute),
        threshold: entry.scaling.minReplicas,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 5,
        datapointsToAlarm: 5,
        // No data means no task reports at all: the worst case, not a quiet one.
        treatMissingData: TreatMissingData.BREACHING,
      }),
    ];
  }
}
