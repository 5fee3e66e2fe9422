import type { ServiceEntry } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import type { IVpc } from 'aws-cdk-lib/aws-ec2';
import {
  ApplicationProtocol,
  ApplicationTargetGroup,
  TargetType,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';

export interface GatewayTargetGroupsProps {
  readonly vpc: IVpc;
  readonly gateway: ServiceEntry;
}

/**
 * The two target groups ECS blue-green deployments alternate between. Target health is the
 * gateway's own readiness, never the unified /health: that one fails when any service is
 * down and would pull every gateway out, turning a partial outage into a total one.
 */
export class GatewayTargetGroups extends Construct {
  readonly blue: ApplicationTargetGroup;
  readonly green: ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: GatewayTargetGroupsProps) {
    super(scope, id);
    this.blue = this.targetGroup('Blue', props);
    this.green = this.targetGroup('Green', props);
  }

  private targetGroup(id: string, { vpc, gateway }: GatewayTargetGroupsProps): ApplicationTargetGroup {
    return new ApplicationTargetGroup(this, id, {
      vpc,
      port: gateway.port,
      protocol: ApplicationProtocol.HTTP,
      targetType: TargetType.IP,
      // In-flight requests get the catalog's drain time after a task leaves the target group.
      deregistrationDelay: Duration.seconds(gateway.drainSeconds),
      healthCheck: {
        path: gateway.health.ready,
        healthyHttpCodes: '200',
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 2,
      },
    });
  }
}
