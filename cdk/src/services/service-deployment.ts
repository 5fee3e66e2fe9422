import type { ServiceEntry } from '@what-if/catalog';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { IRepository } from 'aws-cdk-lib/aws-ecr';
import {
  AlarmBehavior,
  AlternateTarget,
  AppProtocol,
  DeploymentStrategy,
  FargateService,
  type FargateTaskDefinition,
  ListenerRuleConfiguration,
  Protocol,
  type Cluster,
  type ContainerDefinition,
  type IDeploymentLifecycleHookTarget,
  type Secret as ContainerSecret,
} from 'aws-cdk-lib/aws-ecs';
import type { ApplicationListenerRule, ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, type LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Unit } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { keepsOutbox, outboxBacklogMetric } from '../observability/outbox-backlog-metric';
import { awsPlatformValues, containerEnvironment } from '../catalog/container-environment';
import { callersOf } from '../catalog/reachability';
import { shutdownTiming } from '../catalog/shutdown';
import type { EnvironmentConfig } from '../config/environment-config';
import type { TrafficSource } from '../shared/traffic-metrics';
import { addAppTask, appServiceProps } from './app-task';
import { ServiceScaling } from './service-scaling';
import { grantTaskPermissions } from './task-permissions';

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

    const task = addAppTask(this, {
      config,
      name: entry.name,
      resources: entry.resources,
      sidecarMemoryMiB: serviceConnectProxyMemoryMiB,
      image: props.image,
      repository: props.repository,
      environment: environment.plain,
      secrets: props.secrets,
      secretNames: environment.secretNames,
      port: entry.port,
      livePath: entry.health.live,
      stopTimeoutSeconds: timing.stopTimeoutSeconds,
      container: {
        portMappings: [
          {
            name: entry.name,
            containerPort: entry.port,
            protocol: Protocol.TCP,
            appProtocol: AppProtocol.http,
          },
        ],
      },
    });
    const { size, logging } = task;
    this.logGroup = task.logGroup;
    this.taskDefinition = task.taskDefinition;
    this.container = task.container;
    if (keepsOutbox(entry)) {
      // The outbox relays' backlog line becomes the metric the outbox-stuck alarm watches.
      const backlog = outboxBacklogMetric(config, entry);
      new MetricFilter(this, 'OutboxBacklog', {
        logGroup: this.logGroup,
        filterPattern: FilterPattern.literal(backlog.filterPattern),
        metricNamespace: backlog.namespace,
        metricName: backlog.metricName,
        metricValue: backlog.value,
        dimensions: { Service: '$.service' },
        unit: Unit.SECONDS,
      });
    }

    const isServer = callersOf(entry.name).length > 0;
    this.service = new FargateService(this, 'Service', {
      ...appServiceProps(config, entry.name, props.cluster, props.securityGroup, this.taskDefinition),
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
