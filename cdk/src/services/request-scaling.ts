import { Duration } from 'aws-cdk-lib';
import { CfnScalingPolicy, type ScalableTarget } from 'aws-cdk-lib/aws-applicationautoscaling';
import { Construct } from 'constructs';
import type { MetricSpec } from '../shared/traffic-metrics';

export interface RequestScalingProps {
  readonly policyName: string;
  readonly target: ScalableTarget;
  readonly requests: MetricSpec;
  readonly runningTasks: MetricSpec;
  /** The catalog's requests per replica per second. */
  readonly targetRequestsPerSecond: number;
}

function dimensions(metric: MetricSpec): CfnScalingPolicy.MetricDimensionProperty[] {
  return Object.entries(metric.dimensions).map(([name, value]) => ({ name, value }));
}

/**
 * Target tracking on requests per task per second: request count (per minute) divided by
 * running tasks. Metric math, because the predefined ALBRequestCountPerTarget is tied to one
 * target group and blue-green deployments alternate between two.
 */
export class RequestScaling extends Construct {
  readonly policy: CfnScalingPolicy;

  constructor(scope: Construct, id: string, props: RequestScalingProps) {
    super(scope, id);
    this.policy = new CfnScalingPolicy(this, 'Policy', {
      policyName: props.policyName,
      policyType: 'TargetTrackingScaling',
      scalingTargetId: props.target.scalableTargetId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: props.targetRequestsPerSecond,
        scaleOutCooldown: Duration.minutes(1).toSeconds(),
        scaleInCooldown: Duration.minutes(5).toSeconds(),
        customizedMetricSpecification: {
          metrics: [
            {
              id: 'requests',
              metricStat: {
                metric: {
                  namespace: props.requests.namespace,
                  metricName: props.requests.metricName,
                  dimensions: dimensions(props.requests),
                },
                stat: 'Sum',
              },
              returnData: false,
            },
            {
              id: 'tasks',
              metricStat: {
                metric: {
                  namespace: props.runningTasks.namespace,
                  metricName: props.runningTasks.metricName,
                  dimensions: dimensions(props.runningTasks),
                },
                stat: 'Average',
              },
              returnData: false,
            },
            {
              id: 'requestsPerTaskPerSecond',
              expression: 'requests / tasks / 60',
              label: 'Requests per task per second',
              returnData: true,
            },
          ],
        },
      },
    });
  }
}
