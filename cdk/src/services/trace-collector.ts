import { ArnFormat, Stack } from 'aws-cdk-lib';
import { ContainerImage, type FargateTaskDefinition, type LogDriver } from 'aws-cdk-lib/aws-ecs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** Pinned: a collector upgrade is a deliberate change, not a side effect of a redeploy. */
const collectorImage = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0';
export const traceCollectorMemoryMiB = 128;

/**
 * The AWS Distro for OpenTelemetry collector beside the service (behind the `tracing` flag):
 * it receives OTLP on localhost, the SDK default, and exports traces to X-Ray.
 */
export function addTraceCollector(taskDefinition: FargateTaskDefinition, logging: LogDriver): void {
  taskDefinition.addContainer('otel-collector', {
    image: ContainerImage.fromRegistry(collectorImage),
    command: ['--config=/etc/ecs/ecs-default-config.yaml'],
    essential: false,
    memoryReservationMiB: traceCollectorMemoryMiB / 2,
    memoryLimitMiB: traceCollectorMemoryMiB,
    logging,
  });
  const stack = Stack.of(taskDefinition);
  taskDefinition.addToTaskRolePolicy(
    new PolicyStatement({
      sid: 'XRayExport',
      actions: [
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        'xray:GetSamplingRules',
        'xray:GetSamplingTargets',
        'xray:GetSamplingStatisticSummaries',
      ],
      resources: ['*'],
    }),
  );
  // The default configuration also ships span metrics as embedded metric format logs.
  taskDefinition.addToTaskRolePolicy(
    new PolicyStatement({
      sid: 'CollectorMetricLogs',
      actions: [
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'logs:DescribeLogStreams',
      ],
      resources: [
        stack.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: '/aws/ecs/application/metrics:*',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    }),
  );
}
