import { outboxBacklogReport, services } from '@what-if/catalog';
import { Match } from 'aws-cdk-lib/assertions';
import { keepsOutbox, outboxBacklogMetric } from '../src/observability/outbox-backlog-metric';
import { videoJobsFailed } from '../src/observability/video-job-metric';
import { synthesized } from './support/synthesized';
import { onlyResource, resourcesOfType } from './support/template-queries';

const { templates, config, stacks } = synthesized('prod');
const observability = templates.observability;
const alarms = Object.values(resourcesOfType(observability, 'AWS::CloudWatch::Alarm'));
const topicId = Object.keys(resourcesOfType(observability, 'AWS::SNS::Topic'))[0]!;

function alarm(name: string) {
  const found = alarms.find((candidate) => candidate.Properties.AlarmName === name);
  if (!found) throw new Error(`No alarm named ${name}`);
  return found.Properties;
}

describe.each(services.map((entry) => [entry.name, entry] as const))('%s', (name, entry) => {
  test('has the full alarm set, each notifying the alert topic when it fires and when it clears', () => {
    for (const suffix of ['5xx', 'p99', 'cpu', 'memory', 'tasks-below-minimum']) {
      const properties = alarm(`whatif-prod-${name}-${suffix}`);
      expect(properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  test('alarms at the catalog latency objective and below the catalog minimum of tasks', () => {
    const p99 = alarm(`whatif-prod-${name}-p99`);
    if (entry.public) {
      // Route by route: the share of requests slower than their own service's objective.
      expect(p99.Threshold).toBe(1);
      expect(JSON.stringify(p99.Metrics)).toContain('"MetricName":"GatewayRoutedRequestsOverObjective"');
      expect(JSON.stringify(p99.Metrics)).not.toContain('TargetResponseTime');
    } else {
      expect(p99.ExtendedStatistic).toBe('p99');
      expect(p99.Threshold).toBe(entry.latency.p99Ms);
    }
    const tasks = alarm(`whatif-prod-${name}-tasks-below-minimum`);
    expect(tasks).toEqual(
      expect.objectContaining({
        Threshold: entry.scaling.minReplicas,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      }),
    );
  });

  test('saturation alarms use the environment thresholds', () => {
    expect(alarm(`whatif-prod-${name}-cpu`).Threshold).toBe(config.observability.alarms.cpuPercent);
    expect(alarm(`whatif-prod-${name}-memory`).Threshold).toBe(config.observability.alarms.memoryPercent);
  });
});

test('unhealthy gateway targets alarm in both blue-green target groups', () => {
  for (const colour of ['blue', 'green']) {
    expect(alarm(`whatif-prod-gateway-unhealthy-targets-${colour}`).MetricName).toBe('UnHealthyHostCount');
  }
});

test('PostgreSQL and every Redis node have health alarms', () => {
  for (const name of ['postgres-cpu', 'postgres-free-storage', 'postgres-freeable-memory'])
    alarm(`whatif-prod-${name}`);
  for (let node = 1; node <= 1 + config.redis.replicas; node += 1) {
    const suffix = String(node).padStart(3, '0');
    expect(alarm(`whatif-prod-redis-${suffix}-memory`).Dimensions).toEqual([
      { Name: 'CacheClusterId', Value: `whatif-prod-${suffix}` },
    ]);
    alarm(`whatif-prod-redis-${suffix}-engine-cpu`);
  }
});

test('failed video jobs alarm on the documented custom metric', () => {
  expect(alarm('whatif-prod-video-jobs-failed')).toEqual(
    expect.objectContaining({
      Namespace: videoJobsFailed.namespace,
      MetricName: videoJobsFailed.metricName,
      Dimensions: [{ Name: videoJobsFailed.environmentDimension, Value: 'prod' }],
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    }),
  );
});

test('a backlog the workers at their maximum cannot take alarms on the queue depth they publish', () => {
  const worker = services.find((entry) => entry.name === 'video')!.workers![0]!;
  expect(alarm('whatif-prod-video-queue-backlog')).toEqual(
    expect.objectContaining({
      Namespace: worker.cloudWatch.namespace,
      MetricName: worker.cloudWatch.queueDepth,
      Dimensions: [{ Name: worker.cloudWatch.environmentDimension, Value: 'prod' }],
      Statistic: 'Maximum',
      Threshold: worker.scaling.jobsPerReplica * worker.scaling.maxReplicas,
      EvaluationPeriods: 10,
      AlarmActions: [{ Ref: topicId }],
    }),
  );
});

test('the video worker may publish that metric, and only in its namespace; the API may not', () => {
  const policies = Object.values(resourcesOfType(templates.services, 'AWS::IAM::Policy'));
  const publishers = policies.filter((policy) =>
    JSON.stringify(policy.Properties).includes('cloudwatch:PutMetricData'),
  );
  expect(publishers).toHaveLength(1);
  expect(JSON.stringify(publishers[0]!.Properties)).toContain(
    `"cloudwatch:namespace":"${videoJobsFailed.namespace}"`,
  );
  expect(JSON.stringify(publishers[0]!.Properties.Roles)).toContain('videoworkerTaskTaskRole');
});

test('a synthetic check calls the unified /health and alarms when it is not 200', () => {
  observability.hasResourceProperties('AWS::Synthetics::Canary', {
    RunConfig: Match.objectLike({
      // Through CloudFront, like every client: the load balancer admits CloudFront alone.
      EnvironmentVariables: { HEALTH_URL: `https://${config.domain.siteDomain}/health` },
    }),
    Schedule: { Expression: `rate(${config.observability.healthCanaryEveryMinutes} minute)` },
  });
  expect(alarm('whatif-prod-unified-health')).toEqual(
    expect.objectContaining({
      Namespace: 'CloudWatchSynthetics',
      MetricName: 'SuccessPercent',
      AlarmActions: [{ Ref: topicId }],
    }),
  );
});

test('the alert topic is encrypted with a key CloudWatch and AWS Budgets may use, and refuses plain HTTP', () => {
  const topic = onlyResource(observability, 'AWS::SNS::Topic', () => true);
  const [keyId, attribute] = (topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })[
    'Fn::GetAtt'
  ];
  expect(attribute).toBe('Arn');
  // The topic's own key, not any key in the stack, is the one CloudWatch may use.
  const key = resourcesOfType(observability, 'AWS::KMS::Key')[keyId]!;
  expect(key.Properties['EnableKeyRotation']).toBe(true);
  expect((key.Properties['KeyPolicy'] as { Statement: unknown[] }).Statement).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        Principal: { Service: ['budgets.amazonaws.com', 'cloudwatch.amazonaws.com'] },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      }),
    ]),
  );
  observability.hasResourceProperties('AWS::SNS::TopicPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    },
  });
});

test('one dashboard shows every service and every alarm', () => {
  const dashboard = onlyResource(observability, 'AWS::CloudWatch::Dashboard', () => true);
  const body = JSON.stringify(dashboard.Properties.DashboardBody);
  for (const entry of services) expect(body).toContain(`### ${entry.name}`);
  expect(stacks.observability.alarms.length).toBe(alarms.length);
});

test('every log group has a retention', () => {
  for (const template of Object.values(templates)) {
    for (const group of Object.values(resourcesOfType(template, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBe(config.observability.logRetention);
    }
  }
});

describe('the outbox backlog of each service that keeps an outbox', () => {
  test("the services that keep one are the catalog outboxes' owners: user, history, sharing, social", () => {
    expect(services.filter(keepsOutbox).map((entry) => entry.name)).toEqual([
      'user',
      'history',
      'sharing',
      'social',
    ]);
  });

  test.each(services.filter(keepsOutbox).map((entry) => [entry.name, entry] as const))(
    '%s: its log feeds the metric, and the alarm fires once an outbox is past its limit',
    (name, entry) => {
      const backlog = outboxBacklogMetric(config, entry);
      expect(alarm(`whatif-prod-${name}-outbox-stuck`)).toEqual(
        expect.objectContaining({
          Namespace: 'WhatIf/prod',
          MetricName: 'OutboxOverdueSeconds',
          Dimensions: [{ Name: 'Service', Value: name }],
          Statistic: 'Maximum',
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
          TreatMissingData: 'notBreaching',
          AlarmActions: [{ Ref: topicId }],
        }),
      );
      const filters = Object.values(resourcesOfType(templates.services, 'AWS::Logs::MetricFilter')).map(
        (filter) => filter.Properties,
      );
      expect(filters).toContainEqual(
        expect.objectContaining({
          FilterPattern: `{ $.msg = "${outboxBacklogReport.message}" }`,
          MetricTransformations: [
            expect.objectContaining({
              MetricNamespace: backlog.namespace,
              MetricName: backlog.metricName,
              MetricValue: `$.${outboxBacklogReport.overdueField}`,
              Dimensions: [{ Key: 'Service', Value: '$.service' }],
            }),
          ],
        }),
      );
    },
  );
});
