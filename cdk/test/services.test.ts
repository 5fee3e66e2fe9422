import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  deploymentPaths,
  envDefaults,
  services,
  trustedProxyCount,
  type ServiceEntry,
} from '@what-if/catalog';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { environments } from '../src/config/environments';
import { videoBucketName } from '../src/config/naming';
import { synthesized, testImageTag } from './support/synthesized';
import {
  crossStackTarget,
  onlyResource,
  resourcesOfType,
  type CfnResource,
} from './support/template-queries';

const prod = synthesized('prod');
const dev = synthesized('dev');
const template = prod.templates.services;

interface Container {
  Name: string;
  Cpu: number;
  Memory: number;
  MemoryReservation: number;
  Environment: Array<{ Name: string; Value: string }>;
  PortMappings: Array<{ ContainerPort: number; Name: string }>;
  HealthCheck: { Command: string[] };
  StopTimeout: number;
  ReadonlyRootFilesystem: boolean;
  User: string;
  Image: unknown;
  LinuxParameters: { Capabilities: { Drop: string[] } };
}

function ecsService(entry: ServiceEntry, source = template): CfnResource {
  return onlyResource(
    source,
    'AWS::ECS::Service',
    (service) => service.Properties.ServiceName === entry.name,
  );
}

function ecsServiceId(entry: ServiceEntry): string {
  const [id] = Object.entries(resourcesOfType(template, 'AWS::ECS::Service')).find(
    ([, service]) => service.Properties.ServiceName === entry.name,
  )!;
  return id;
}

function taskOf(entry: ServiceEntry, source = template): CfnResource {
  const reference = ecsService(entry, source).Properties.TaskDefinition as { Ref: string };
  return source.toJSON().Resources[reference.Ref] as CfnResource;
}

function containerOf(entry: ServiceEntry, source = template): Container {
  const definitions = taskOf(entry, source).Properties.ContainerDefinitions as Container[];
  return definitions.find((definition) => definition.Name === entry.name)!;
}

/** The target value of one of the service's predefined target-tracking policies. */
function predefinedScalingTarget(entry: ServiceEntry, type: string): number {
  const serviceId = ecsServiceId(entry);
  const [targetId] = Object.entries(
    resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalableTarget'),
  ).find(([, target]) => JSON.stringify(target.Properties.ResourceId).includes(`"${serviceId}"`))!;
  const policy = Object.values(resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalingPolicy'))
    .filter((candidate) => JSON.stringify(candidate.Properties).includes(targetId))
    .map(
      (candidate) => candidate.Properties.TargetTrackingScalingPolicyConfiguration as Record<string, unknown>,
    )
    .find(
      (candidate) =>
        (candidate.PredefinedMetricSpecification as { PredefinedMetricType?: string } | undefined)
          ?.PredefinedMetricType === type,
    );
  return policy?.TargetValue as number;
}

function environmentOf(container: Container): Record<string, string> {
  return Object.fromEntries(container.Environment.map((variable) => [variable.Name, variable.Value]));
}

test('there is exactly one Fargate service per catalog service and worker, named after it', () => {
  const names = Object.values(resourcesOfType(template, 'AWS::ECS::Service')).map(
    (service) => service.Properties.ServiceName,
  );
  const workers = services.flatMap((entry) => (entry.workers ?? []).map((worker) => worker.name));
  expect(names.sort()).toEqual([...services.map((entry) => entry.name), ...workers].sort());
});

test('the cluster has Container Insights and both Fargate capacity providers', () => {
  template.hasResourceProperties('AWS::ECS::Cluster', {
    ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
  });
  template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
    CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
  });
});

describe.each(services.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
  const container = containerOf(entry);
  const environment = environmentOf(container);

  test('scales between the catalog bounds on its CPU, memory and request targets', () => {
    const serviceId = ecsServiceId(entry);
    const targets = Object.entries(
      resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalableTarget'),
    ).filter(([, target]) => JSON.stringify(target.Properties.ResourceId).includes(`"${serviceId}"`));
    expect(targets).toHaveLength(1);
    const [targetId, target] = targets[0]!;
    expect(target.Properties).toEqual(
      expect.objectContaining({
        MinCapacity: entry.scaling.minReplicas,
        MaxCapacity: entry.scaling.maxReplicas,
        ScalableDimension: 'ecs:service:DesiredCount',
      }),
    );
    expect(target.DependsOn ?? []).toContain(serviceId);

    const policies = Object.values(resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalingPolicy'))
      .filter((policy) => JSON.stringify(policy.Properties).includes(targetId))
      .map((policy) => policy.Properties.TargetTrackingScalingPolicyConfiguration as Record<string, unknown>);
    const predefined = (type: string) =>
      policies.find(
        (policy) =>
          (policy.PredefinedMetricSpecification as { PredefinedMetricType?: string })
            ?.PredefinedMetricType === type,
      );
    expect(predefined('ECSServiceAverageCPUUtilization')?.TargetValue).toBeGreaterThan(0);
    expect(predefined('ECSServiceAverageMemoryUtilization')?.TargetValue).toBeGreaterThan(0);
    const requests = policies.find((policy) => policy.CustomizedMetricSpecification);
    expect(requests?.TargetValue).toBe(entry.scaling.targetRequestsPerSecond);
    const metrics = (
      requests?.CustomizedMetricSpecification as {
        Metrics: Array<{ Expression?: string; ReturnData?: boolean }>;
      }
    ).Metrics;
    expect(metrics.find((metric) => metric.ReturnData)?.Expression).toBe('requests / tasks / 60');
  });

  test('scales out at the CPU and memory at which its Kubernetes HPA does, below the container limits', () => {
    const task = taskOf(entry).Properties;
    const targetOf = (type: string) => predefinedScalingTarget(entry, type);
    // ECS divides by the whole task (CPU units of 1/1024 vCPU, MiB); an HPA by the container request.
    const ecsCpuMillicores =
      (targetOf('ECSServiceAverageCPUUtilization') / 100) * Number(task.Cpu) * (1000 / 1024);
    const ecsMemoryMiB = (targetOf('ECSServiceAverageMemoryUtilization') / 100) * Number(task.Memory);
    const hpaCpuMillicores = (entry.scaling.targetCpuPercent / 100) * entry.resources.cpu.requestMillicores;
    const hpaMemoryMiB = (entry.scaling.targetMemoryPercent / 100) * entry.resources.memory.requestMiB;
    expect(ecsCpuMillicores).toBeCloseTo(hpaCpuMillicores, 0);
    expect(ecsMemoryMiB).toBeCloseTo(hpaMemoryMiB, 0);
    expect(ecsMemoryMiB).toBeLessThan(container.Memory);
    expect(ecsCpuMillicores).toBeLessThan(entry.resources.cpu.limitMillicores);
  });

  test('reserves the catalog requests and is capped at the catalog limits, in a valid Fargate size', () => {
    expect(container.Cpu).toBe(Math.ceil((entry.resources.cpu.requestMillicores * 1024) / 1000));
    expect(container.MemoryReservation).toBe(entry.resources.memory.requestMiB);
    expect(container.Memory).toBe(entry.resources.memory.limitMiB);
    const task = taskOf(entry).Properties;
    expect(Number(task.Cpu)).toBeGreaterThanOrEqual(
      Math.ceil((entry.resources.cpu.limitMillicores * 1024) / 1000),
    );
    expect(Number(task.Memory)).toBeGreaterThan(entry.resources.memory.limitMiB);
  });

  test('listens on its catalog port and is health-checked on its liveness path', () => {
    expect(container.PortMappings).toEqual([
      expect.objectContaining({ ContainerPort: entry.port, Name: entry.name }),
    ]);
    expect(environment.PORT).toBe(String(entry.port));
    expect(container.HealthCheck.Command.join(' ')).toContain(
      `http://127.0.0.1:${entry.port}${entry.health.live}`,
    );
  });

  test("gets SIGKILL only after readiness has failed and requests have drained, within Fargate's 120 s", () => {
    const delay = Number(environment.SHUTDOWN_DELAY_MS);
    const drain = Number(environment.SHUTDOWN_TIMEOUT_MS);
    expect(delay).toBe(Number(envDefaults(entry.name).SHUTDOWN_DELAY_MS));
    expect(container.StopTimeout * 1000).toBeGreaterThan(delay + drain);
    expect(container.StopTimeout).toBeLessThanOrEqual(120);
    expect(drain).toBeLessThanOrEqual(entry.drainSeconds * 1000);
  });

  test('runs the image of this commit from its own ECR repository', () => {
    const image = JSON.stringify(container.Image);
    expect(image).toContain(`:${testImageTag}`);
    const repository = crossStackTarget(container.Image, prod.templates);
    expect(repository?.resource.Type).toBe('AWS::ECR::Repository');
    expect(repository?.resource.Properties.RepositoryName).toBe(`whatif-prod/${entry.name}`);
  });

  test('rolls back a deployment whose tasks do not become healthy', () => {
    expect(ecsService(entry).Properties.DeploymentConfiguration).toEqual(
      expect.objectContaining({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
      }),
    );
  });

  test('in prod runs as a non-root user on a read-only root filesystem with every capability dropped', () => {
    expect(container.User).toBe('1000:1000');
    expect(container.ReadonlyRootFilesystem).toBe(true);
    expect(container.LinuxParameters.Capabilities.Drop).toEqual(['ALL']);
    expect(ecsService(entry).Properties.EnableExecuteCommand).toBe(false);
  });

  test('reaches each callee through its Service Connect name and port', () => {
    for (const calleeName of entry.calls) {
      const callee = services.find((candidate) => candidate.name === calleeName)!;
      expect(environment[`${callee.name.toUpperCase()}_SERVICE_URL`]).toBe(
        `http://${callee.name}:${callee.port}`,
      );
    }
  });

  test("writes its logs to its own group with the environment's retention", () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/whatif/prod/services/${entry.name}`,
      RetentionInDays: environments.prod.observability.logRetention,
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/whatif/prod/services/${entry.name}`,
      RetentionInDays: RetentionDays.THREE_MONTHS,
    });
  });
});

test('every service that someone calls is published in Service Connect under its catalog name and port', () => {
  for (const entry of services) {
    const configuration = ecsService(entry).Properties.ServiceConnectConfiguration as {
      Enabled: boolean;
      Services?: Array<{ ClientAliases: Array<{ DnsName: string; Port: number }> }>;
    };
    expect(configuration.Enabled).toBe(true);
    const called = services.some((caller) => caller.calls.includes(entry.name));
    expect(configuration.Services?.[0]?.ClientAliases ?? []).toEqual(
      called ? [{ DnsName: entry.name, Port: entry.port }] : [],
    );
  }
});

test('prod keeps its base and three in four tasks on regular Fargate; dev runs on Spot', () => {
  const gateway = services.find((entry) => entry.public)!;
  expect(ecsService(gateway).Properties.CapacityProviderStrategy).toEqual([
    { CapacityProvider: 'FARGATE', Base: 2, Weight: 3 },
    { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
  ]);
  expect(ecsService(gateway, dev.templates.services).Properties.CapacityProviderStrategy).toEqual([
    { CapacityProvider: 'FARGATE_SPOT', Weight: 1 },
  ]);
});

test('the gateway takes the client address from before CloudFront and the ALB', () => {
  const gateway = services.find((entry) => entry.public)!;
  // 0 made every user one client (the ALB's address): one IP rate-limit bucket for everybody.
  expect(environmentOf(containerOf(gateway)).TRUSTED_PROXY_COUNT).toBe(String(trustedProxyCount('ecs')));
  expect(deploymentPaths.ecs).toEqual(['CloudFront', 'ALB']);
});

test('dev allows ECS Exec for debugging, which needs a writable root filesystem', () => {
  const gateway = services.find((entry) => entry.public)!;
  expect(ecsService(gateway, dev.templates.services).Properties.EnableExecuteCommand).toBe(true);
  expect(containerOf(gateway, dev.templates.services).ReadonlyRootFilesystem).toBe(false);
});

test("a drain longer than Fargate allows is cut to fit; every other drain is the catalog's", () => {
  for (const entry of services) {
    const container = containerOf(entry);
    const delay = Number(envDefaults(entry.name).SHUTDOWN_DELAY_MS);
    const fits = delay + entry.drainSeconds * 1000 + 5000 <= 120_000;
    const drain = Number(environmentOf(container).SHUTDOWN_TIMEOUT_MS);
    expect(drain).toBe(fits ? entry.drainSeconds * 1000 : 115_000 - delay);
    if (!fits) expect(container.StopTimeout).toBe(120);
  }
});

/** Every statement of the policies attached to a service's task role. */
function taskRoleStatements(
  entry: ServiceEntry,
  source = template,
): Array<{ Sid?: string; Action: unknown; Resource: unknown }> {
  const roleReference = taskOf(entry, source).Properties.TaskRoleArn as { 'Fn::GetAtt': [string, string] };
  const roleId = roleReference['Fn::GetAtt'][0];
  return Object.values(resourcesOfType(source, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
    .flatMap(
      (policy) =>
        (
          policy.Properties.PolicyDocument as {
            Statement: Array<{ Sid?: string; Action: unknown; Resource: unknown }>;
          }
        ).Statement,
    );
}

test('task roles grant each service its own tables and nothing else', () => {
  for (const entry of services) {
    const statements = taskRoleStatements(entry);
    const dynamoResources = statements
      .filter((statement) => JSON.stringify(statement.Action).includes('dynamodb:'))
      .flatMap((statement) => [statement.Resource].flat())
      .map((resource) => JSON.stringify(resource));
    const tableNames = entry.dynamoTables.map((table) => `whatif-prod-${table.name}`);
    expect(
      dynamoResources.filter((resource) => !tableNames.some((name) => resource.includes(`table/${name}`))),
    ).toEqual([]);
    expect(
      tableNames.every((name) => dynamoResources.some((resource) => resource.includes(`table/${name}"`))),
    ).toBe(true);
  }
});

test('prod sends account mail through SES as the zone domain, with permission for that identity alone', () => {
  const user = services.find((entry) => entry.name === 'user')!;
  const domain = prod.config.domain.hostedZoneName;
  expect(environmentOf(containerOf(user))).toEqual(
    expect.objectContaining({ MAILER: 'ses', MAIL_FROM: `What If <no-reply@${domain}>` }),
  );
  const mail = taskRoleStatements(user).filter((statement) =>
    JSON.stringify(statement.Action).includes('ses:'),
  );
  expect(mail).toEqual([expect.objectContaining({ Sid: 'SendMail', Action: 'ses:SendEmail' })]);
  expect(JSON.stringify(mail[0]!.Resource)).toContain(`:identity/${domain}"`);
  prod.templates.edge.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: domain });

  expect(environmentOf(containerOf(user, dev.templates.services)).MAILER).toBe('log');
  const devMail = taskRoleStatements(user, dev.templates.services).filter((statement) =>
    JSON.stringify(statement.Action).includes('ses:'),
  );
  expect(devMail).toEqual([]);
  dev.templates.edge.resourceCountIs('AWS::SES::EmailIdentity', 0);
});

test('no task may call an AWS API its catalog entry does not declare for this configuration', () => {
  const declared = new Set([
    'OwnTables',
    'SendMail',
    'DataKey',
    'VideoObjects',
    'VideoBucket',
    'FailedJobsMetric',
    'InvokeBedrockModel',
  ]);
  for (const entry of services) {
    for (const statement of taskRoleStatements(entry)) expect(declared).toContain(statement.Sid);
  }
});

test('generation writes with Bedrock in AWS, may invoke exactly the configured model, and falls back offline', () => {
  const generation = services.find((entry) => entry.name === 'generation')!;
  const environment = environmentOf(containerOf(generation));
  expect(environment).toMatchObject({
    GENERATION_PROVIDERS: 'bedrock,local',
    BEDROCK_REGION: 'us-east-1',
    BEDROCK_MODEL_ID: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
  });
  const bedrock = taskRoleStatements(generation).filter((statement) =>
    JSON.stringify(statement.Action).includes('bedrock:'),
  );
  expect(bedrock).toHaveLength(1);
  const resources = JSON.stringify(bedrock[0]!.Resource);
  expect(resources).toContain(':inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0');
  expect(resources).toContain(':foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
  expect(resources).not.toContain('foundation-model/*');
  // No other service may call Bedrock.
  for (const entry of services.filter((other) => other.name !== 'generation')) {
    expect(JSON.stringify(taskRoleStatements(entry))).not.toContain('bedrock:');
  }
  // Offline only: no Bedrock permission at all.
  const offline = synthesized('dev', { scenarioProviders: 'local' });
  expect(environmentOf(containerOf(generation, offline.templates.services)).GENERATION_PROVIDERS).toBe(
    'local',
  );
  expect(JSON.stringify(taskRoleStatements(generation, offline.templates.services))).not.toContain(
    'bedrock:',
  );
});

test('the tracing flag adds an OpenTelemetry collector beside every service, exporting to X-Ray', () => {
  const traced = synthesized('dev', { tracing: 'true' });
  for (const entry of services) {
    const names = (
      taskOf(entry, traced.templates.services).Properties.ContainerDefinitions as Container[]
    ).map((definition) => definition.Name);
    expect(names).toEqual([entry.name, 'otel-collector']);
    // The service's SDK sends its spans to the collector beside it; untraced, it sends none.
    expect(environmentOf(containerOf(entry, traced.templates.services)).OTEL_EXPORTER_OTLP_ENDPOINT).toBe(
      'http://localhost:4318',
    );
    expect(environmentOf(containerOf(entry)).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('');
  }
  expect(JSON.stringify(traced.templates.services.toJSON())).toContain('xray:PutTraceSegments');
  traced.templates.network.hasResourceProperties('AWS::EC2::VPCEndpoint', {
    ServiceName: 'com.amazonaws.us-east-1.xray',
  });
  expect(new AwsSolutionsChecks().validateScope(traced.app).violations).toEqual([]);
  expect(JSON.stringify(dev.templates.services.toJSON())).not.toContain('otel-collector');
});

test('video keeps its files in the environment bucket, which its task role may write', () => {
  const video = services.find((entry) => entry.objectStorage)!;
  const environment = environmentOf(containerOf(video));
  expect(environment.VIDEO_STORAGE).toBe('s3');
  // The bucket's name carries the account and region: whatif-prod-videos-<account>-<region>.
  expect(environment.VIDEO_BUCKET).toEqual({
    'Fn::Join': ['', ['whatif-prod-videos-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]],
  });
  expect(videoBucketName('prod')).toMatch(/^whatif-prod-videos-/);
});

describe('the video worker', () => {
  const video = services.find((entry) => entry.workers?.length)!;
  const worker = video.workers![0]!;
  const service = onlyResource(
    template,
    'AWS::ECS::Service',
    (candidate) => candidate.Properties.ServiceName === worker.name,
  );
  const task = template.toJSON().Resources[
    (service.Properties.TaskDefinition as { Ref: string }).Ref
  ] as CfnResource;
  const container = (task.Properties.ContainerDefinitions as Array<Container & { Command: string[] }>).find(
    (definition) => definition.Name === worker.name,
  )!;

  test("runs the video image with the catalog's command and port, behind no load balancer and outside Service Connect", () => {
    expect(container.Command).toEqual(['node', 'dist/worker.js']);
    expect(container.Image).toEqual(containerOf(video).Image);
    expect(container.PortMappings ?? []).toEqual([]);
    expect(container.HealthCheck.Command.join(' ')).toContain(
      `127.0.0.1:${worker.port}${worker.health.live}`,
    );
    expect(service.Properties.LoadBalancers ?? []).toEqual([]);
    expect(service.Properties.ServiceConnectConfiguration).toBeUndefined();
    expect(container.ReadonlyRootFilesystem).toBe(true);
    expect(container.User).toBe('1000:1000');
  });

  test('drains its running job for the catalog time before Fargate stops it, and publishes its metrics', () => {
    const environment = environmentOf(container);
    expect(environment.PORT).toBe(String(worker.port));
    expect(environment.SHUTDOWN_TIMEOUT_MS).toBe(String(worker.drainSeconds * 1000));
    expect(container.StopTimeout).toBeGreaterThan((worker.drainSeconds * 1000 + 5000) / 1000);
    expect(container.StopTimeout).toBeLessThanOrEqual(120);
    expect(environment.VIDEO_METRICS_NAMESPACE).toBe(worker.cloudWatch.namespace);
    expect(environment.VIDEO_METRICS_ENVIRONMENT).toBe('prod');
    // Otherwise the API's configuration: the same bucket, table prefix and secrets.
    expect(environment.VIDEO_BUCKET).toEqual(environmentOf(containerOf(video)).VIDEO_BUCKET);
  });

  test('scales within the catalog bounds on CPU and on queued jobs per running task', () => {
    const target = onlyResource(
      template,
      'AWS::ApplicationAutoScaling::ScalableTarget',
      (candidate) => candidate.Properties.ResourceId === `service/whatif-prod/${worker.name}`,
    );
    expect(target.Properties).toMatchObject({
      MinCapacity: worker.scaling.minReplicas,
      MaxCapacity: worker.scaling.maxReplicas,
    });
    const queuePolicy = onlyResource(
      template,
      'AWS::ApplicationAutoScaling::ScalingPolicy',
      (candidate) => candidate.Properties.PolicyName === `whatif-prod-${worker.name}-jobs-per-task`,
    );
    const tracking = queuePolicy.Properties.TargetTrackingScalingPolicyConfiguration as {
      TargetValue: number;
      CustomizedMetricSpecification: {
        Metrics: Array<{ Id: string; MetricStat?: { Metric: { MetricName: string; Namespace: string } } }>;
      };
    };
    expect(tracking.TargetValue).toBe(worker.scaling.jobsPerReplica);
    expect(tracking.CustomizedMetricSpecification.Metrics[0]?.MetricStat?.Metric).toMatchObject({
      Namespace: worker.cloudWatch.namespace,
      MetricName: worker.cloudWatch.queueDepth,
    });
  });
});

test('with the digests make images recorded (-c imageDigests), every task pins its image by digest', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'what-if-images-'));
  const file = path.join(scratch, 'images.tsv');
  const digestOf = (name: string) => `sha256:${createHash('sha256').update(name).digest('hex')}`;
  writeFileSync(
    file,
    services
      .map((entry) =>
        [entry.name, `whatif-prod/${entry.name}`, testImageTag, digestOf(entry.name)].join('\t'),
      )
      .join('\n'),
  );
  const pinned = synthesized('prod', { imageDigests: file }).templates.services;
  const worker = services.find((entry) => entry.workers?.length)!;
  for (const entry of services) {
    const image = JSON.stringify(containerOf(entry, pinned).Image);
    expect(image).toContain(`@${digestOf(entry.name)}`);
    expect(image).not.toContain(`:${testImageTag}`);
  }
  const workerTask = Object.values(resourcesOfType(pinned, 'AWS::ECS::TaskDefinition')).find((task) =>
    JSON.stringify(task.Properties.ContainerDefinitions).includes(`"Name":"${worker.workers![0]!.name}"`),
  )!;
  expect(JSON.stringify(workerTask.Properties.ContainerDefinitions)).toContain(`@${digestOf(worker.name)}`);

  // A record of another commit, or one lacking a service, is refused rather than half-applied.
  const partial = path.join(scratch, 'partial.tsv');
  writeFileSync(partial, readFileSync(file, 'utf8').replace(/^video\t.*$/m, ''));
  expect(() => synthesized('prod', { imageDigests: partial })).toThrow(
    `${partial} records no image of video: run make images again`,
  );
  rmSync(scratch, { recursive: true });
});
