import { envDefaults, services, type Resources } from '@what-if/catalog';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { shutdownTiming, fargateMaxStopTimeoutSeconds } from '../src/catalog/shutdown';
import { taskSizeFor } from '../src/catalog/task-size';
import { environments } from '../src/config/environments';
import { grantTaskPermissions } from '../src/services/task-permissions';
import { acknowledgeAcceptedWildcards } from '../src/nag/accepted-wildcards';
import { errorRateThresholdPercent } from '../src/shared/error-rate';

function resources(cpu: [number, number], memory: [number, number]): Resources {
  return {
    cpu: { requestMillicores: cpu[0], limitMillicores: cpu[1] },
    memory: { requestMiB: memory[0], limitMiB: memory[1] },
    scratchMiB: 256,
  };
}

test('a task is the smallest Fargate size that holds the limits and the sidecars', () => {
  expect(taskSizeFor(resources([250, 500], [256, 512]), 64)).toEqual({
    cpu: 512,
    memoryMiB: 1024,
    container: { cpu: 256, memoryReservationMiB: 256, memoryLimitMiB: 512 },
  });
  expect(taskSizeFor(resources([250, 250], [256, 448]), 64)).toMatchObject({ cpu: 256, memoryMiB: 512 });
  expect(taskSizeFor(resources([250, 1000], [256, 2048]), 64)).toMatchObject({ cpu: 1024, memoryMiB: 3072 });
  // 256 CPU units allow at most 2 GiB: more memory needs a bigger CPU size.
  expect(taskSizeFor(resources([100, 250], [2048, 2048]), 64)).toMatchObject({ cpu: 512, memoryMiB: 3072 });
  expect(() => taskSizeFor(resources([1000, 20000], [512, 512]), 64)).toThrow(/No Fargate size/);
});

test('every catalog service gets a valid size and a shutdown that finishes before SIGKILL', () => {
  for (const entry of services) {
    const size = taskSizeFor(entry.resources, 64);
    expect(size.memoryMiB).toBeGreaterThanOrEqual(entry.resources.memory.limitMiB + 64);
    const timing = shutdownTiming(entry);
    expect(timing.stopTimeoutSeconds * 1000).toBeGreaterThan(timing.delayMs + timing.timeoutMs);
    expect(timing.stopTimeoutSeconds).toBeLessThanOrEqual(fargateMaxStopTimeoutSeconds);
  }
});

test('the 5xx threshold is the error budget times the burn rate', () => {
  const entry = { ...services[0]!, latency: { p99Ms: 300, availability: 0.999 } };
  expect(errorRateThresholdPercent(entry, 14.4)).toBe(1.44);
  expect(errorRateThresholdPercent({ ...entry, latency: { p99Ms: 300, availability: 0.99 } }, 14.4)).toBe(
    14.4,
  );
});

describe('wildcard permissions', () => {
  function findingsFor(statement: PolicyStatement): string[] {
    const app = new App();
    const stack = new Stack(app, 'Probe');
    const role = new Role(stack, 'Role', { assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com') });
    role.addToPrincipalPolicy(statement);
    acknowledgeAcceptedWildcards(stack);
    return new AwsSolutionsChecks().validateScope(app).violations.map((violation) => violation.ruleName);
  }

  test('are acknowledged for actions IAM cannot scope to a resource', () => {
    expect(
      findingsFor(new PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] })),
    ).toEqual([]);
  });

  test('stay findings for anything else on "*"', () => {
    expect(findingsFor(new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['*'] }))).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
    ]);
  });

  test('stay findings for bucket-wide wildcards with actions beyond object access', () => {
    expect(
      findingsFor(
        new PolicyStatement({ actions: ['s3:PutBucketPolicy'], resources: ['arn:aws:s3:::videos/*'] }),
      ),
    ).toEqual(['AwsSolutions-IAM5[Resource::arn:aws:s3:::videos/*]']);
  });
});

describe('task permissions follow the configuration', () => {
  function grantsFor(name: 'generation' | 'user', environment: Record<string, string>) {
    const app = new App();
    const stack = new Stack(app, 'Probe', { env: { region: 'us-east-1' } });
    const role = new Role(stack, 'Role', { assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com') });
    grantTaskPermissions({
      config: environments.prod,
      entry: services.find((entry) => entry.name === name)!,
      role,
      environment: { ...envDefaults(name), ...environment },
      dataKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/probe',
    });
    acknowledgeAcceptedWildcards(stack);
    const statements = JSON.stringify(Template.fromStack(stack).toJSON());
    const findings = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.map((violation) => violation.ruleName);
    return { statements, findings };
  }

  test('making Bedrock a provider grants exactly the configured model, with no IAM change', () => {
    const { statements, findings } = grantsFor('generation', {
      GENERATION_PROVIDERS: 'bedrock,local',
      BEDROCK_MODEL_ID: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    });
    expect(statements).toContain('bedrock:InvokeModelWithResponseStream');
    expect(statements).toContain(':inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0"');
    expect(statements).toContain(':bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"');
    expect(statements).not.toContain('foundation-model/*');
    expect(findings).toEqual([]);
  });
});
