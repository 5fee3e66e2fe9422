import { services, type ServiceName } from '@what-if/catalog';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IVpc } from 'aws-cdk-lib/aws-ec2';
import type { IRepository } from 'aws-cdk-lib/aws-ecr';
import { Cluster, ContainerInsights } from 'aws-cdk-lib/aws-ecs';
import { NamespaceType } from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import { usersOfStore } from '../catalog/reachability';
import type { EnvironmentConfig } from '../config/environment-config';
import { clusterName, resourcePrefix } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import type { DataStack } from '../data/data-stack';
import type { EdgeStack } from '../edge/edge-stack';
import { testListenerPort, type ReachabilityGroups } from '../network/reachability-groups';
import { routeLatencyMetrics } from '../shared/route-latency-metrics';
import { trafficMetrics, type TrafficSource } from '../shared/traffic-metrics';
import { DeploymentAlarms } from './deployment-alarms';
import { DeploymentGate } from './deployment-gate';
import { RotationRestart } from './rotation-restart';
import { RouteLatencyFilters } from './route-latency';
import { ServiceDeployment, type BlueGreenTargets } from './service-deployment';
import { WorkerDeployment } from './worker-deployment';

export interface ServicesStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly imageTag: string;
  /** Each service's image digest at imageTag (make images' record): the containers pin them. */
  readonly imageDigests?: Readonly<Partial<Record<ServiceName, string>>>;
  readonly vpc: IVpc;
  readonly groups: ReachabilityGroups;
  readonly data: DataStack;
  readonly repositories: Readonly<Record<ServiceName, IRepository>>;
  readonly edge: EdgeStack;
}

/** The ECS cluster and one Fargate service per catalog entry and per catalog worker. */
export class ServicesStack extends Stack {
  readonly cluster: Cluster;
  readonly deployments: Readonly<Record<ServiceName, ServiceDeployment>>;
  readonly workers: Readonly<Record<string, WorkerDeployment>>;
  /** The services deployed blue-green and the alarms that roll each back (make deploy-ecs watches them). */
  readonly rollbackAlarms: Readonly<Partial<Record<ServiceName, readonly string[]>>>;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props);
    const { config, data, edge } = props;

    this.cluster = new Cluster(this, 'Cluster', {
      clusterName: clusterName(config.name),
      vpc: props.vpc,
      containerInsightsV2: ContainerInsights.ENHANCED,
      enableFargateCapacityProviders: true,
    });
    // Service Connect: callers use http://<service>:<port> and get health-aware load balancing.
    this.cluster.addDefaultCloudMapNamespace({
      name: `${resourcePrefix(config.name)}.internal`,
      type: NamespaceType.HTTP,
      useForServiceConnect: true,
    });

    const deployments: Partial<Record<ServiceName, ServiceDeployment>> = {};
    const rollbackAlarms: Partial<Record<ServiceName, readonly string[]>> = {};
    for (const entry of services) {
      const traffic: TrafficSource = {
        clusterName: clusterName(config.name),
        serviceName: entry.name,
        ...(entry.public
          ? {
              loadBalancerFullName: edge.loadBalancer.loadBalancerFullName,
              routeLatency: routeLatencyMetrics(config.name),
            }
          : {}),
      };
      const rollback = entry.public
        ? new DeploymentAlarms(this, `${entry.name}DeploymentAlarms`, {
            config,
            entry,
            traffic: trafficMetrics(entry, traffic),
          })
        : undefined;
      const blueGreen: BlueGreenTargets | undefined = rollback
        ? {
            blue: edge.targetGroups.blue,
            green: edge.targetGroups.green,
            productionRule: edge.productionRule,
            testRule: edge.testRule,
            bakeTime: Duration.minutes(config.edge.blueGreenBakeMinutes),
            rollbackAlarmNames: rollback.alarmNames,
            preTrafficTest: new DeploymentGate(this, `${entry.name}DeploymentGate`, {
              vpc: props.vpc,
              securityGroup: props.groups.deploymentGate,
              testUrl: `https://${config.domain.apiDomain}:${testListenerPort}`,
              productionUrl: `https://${config.domain.siteDomain}`,
              environment: config.name,
              logRetention: config.observability.logRetention,
              removalPolicy: dataRemovalPolicy(config),
            }).hook,
          }
        : undefined;
      const deployment = new ServiceDeployment(this, entry.name, {
        config,
        entry,
        image: props.imageDigests?.[entry.name] ?? props.imageTag,
        cluster: this.cluster,
        repository: props.repositories[entry.name],
        securityGroup: props.groups.services[entry.name],
        secrets: data.containerSecretsOf(entry.name),
        dataKey: data.encryptionKey,
        traffic,
        ...(blueGreen ? { blueGreen } : {}),
      });
      if (traffic.routeLatency) {
        new RouteLatencyFilters(this, `${entry.name}RouteLatency`, {
          logGroup: deployment.logGroup,
          metrics: traffic.routeLatency,
        });
      }
      deployments[entry.name] = deployment;
      if (rollback) rollbackAlarms[entry.name] = rollback.physicalNames;
    }
    this.deployments = deployments as Record<ServiceName, ServiceDeployment>;

    // Each worker: its service's image, secrets and network rules, its own task and scaling.
    const workers: Record<string, WorkerDeployment> = {};
    for (const entry of services) {
      for (const worker of entry.workers ?? []) {
        workers[worker.name] = new WorkerDeployment(this, worker.name, {
          config,
          entry,
          worker,
          image: props.imageDigests?.[entry.name] ?? props.imageTag,
          cluster: this.cluster,
          repository: props.repositories[entry.name],
          securityGroup: props.groups.services[entry.name],
          secrets: data.containerSecretsOf(entry.name),
          dataKey: data.encryptionKey,
        });
      }
    }
    this.workers = workers;
    this.rollbackAlarms = rollbackAlarms;

    new RotationRestart(this, 'DatabaseRotationRestart', {
      secret: data.postgres.credentials,
      clusterName: this.cluster.clusterName,
      services: usersOfStore('postgres').map((entry) => ({
        name: entry.name,
        service: this.deployments[entry.name].service,
      })),
      logRetention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });
  }
}
