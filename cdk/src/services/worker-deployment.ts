import type { ServiceEntry, WorkerEntry } from '@what-if/catalog';
import { Duration, Stack } from 'aws-cdk-lib';
import {
  CfnScalingPolicy,
  PredefinedMetric,
  ScalableTarget,
  ServiceNamespace,
} from 'aws-cdk-lib/aws-applicationautoscaling';
import type { ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { IRepository } from 'aws-cdk-lib/aws-ecr';
import {
  FargateService,
  type Cluster,
  type ContainerDefinition,
  type FargateTaskDefinition,
  type Secret as ContainerSecret,
} from 'aws-cdk-lib/aws-ecs';
import { Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { awsPlatformValues, containerEnvironment } from '../catalog/container-environment';
import { workerShutdownTiming } from '../catalog/shutdown';
import type { EnvironmentConfig } from '../config/environment-config';
import { clusterName, prefixedName } from '../config/naming';
import { workerMetrics } from '../observability/video-job-metric';
import { addAppTask, appServiceProps } from './app-task';
import { grantTaskPermissions } from './task-permissions';

export interface WorkerDeploymentProps {
  readonly config: EnvironmentConfig;
  /** The service whose image, configuration, secrets, task role and security group it shares. */
  readonly entry: ServiceEntry;
  readonly worker: WorkerEntry;
  /** The image tag to run, or its sha256 digest (which ECR resolves the same way, as repository@digest). */
  readonly image: string;
  readonly cluster: Cluster;
  readonly repository: IRepository;
  readonly securityGroup: ISecurityGroup;
  readonly secrets: Readonly<Record<string, ContainerSecret>>;
  readonly dataKey: IKey;
}

/**
 * A catalog worker on Fargate: its service's image, configuration, secrets and network rules
 * with the worker's command, port (health and metrics only: no load balancer, no Service
 * Connect, nobody calls it), resources and drain. It scales on CPU and on the jobs queued per
 * running task, which the worker publishes to CloudWatch.
 */
export class WorkerDeployment extends Construct {
  readonly service: FargateService;
  readonly taskDefinition: FargateTaskDefinition;
  readonly container: ContainerDefinition;

  constructor(scope: Construct, id: string, props: WorkerDeploymentProps) {
    super(scope, id);
    const { config, entry, worker } = props;
    const timing = workerShutdownTiming(entry, worker);
    const environment = containerEnvironment(
      entry,
      awsPlatformValues(config, Stack.of(this).region, timing.timeoutMs),
    );
    const task = addAppTask(this, {
      config,
      name: worker.name,
      resources: worker.resources,
      sidecarMemoryMiB: 0,
      image: props.image,
      repository: props.repository,
      environment: { ...environment.plain, PORT: String(worker.port) },
      secrets: props.secrets,
      secretNames: environment.secretNames,
      port: worker.port,
      livePath: worker.health.live,
      stopTimeoutSeconds: timing.stopTimeoutSeconds,
      container: { command: [...worker.command] },
    });
    const { size } = task;
    this.taskDefinition = task.taskDefinition;
    this.container = task.container;
    this.service = new FargateService(
      this,
      'Service',
      appServiceProps(config, worker.name, props.cluster, props.securityGroup, this.taskDefinition),
    );
    this.scale(config, worker, size.cpu);
    grantTaskPermissions({
      config,
      entry,
      role: this.taskDefinition.taskRole,
      environment: environment.plain,
      dataKeyArn: props.dataKey.keyArn,
      publishesWorkerMetrics: worker.cloudWatch !== undefined,
    });
  }

  /** The catalog's bounds, tracked on CPU and on queued jobs per running task; the larger wins. */
  private scale(config: EnvironmentConfig, worker: WorkerEntry, taskCpuUnits: number): void {
    const target = new ScalableTarget(this, 'TaskCount', {
      serviceNamespace: ServiceNamespace.ECS,
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${clusterName(config.name)}/${worker.name}`,
      minCapacity: worker.scaling.minReplicas,
      maxCapacity: worker.scaling.maxReplicas,
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
    target.node.addDependency(this.service);
    // As for the services: the catalog's percentage of the request, as a share of the whole task.
    const cpuMillicores = (worker.scaling.targetCpuPercent * worker.resources.cpu.requestMillicores) / 100;
    target.scaleToTrackMetric('Cpu', {
      predefinedMetric: PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION,
      targetValue: Math.round((10_000 * cpuMillicores) / ((taskCpuUnits * 1000) / 1024)) / 100,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(5),
    });
    const environmentDimension = [{ name: workerMetrics.environmentDimension, value: config.name }];
    new CfnScalingPolicy(this, 'QueueDepth', {
      policyName: prefixedName(config.name, worker.name, 'jobs-per-task'),
      policyType: 'TargetTrackingScaling',
      scalingTargetId: target.scalableTargetId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: worker.scaling.jobsPerReplica,
        scaleOutCooldown: Duration.minutes(1).toSeconds(),
        // A render runs for minutes: scale in only after the queue has stayed short that long.
        scaleInCooldown: Duration.minutes(10).toSeconds(),
        customizedMetricSpecification: {
          metrics: [
            {
              id: 'jobs',
              // Every worker publishes the same depth: the maximum is the queue's.
              metricStat: {
                metric: {
                  namespace: workerMetrics.namespace,
                  metricName: workerMetrics.queueDepth,
                  dimensions: environmentDimension,
                },
                stat: 'Maximum',
              },
              returnData: false,
            },
            {
              id: 'tasks',
              metricStat: {
                metric: {
                  namespace: 'ECS/ContainerInsights',
                  metricName: 'RunningTaskCount',
                  dimensions: [
                    { name: 'ClusterName', value: clusterName(config.name) },
                    { name: 'ServiceName', value: worker.name },
                  ],
                },
                stat: 'Average',
              },
              returnData: false,
            },
            {
              id: 'jobsPerTask',
              expression: 'jobs / tasks',
              label: 'Queued and running jobs per task',
              returnData: true,
            },
          ],
        },
      },
    });
  }
}
