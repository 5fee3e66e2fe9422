import type { ServiceEntry } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { errorRateThresholdPercent } from '../shared/error-rate';
import { errorRatePercent, latencyAlarmMetric } from '../shared/metric-factory';
import type { TrafficMetrics } from '../shared/traffic-metrics';

export interface DeploymentAlarmsProps {
  readonly config: EnvironmentConfig;
  readonly entry: ServiceEntry;
  readonly traffic: TrafficMetrics;
}

/**
 * The alarms ECS watches during a blue-green deployment and its bake time: minute by
 * minute, so a bad revision is rolled back within minutes. They page nobody (the
 * observability stack's alarms do); their job is the rollback.
 */
export class DeploymentAlarms extends Construct {
  /** The alarms as references: the ECS service that names them deploys after them. */
  readonly alarmNames: readonly string[];
  /** The same names as plain strings, for tools outside the template (make deploy-ecs watches them). */
  readonly physicalNames: readonly string[];

  constructor(scope: Construct, id: string, props: DeploymentAlarmsProps) {
    super(scope, id);
    const { config, entry, traffic } = props;
    const minute = Duration.minutes(1);

    this.physicalNames = [
      prefixedName(config.name, entry.name, 'deployment-5xx'),
      prefixedName(config.name, entry.name, 'deployment-p99'),
    ];
    const errors = new Alarm(this, 'ServerErrors', {
      alarmName: this.physicalNames[0],
      alarmDescription: `Rolls back a ${entry.name} deployment whose 5xx share burns the error budget too fast`,
      metric: errorRatePercent(traffic.requests, traffic.serverErrors, minute),
      threshold: errorRateThresholdPercent(entry, config.observability.alarms.errorBudgetBurnRate),
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const measured = latencyAlarmMetric(entry, traffic.latency, minute);
    const latency = new Alarm(this, 'Latency', {
      alarmName: this.physicalNames[1],
      alarmDescription: `Rolls back a ${entry.name} deployment with ${measured.meaning}`,
      metric: measured.metric,
      threshold: measured.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarmNames = [errors.alarmName, latency.alarmName];
  }
}
