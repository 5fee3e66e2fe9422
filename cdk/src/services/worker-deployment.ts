import type { ServiceEntry, WorkerEntry } from '@what-if/catalog';
import { Duration, Size, Stack, Validations } from 'aws-cdk-lib';
import {
  CfnScalingPolicy,
  PredefinedMetric,
  ScalableTarget,
  ServiceNamespace,
} from 'aws-cdk-lib/aws-applicationautoscaling';
import { SubnetType, type ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { IRepository } from 'aws-cdk-lib/aws-ecr';
import {
  AwsLogDriverMode,
  Capability,
  ContainerImage,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LinuxParameters,
  LogDrivers,
  OperatingSystemFamily,
  PropagatedTagSource,
  type Cluster,
  type ContainerDefinition,
  type Secret as ContainerSecret,
} from 'aws-cdk-lib/aws-ecs';
import { Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { awsPlatformValues, containerEnvironment } from '../catalog/container-environment';
import { workerShutdownTiming } from '../catalog/shutdown';
import { taskSizeFor } from '../catalog/task-size';
import type { EnvironmentConfig } from '../config/environment-config';
import { clusterName, prefixedName, resourcePrefix, serviceLogGroupName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import { workerMetrics } from '../observability/video-job-metric';
import { capacityStrategy } from './capacity-strategy';
import { grantTaskPermissions } from './task-permissions';
import { addTraceCollector, traceCollectorMemoryMiB } from './trace-collector';

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
    const missing = environment.secretNames.filter((name) => !props.secrets[name]);
    if (missing.length > 0)
      throw new Error(`${worker.name}: no Secrets Manager secret for ${missing.join(', ')}`);

    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: serviceLogGroupName(config.name, worker.name),
      retention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });
    const logging = (streamPrefix: string) =>
      LogDrivers.awsLogs({
        logGroup,
        streamPrefix,
        mode: AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: Size.mebibytes(25),
      });

    const size = taskSizeFor(worker.resources, config.compute.tracing ? traceCollectorMemoryMiB : 0);
    this.taskDefinition = new FargateTaskDefinition(this, 'Task', {
      family: `${resourcePrefix(config.name)}-${worker.name}`,
      cpu: size.cpu,
      memoryLimitMiB: size.memoryMiB,
      runtimePlatform: {
        cpuArchitecture: CpuArchitecture.X86_64,
        operatingSystemFamily: OperatingSystemFamily.LINUX,
      },
    });
    this.taskDefinition.addVolume({ name: 'tmp' });
    const linuxParameters = new LinuxParameters(this, 'Linux');
    linuxParameters.dropCapabilities(Capability.ALL);
    this.container = this.taskDefinition.addContainer(worker.name, {
      image: ContainerImage.fromEcrRepository(props.repository, props.image),
      command: [...worker.command],
      essential: true,
      cpu: size.container.cpu,
      memoryReservationMiB: size.container.memoryReservationMiB,
      memoryLimitMiB: size.container.memoryLimitMiB,
      environment: { ...environment.plain, PORT: String(worker.port) },
      secrets: { ...props.secrets },
      logging: logging('app'),
      healthCheck: {
        command: [
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${worker.port}${worker.health.live}', { signal: AbortSignal.timeout(4000) })` +
            '.then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))',
        ],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      readonlyRootFilesystem: !config.compute.execCommand,
      user: '1000:1000',
      linuxParameters,
      stopTimeout: Duration.seconds(timing.stopTimeoutSeconds),
    });
    this.container.addMountPoints({ containerPath: '/tmp', sourceVolume: 'tmp', readOnly: false });
    if (config.compute.tracing)
      addTraceCollector(this.taskDefinition, logging('otel-collector'), this.container);
    Validations.of(this.taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason:
        "Only the catalog's non-secret configuration is plain environment; every secret: true variable is an ECS secret from Secrets Manager (asserted by the tests)",
    });

    this.service = new FargateService(this, 'Service', {
      cluster: props.cluster,
      serviceName: worker.name,
      taskDefinition: this.taskDefinition,
      securityGroups: [props.securityGroup],
      vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      capacityProviderStrategies: capacityStrategy(config.compute.capacity),
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      enableExecuteCommand: config.compute.execCommand,
      propagateTags: PropagatedTagSource.SERVICE,
      enableECSManagedTags: true,
    });
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
