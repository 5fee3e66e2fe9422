import type { Resources } from '@what-if/catalog';
import { Duration, Size, Validations } from 'aws-cdk-lib';
import { SubnetType, type ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { IRepository } from 'aws-cdk-lib/aws-ecr';
import {
  AwsLogDriverMode,
  Capability,
  ContainerImage,
  CpuArchitecture,
  FargateTaskDefinition,
  LinuxParameters,
  LogDrivers,
  OperatingSystemFamily,
  PropagatedTagSource,
  type Cluster,
  type ContainerDefinition,
  type ContainerDefinitionOptions,
  type FargateServiceProps,
  type LogDriver,
  type Secret as ContainerSecret,
} from 'aws-cdk-lib/aws-ecs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { taskSizeFor, type TaskSize } from '../catalog/task-size';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix, serviceLogGroupName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import { capacityStrategy } from './capacity-strategy';
import { addTraceCollector, traceCollectorMemoryMiB } from './trace-collector';

/** What a service and a worker both run: the shared image of a catalog deployable. */
export interface AppTaskProps {
  readonly config: EnvironmentConfig;
  /** The deployable's name: the task family, the container, the log group. */
  readonly name: string;
  readonly resources: Resources;
  /** Memory taken by sidecars other than the trace collector (the Service Connect proxy). */
  readonly sidecarMemoryMiB: number;
  /** The image tag to run, or its sha256 digest (which ECR resolves the same way, as repository@digest). */
  readonly image: string;
  readonly repository: IRepository;
  readonly environment: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, ContainerSecret>>;
  /** The catalog's secret variables: each must be among `secrets`. */
  readonly secretNames: readonly string[];
  /** The port the liveness probe asks. */
  readonly port: number;
  readonly livePath: string;
  readonly stopTimeoutSeconds: number;
  /** Whatever differs: the command, port mappings. */
  readonly container?: Partial<ContainerDefinitionOptions>;
}

export interface AppTask {
  readonly logGroup: LogGroup;
  readonly taskDefinition: FargateTaskDefinition;
  readonly container: ContainerDefinition;
  readonly size: TaskSize;
  /** The log driver for another container of the task (a proxy's own stream). */
  readonly logging: (streamPrefix: string) => LogDriver;
}

/**
 * The task every catalog deployable runs on Fargate, created in `scope` (whose construct ids
 * `Logs`, `Task` and `Linux` it takes): its own log group, a task sized for the catalog's limits
 * plus sidecars, one non-root container with every capability dropped, a read-only root outside
 * ECS Exec, a writable `/tmp`, the image's liveness probe, and the optional trace collector.
 */
export function addAppTask(scope: Construct, props: AppTaskProps): AppTask {
  const { config } = props;
  const missing = props.secretNames.filter((name) => !props.secrets[name]);
  if (missing.length > 0)
    throw new Error(`${props.name}: no Secrets Manager secret for ${missing.join(', ')}`);
  const logGroup = new LogGroup(scope, 'Logs', {
    logGroupName: serviceLogGroupName(config.name, props.name),
    retention: config.observability.logRetention,
    removalPolicy: dataRemovalPolicy(config),
  });
  const logging = (streamPrefix: string) =>
    LogDrivers.awsLogs({
      logGroup,
      streamPrefix,
      // A slow log pipeline must never stall request handling; a full buffer drops lines instead.
      mode: AwsLogDriverMode.NON_BLOCKING,
      maxBufferSize: Size.mebibytes(25),
    });

  const size = taskSizeFor(
    props.resources,
    props.sidecarMemoryMiB + (config.compute.tracing ? traceCollectorMemoryMiB : 0),
  );
  const taskDefinition = new FargateTaskDefinition(scope, 'Task', {
    family: `${resourcePrefix(config.name)}-${props.name}`,
    cpu: size.cpu,
    memoryLimitMiB: size.memoryMiB,
    runtimePlatform: {
      cpuArchitecture: CpuArchitecture.X86_64,
      operatingSystemFamily: OperatingSystemFamily.LINUX,
    },
  });
  taskDefinition.addVolume({ name: 'tmp' });

  const linuxParameters = new LinuxParameters(scope, 'Linux');
  linuxParameters.dropCapabilities(Capability.ALL);
  const container = taskDefinition.addContainer(props.name, {
    image: ContainerImage.fromEcrRepository(props.repository, props.image),
    essential: true,
    cpu: size.container.cpu,
    memoryReservationMiB: size.container.memoryReservationMiB,
    memoryLimitMiB: size.container.memoryLimitMiB,
    environment: { ...props.environment },
    secrets: { ...props.secrets },
    logging: logging('app'),
    healthCheck: {
      // The image's own liveness probe: node's fetch, as the slim image has no curl.
      command: [
        'CMD',
        'node',
        '-e',
        `fetch('http://127.0.0.1:${props.port}${props.livePath}', { signal: AbortSignal.timeout(4000) })` +
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
    stopTimeout: Duration.seconds(props.stopTimeoutSeconds),
    ...props.container,
  });
  container.addMountPoints({ containerPath: '/tmp', sourceVolume: 'tmp', readOnly: false });
  if (config.compute.tracing) addTraceCollector(taskDefinition, logging('otel-collector'), container);
  Validations.of(taskDefinition).acknowledge({
    id: 'AwsSolutions-ECS2',
    reason:
      "Only the catalog's non-secret configuration is plain environment; every secret: true variable is an ECS secret from Secrets Manager (asserted by the tests)",
  });
  return { logGroup, taskDefinition, container, size, logging };
}

/** The Fargate service settings every deployable shares: private subnets, rolling safety, tags. */
export function appServiceProps(
  config: EnvironmentConfig,
  name: string,
  cluster: Cluster,
  securityGroup: ISecurityGroup,
  taskDefinition: FargateTaskDefinition,
): FargateServiceProps {
  return {
    cluster,
    serviceName: name,
    taskDefinition,
    securityGroups: [securityGroup],
    vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
    assignPublicIp: false,
    capacityProviderStrategies: capacityStrategy(config.compute.capacity),
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    circuitBreaker: { enable: true, rollback: true },
    enableExecuteCommand: config.compute.execCommand,
    propagateTags: PropagatedTagSource.SERVICE,
    enableECSManagedTags: true,
  };
}
