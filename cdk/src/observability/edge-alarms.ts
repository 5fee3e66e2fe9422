import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ApplicationLoadBalancer, ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { errorRatePercent, metricOf } from '../shared/metric-factory';
import { notifyingAlarm } from './alarm-factory';

export interface EdgeAlarmsProps {
  readonly config: EnvironmentConfig;
  readonly serviceName: string;
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly targetGroups: Readonly<Record<'blue' | 'green', ApplicationTargetGroup>>;
  readonly topic: ITopic;
}

/** Unhealthy gateway targets (in whichever target group holds them) and errors the ALB itself answers. */
export class EdgeAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: EdgeAlarmsProps) {
    super(scope, id);
    const { config, loadBalancer, topic } = props;
    const minute = Duration.minutes(1);
    const unhealthy = Object.entries(props.targetGroups).map(([colour, targetGroup]) =>
      notifyingAlarm(this, `Unhealthy${colour}`, topic, {
        alarmName: prefixedName(config.name, props.serviceName, `unhealthy-targets-${colour}`),
        alarmDescription: `${props.serviceName}: targets failing /health/ready in the ${colour} target group`,
        metric: metricOf(
          {
            namespace: 'AWS/ApplicationELB',
            metricName: 'UnHealthyHostCount',
            dimensions: {
              TargetGroup: targetGroup.targetGroupFullName,
              LoadBalancer: loadBalancer.loadBalancerFullName,
            },
          },
          'Maximum',
          minute,
        ),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    const dimensions = { LoadBalancer: loadBalancer.loadBalancerFullName };
    const loadBalancerErrors = notifyingAlarm(this, 'LoadBalancerErrors', topic, {
      alarmName: prefixedName(config.name, 'alb-5xx'),
      alarmDescription:
        'The ALB answers 5xx itself (no healthy gateway, timeouts): more than 1 % of requests',
      metric: errorRatePercent(
        { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions },
        { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_ELB_5XX_Count', dimensions },
        Duration.minutes(5),
      ),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [...unhealthy, loadBalancerErrors];
  }
}
