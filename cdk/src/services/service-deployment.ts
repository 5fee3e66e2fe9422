import type { ServiceEntry } from '@what-if/catalog';
import { Duration, Size, Stack, Validations } from 'aws-cdk-lib';
import { SubnetType, type ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { IRepository } from 'aws-cdk-lib/aws-ecr';
import {
  AlarmBehavior,
  AlternateTarget,
  AppProtocol,
  AwsLogDriverMode,
  Capability,
  ContainerImage,
  CpuArchitecture,
  DeploymentStrategy,
  FargateService,
  FargateTaskDefinition,
  LinuxParameters,
  ListenerRuleConfiguration,
  LogDrivers,
  OperatingSystemFamily,
  PropagatedTagSource,
  Protocol,
  type Cluster,
  type ContainerDefinition,
  type IDeploymentLifecycleHookTarget,
  type Secret as ContainerSecret,
} from 'aws-cdk-lib/aws-ecs';
import type { ApplicationListenerRule, ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Unit } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { ownsPurges, purgeBacklogMetric } from '../observability/purge-backlog-metric';
import { awsPlatformValues, containerEnvironment } from '../catalog/container-environment';
import { callersOf } from '../catalog/reachability';
import { shutdownTiming } from '../catalog/shutdown';
import { taskSizeFor } from '../catalog/task-size';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix, serviceLogGroupName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import type { TrafficSource } from '../shared/traffic-metrics';
import { capacityStrategy } from './capacity-strategy';
import { ServiceScaling } from './service-scaling';
import { grantTaskPermissions } from './task-permissions';
import { addTraceCollector, traceCollectorMemoryMiB } from './trace-collector';

/** Memory the Service Connect proxy takes from the task. */
const serviceConnectProxyMemoryMiB = 64;

/** How the public service sits behind the load balancer and moves between target groups. */
export interface BlueGreenTargets {
  readonly blue: ApplicationTargetGroup;
  readonly green: ApplicationTargetGroup;
  readonly productionRule: ApplicationListenerRule;
  readonly testRule: ApplicationListenerRule;
  readonly bakeTime: Duration;
  /** Alarms that, in alarm during the deployment or its bake time, roll it back. */
  readonly rollbackAlarmNames: readonly string[];
  /** Tests the new revision on the test listener before production traffic moves. */
  readonly preTrafficTest: IDeploymentLifecycleHookTarget;
}

export interface ServiceDeploymentProps {
  readonly config: EnvironmentConfig;
  readonly entry: ServiceEntry;
  /** The image tag to run, or its sha256 digest (which ECR resolves the same way, as repository@digest). */
  readonly image: string;
  readonly cluster: Cluster;
  readonly repository: IRepository;
  readonly securityGroup: ISecurityGroup;
  /** Every secret the container receives, all from Secrets Manager. */
  readonly secrets: Readonly<Record<string, ContainerSecret>>;
  readonly dataKey: IKey;
  readonly traffic: TrafficSource;
  readonly blueGreen?: BlueGreenTargets;
}

/** One catalog service on Fargate: task, container, service, discovery, autoscaling and permissions. */
export class ServiceDeployment extends Construct {
  readonly service: FargateService;
  readonly taskDefinition: FargateTaskDefinition;
  readonly container: ContainerDefinition;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceDeploymentProps) {
    super(scope, id);
    const { config, entry } = props;
    const timing = shutdownTiming(entry);
    const environment = containerEnvironment(
      entry,
      awsPlatformValues(config, Stack.of(this).region, timing.timeoutMs),
    );

    const missing = environment.secretNames.filter((name) => !props.secrets[name]);
    if (missing.length > 0)
      throw new Error(`${entry.name}: no Secrets Manager secret for ${missing.join(', ')}`);

    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: serviceLogGroupName(config.name, entry.name),
      retention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });
    if (ownsPurges(entry)) {
      // The relay's backlog line becomes the metric the purge-backlog alarm watches.
      const backlog = purgeBacklogMetric(config, entry);
      new MetricFilter(this, 'PurgeBacklog', {
        logGroup: this.logGroup,
        filterPattern: FilterPattern.literal(backlog.filterPattern),
        metricNamespace: backlog.namespace,
        metricName: backlog.metricName,
        metricValue: backlog.value,
        dimensions: { Service: '$.service' },
        unit: Unit.SECONDS,
      });
    }
    const logging = (streamPrefix: string) =>
      LogDrivers.awsLogs({
        logGroup: this.logGroup,
        streamPrefix,
        // A slow log pipeline must never stall request handling; a full buffer drops lines instead.
        mode: AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: Size.mebibytes(25),
      });

    const sidecarMemoryMiB =
      serviceConnectProxyMemoryMiB + (config.compute.tracing ? traceCollectorMemoryMiB : 0);
    const size = taskSizeFor(entry.resources, sidecarMemoryMiB);
    this.taskDefinition = new FargateTaskDefinition(this, 'Task', {
      family: `${resourcePrefix(config.name)}-${entry.name}`,
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
    this.container = this.taskDefinition.addContainer(entry.name, {
      image: ContainerImage.fromEcrRepository(props.repository, props.image),
      essential: true,
      cpu: size.container.cpu,
      memoryReservationMiB: size.container.memoryReservationMiB,
      memoryLimitMiB: size.container.memoryLimitMiB,
      environment: environment.plain,
      secrets: { ...props.secrets },
      portMappings: [
        {
          name: entry.name,
          containerPort: entry.port,
          protocol: Protocol.TCP,
          appProtocol: AppProtocol.http,
        },
      ],
      logging: logging('app'),
      healthCheck: {
        // The image's own liveness probe: node's fetch, as the slim image has no curl.
        command: [
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${entry.port}${entry.health.live}', { signal: AbortSignal.timeout(4000) })` +
            '.then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))',
        ],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      // ECS Exec needs a writable root filesystem, so it is read-only wherever Exec is off (prod).
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

    const isServer = callersOf(entry.name).length > 0;
    this.service = new FargateService(this, 'Service', {
      cluster: props.cluster,
      serviceName: entry.name,
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
      serviceConnectConfiguration: {
        // Callers own their timeouts (the kit's client, the gateway's idle timeout); the
        // proxy's 15 s default would cut generation streams short.
        services: isServer
          ? [
              {
                portMappingName: entry.name,
                discoveryName: entry.name,
                dnsName: entry.name,
                port: entry.port,
                perRequestTimeout: Duration.seconds(0),
                idleTimeout: Duration.minutes(5),
              },
            ]
          : undefined,
        logDriver: logging('service-connect'),
      },
      ...(props.blueGreen
        ? {
            deploymentStrategy: DeploymentStrategy.BLUE_GREEN,
            bakeTime: props.blueGreen.bakeTime,
            deploymentAlarms: {
              alarmNames: [...props.blueGreen.rollbackAlarmNames],
              behavior: AlarmBehavior.ROLLBACK_ON_ALARM,
            },
            healthCheckGracePeriod: Duration.seconds(60),
          }
        : {}),
    });
    if (props.blueGreen) {
      this.attachBlueGreen(props.blueGreen, entry);
      this.service.addLifecycleHook(props.blueGreen.preTrafficTest);
    }

    new ServiceScaling(this, 'Scaling', {
      config,
      entry,
      cluster: props.cluster,
      service: this.service,
      traffic: props.traffic,
      taskSize: size,
    });
    grantTaskPermissions({
      config,
      entry,
      role: this.taskDefinition.taskRole,
      environment: environment.plain,
      dataKeyArn: props.dataKey.keyArn,
    });
  }

  private attachBlueGreen(targets: BlueGreenTargets, entry: ServiceEntry): void {
    const target = this.service.loadBalancerTarget({
      containerName: entry.name,
      containerPort: entry.port,
      protocol: Protocol.TCP,
      alternateTarget: new AlternateTarget('Green', {
        alternateTargetGroup: targets.green,
        productionListener: ListenerRuleConfiguration.applicationListenerRule(targets.productionRule),
        testListener: ListenerRuleConfiguration.applicationListenerRule(targets.testRule),
      }),
    });
    target.attachToApplicationTargetGroup(targets.blue);
  }
}
