import { ArnFormat, Stack } from 'aws-cdk-lib';
import {
  type ContainerDefinition,
  ContainerImage,
  type FargateTaskDefinition,
  type LogDriver,
} from 'aws-cdk-lib/aws-ecs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/** The collector's OTLP/HTTP receiver (ecs-default-config.yaml), where the services' SDK sends spans. */
export const collectorOtlpEndpoint = 'http://localhost:4318';

/** Pinned: a collector upgrade is a deliberate change, not a side effect of a redeploy. */
const collectorImage = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0';
export const traceCollectorMemoryMiB = 128;

/**
 * The AWS Distro for OpenTelemetry collector beside the service (behind the `tracing` flag):
 * the service's container sends it OTLP on localhost (OTEL_EXPORTER_OTLP_ENDPOINT, which turns the
 * kit's tracing on), and it exports the traces to X-Ray.
 */
export function addTraceCollector(
  taskDefinition: FargateTaskDefinition,
  logging: LogDriver,
  traced: ContainerDefinition,
): void {
  // The kit starts tracing only when an OTLP endpoint is set (services/kit/src/tracing.ts).
  traced.addEnvironment('OTEL_EXPORTER_OTLP_ENDPOINT', collectorOtlpEndpoint);
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
