import type { ServiceEntry } from '@what-if/catalog';
import { Duration, Stack } from 'aws-cdk-lib';
import { PredefinedMetric, ScalableTarget, ServiceNamespace } from 'aws-cdk-lib/aws-applicationautoscaling';
import type { ICluster, FargateService } from 'aws-cdk-lib/aws-ecs';
import { Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ecsUtilizationTargets } from '../catalog/scaling-targets';
import type { TaskSize } from '../catalog/task-size';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName } from '../config/naming';
import { runningTasks, trafficMetrics, type TrafficSource } from '../shared/traffic-metrics';
import { RequestScaling } from './request-scaling';

export interface ServiceScalingProps {
  readonly config: EnvironmentConfig;
  readonly entry: ServiceEntry;
  readonly cluster: ICluster;
  readonly service: FargateService;
  readonly traffic: TrafficSource;
  /** What ECS measures utilisation against. */
  readonly taskSize: TaskSize;
}

/**
 * The catalog's replica bounds, tracked on CPU, memory and requests per task; whichever asks
 * for most wins. CPU and memory scale at the catalog's absolute load, as the Kubernetes HPAs do.
 */
export class ServiceScaling extends Construct {
  readonly target: ScalableTarget;

  constructor(scope: Construct, id: string, props: ServiceScalingProps) {
    super(scope, id);
    const { config, entry, service } = props;
    this.target = new ScalableTarget(this, 'TaskCount', {
      serviceNamespace: ServiceNamespace.ECS,
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${props.cluster.clusterName}/${service.serviceName}`,
      minCapacity: entry.scaling.minReplicas,
      maxCapacity: entry.scaling.maxReplicas,
      // The service-linked role ECS autoscaling uses in every account.
      role: Role.fromRoleArn(
        this,
        'ServiceLinkedRole',
        Stack.of(this).formatArn({
          service: 'iam',
          region: '',
          resource: 'role',
          resourceName:
            'aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
        }),
      ),
    });
    this.target.node.addDependency(service);

    // Out fast, in slowly: a scale-in that has to be undone costs a cold start.
    const targets = ecsUtilizationTargets(entry, props.taskSize);
    const cooldowns = { scaleOutCooldown: Duration.minutes(1), scaleInCooldown: Duration.minutes(5) };
    this.target.scaleToTrackMetric('Cpu', {
      predefinedMetric: PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION,
      targetValue: targets.cpuPercent,
      ...cooldowns,
    });
    this.target.scaleToTrackMetric('Memory', {
      predefinedMetric: PredefinedMetric.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION,
      targetValue: targets.memoryPercent,
      ...cooldowns,
    });
    new RequestScaling(this, 'Requests', {
      policyName: prefixedName(config.name, entry.name, 'requests-per-task'),
      target: this.target,
      requests: trafficMetrics(entry, props.traffic).requests,
      runningTasks: runningTasks(props.traffic),
      targetRequestsPerSecond: entry.scaling.targetRequestsPerSecond,
    });
  }
}
