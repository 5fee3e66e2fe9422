import { routeTable, services } from '@what-if/catalog';
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnSecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { CfnListenerRule, CfnTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { synthesized } from './support/synthesized';
import { crossStackTarget, onlyResource, resourcesOfType } from './support/template-queries';

const { stacks, templates, config } = synthesized('prod');
const edge = templates.edge;
const gateway = services.find((entry) => entry.public)!;

function logicalIdOf(construct: CfnTargetGroup | CfnListenerRule): string {
  return Stack.of(construct).getLogicalId(construct);
}
const blueId = logicalIdOf(stacks.edge.targetGroups.blue.node.defaultChild as CfnTargetGroup);
const greenId = logicalIdOf(stacks.edge.targetGroups.green.node.defaultChild as CfnTargetGroup);
const productionRuleId = logicalIdOf(stacks.edge.productionRule.node.defaultChild as CfnListenerRule);
const testRuleId = logicalIdOf(stacks.edge.testRule.node.defaultChild as CfnListenerRule);

const gatewayService = onlyResource(
  templates.services,
  'AWS::ECS::Service',
  (service) => service.Properties.ServiceName === gateway.name,
);

test('only the gateway sits behind the load balancer', () => {
  const balanced = Object.values(resourcesOfType(templates.services, 'AWS::ECS::Service')).filter(
    (service) => ((service.Properties.LoadBalancers as unknown[] | undefined) ?? []).length > 0,
  );
  expect(balanced.map((service) => service.Properties.ServiceName)).toEqual([gateway.name]);
  const [target] = gatewayService.Properties.LoadBalancers as Array<{
    ContainerName: string;
    ContainerPort: number;
  }>;
  expect(target).toEqual(
    expect.objectContaining({ ContainerName: gateway.name, ContainerPort: gateway.port }),
  );
});

test('the listeners forward only the public surface: /metrics and the probes stay internal', () => {
  const rules = Object.values(resourcesOfType(edge, 'AWS::ElasticLoadBalancingV2::ListenerRule'));
  expect(rules.length).toBeGreaterThanOrEqual(2);
  for (const rule of rules) {
    const conditions = rule.Properties.Conditions as Array<{
      Field: string;
      PathPatternConfig?: { Values: string[] };
    }>;
    const patterns = conditions.flatMap((condition) => condition.PathPatternConfig?.Values ?? []);
    expect(patterns.sort()).toEqual(['/api/*', '/health', '/openapi.json', '/s/*']);
    for (const internal of ['/metrics', '/health/ready', '/health/live', '/*'])
      expect(patterns).not.toContain(internal);
  }
});

test("target health is the gateway's own readiness, never the unified /health", () => {
  const groups = Object.values(resourcesOfType(edge, 'AWS::ElasticLoadBalancingV2::TargetGroup'));
  expect(groups).toHaveLength(2);
  for (const group of groups) {
    expect(group.Properties).toEqual(
      expect.objectContaining({
        Port: gateway.port,
        TargetType: 'ip',
        HealthCheckPath: gateway.health.ready,
        Matcher: { HttpCode: '200' },
      }),
    );
    expect(group.Properties.HealthCheckPath).not.toBe('/health');
    expect(group.Properties.TargetGroupAttributes).toEqual(
      expect.arrayContaining([
        { Key: 'deregistration_delay.timeout_seconds', Value: String(gateway.drainSeconds) },
      ]),
    );
  }
});

test('HTTPS uses the configured certificate and a TLS 1.2+ policy; there is no plain HTTP', () => {
  edge.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
    Port: 443,
    Protocol: 'HTTPS',
    Certificates: [{ CertificateArn: config.domain.certificateArn }],
    SslPolicy: Match.stringLikeRegexp('TLS13-1-2'),
  });
  // CloudFront, the only client, connects over HTTPS; browsers are redirected there by CloudFront.
  const listeners = Object.values(resourcesOfType(edge, 'AWS::ElasticLoadBalancingV2::Listener'));
  expect(listeners.map((listener) => listener.Properties.Protocol)).toEqual(['HTTPS', 'HTTPS']);
});

test('the load balancer drops invalid headers, logs access and is protected by WAF', () => {
  const loadBalancer = onlyResource(edge, 'AWS::ElasticLoadBalancingV2::LoadBalancer', () => true).Properties;
  expect(loadBalancer.Scheme).toBe('internet-facing');
  expect(loadBalancer.LoadBalancerAttributes).toEqual(
    expect.arrayContaining([
      { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
      { Key: 'access_logs.s3.enabled', Value: 'true' },
      { Key: 'deletion_protection.enabled', Value: 'true' },
    ]),
  );
  edge.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  edge.hasResourceProperties('AWS::WAFv2::WebACL', {
    Scope: 'REGIONAL',
    Rules: Match.arrayWith([
      Match.objectLike({
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
      }),
    ]),
  });
  // Every request comes from a CloudFront address: a per-IP limit here would throttle whole edge
  // locations. CloudFront's web ACL limits each viewer (frontend.test.ts).
  expect(JSON.stringify(resourcesOfType(edge, 'AWS::WAFv2::WebACL'))).not.toContain('RateBasedStatement');
});

test('the gateway deploys blue-green: a test listener, a bake time, and alarms that roll back', () => {
  const deployment = gatewayService.Properties.DeploymentConfiguration as {
    Strategy: string;
    BakeTimeInMinutes: number;
    Alarms: { AlarmNames: Array<{ Ref: string }>; Enable: boolean; Rollback: boolean };
  };
  expect(deployment.Strategy).toBe('BLUE_GREEN');
  expect(deployment.BakeTimeInMinutes).toBe(config.edge.blueGreenBakeMinutes);
  expect(deployment.Alarms).toEqual(expect.objectContaining({ Enable: true, Rollback: true }));
  const alarmIds = deployment.Alarms.AlarmNames.map((name) => name.Ref);
  expect(alarmIds).toHaveLength(2);
  for (const id of alarmIds)
    expect(templates.services.toJSON().Resources[id].Type).toBe('AWS::CloudWatch::Alarm');

  const [target] = gatewayService.Properties.LoadBalancers as Array<{
    TargetGroupArn: unknown;
    AdvancedConfiguration: {
      AlternateTargetGroupArn: unknown;
      ProductionListenerRule: unknown;
      TestListenerRule: unknown;
    };
  }>;
  const resolved = (value: unknown) => crossStackTarget(value, templates)?.logicalId;
  expect(resolved(target!.TargetGroupArn)).toBe(blueId);
  expect(resolved(target!.AdvancedConfiguration.AlternateTargetGroupArn)).toBe(greenId);
  expect(resolved(target!.AdvancedConfiguration.ProductionListenerRule)).toBe(productionRuleId);
  expect(resolved(target!.AdvancedConfiguration.TestListenerRule)).toBe(testRuleId);
});

test('before production traffic moves, a hook calls the new revision through the test listener', () => {
  const deployment = gatewayService.Properties.DeploymentConfiguration as {
    LifecycleHooks: Array<{
      HookTargetArn: { 'Fn::GetAtt': [string, string] };
      LifecycleStages: string[];
      RoleArn: unknown;
    }>;
  };
  expect(deployment.LifecycleHooks).toHaveLength(1);
  const [hook] = deployment.LifecycleHooks;
  expect(hook!.LifecycleStages).toEqual(['POST_TEST_TRAFFIC_SHIFT']);
  const check = templates.services.toJSON().Resources[hook!.HookTargetArn['Fn::GetAtt'][0]] as {
    Type: string;
    Properties: {
      Runtime: string;
      Environment: { Variables: Record<string, string> };
      VpcConfig: { SecurityGroupIds: unknown[] };
    };
  };
  expect(check.Type).toBe('AWS::Lambda::Function');
  // Where the runbook sends an operator for the verdicts.
  templates.services.hasResourceProperties('AWS::Logs::LogGroup', {
    LogGroupName: '/whatif/prod/functions/deployment-gate',
  });
  edge.hasResourceProperties('AWS::Logs::LogGroup', {
    LogGroupName: '/whatif/prod/functions/listener-weights',
  });
  expect(check.Properties.Runtime).toBe('nodejs24.x');
  expect(check.Properties.Environment.Variables).toEqual(
    expect.objectContaining({
      TEST_URL: `https://${config.domain.apiDomain}:8443`,
      PRODUCTION_URL: `https://${config.domain.siteDomain}`,
    }),
  );
  // From the VPC, whose calls to the public listener leave through the NAT gateways it admits.
  const group = crossStackTarget(check.Properties.VpcConfig.SecurityGroupIds[0], templates);
  expect(group?.logicalId).toBe(
    Stack.of(stacks.network.groups.deploymentGate).getLogicalId(
      stacks.network.groups.deploymentGate.node.defaultChild as CfnSecurityGroup,
    ),
  );
  const egress = (group!.resource.Properties.SecurityGroupEgress as Array<{ FromPort: number }>).map(
    (rule) => rule.FromPort,
  );
  expect(egress.sort()).toEqual([443, 8443]);
  expect(group!.resource.Properties.SecurityGroupIngress ?? []).toEqual([]);
});

test('the test listener answers on its own HTTPS port', () => {
  edge.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8443, Protocol: 'HTTPS' });
});

test('the listener rules are written with the weights the load balancer has now, so no stack update moves traffic', () => {
  const [weightsId, weights] = Object.entries(resourcesOfType(edge, 'Custom::GatewayListenerWeights'))[0]!;
  const forwardsOf = (ruleId: string) =>
    (
      edge.toJSON().Resources[ruleId] as {
        Properties: {
          Actions: Array<{
            ForwardConfig: { TargetGroups: Array<{ TargetGroupArn: unknown; Weight: unknown }> };
          }>;
        };
      }
    ).Properties.Actions[0]!.ForwardConfig.TargetGroups;
  // aws/aws-cdk#36649: literal weights would send production back to the first colour after a swap.
  expect(forwardsOf(productionRuleId)).toEqual([
    { TargetGroupArn: { Ref: blueId }, Weight: { 'Fn::GetAtt': [weightsId, 'ProductionBlueWeight'] } },
    { TargetGroupArn: { Ref: greenId }, Weight: { 'Fn::GetAtt': [weightsId, 'ProductionGreenWeight'] } },
  ]);
  expect(forwardsOf(testRuleId)).toEqual([
    { TargetGroupArn: { Ref: blueId }, Weight: { 'Fn::GetAtt': [weightsId, 'TestBlueWeight'] } },
    { TargetGroupArn: { Ref: greenId }, Weight: { 'Fn::GetAtt': [weightsId, 'TestGreenWeight'] } },
  ]);
  // Whatever else makes up the rules is an input of the reader, so it reads again before they change.
  expect(weights.Properties).toEqual(
    expect.objectContaining({
      BlueTargetGroupArn: { Ref: blueId },
      GreenTargetGroupArn: { Ref: greenId },
      ClusterName: 'whatif-prod',
      ServiceName: gateway.name,
    }),
  );
  const shape = JSON.parse(weights.Properties.RuleShape as string) as Array<{
    priority: number;
    conditions: unknown;
  }>;
  expect(shape.map((rule) => rule.priority)).toEqual([1, 1]);
  for (const rule of shape) expect(JSON.stringify(rule.conditions)).toContain('"/openapi.json"');
  const reader = edge.toJSON().Resources[
    (weights.Properties.ServiceToken as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]
  ] as { Properties: { Runtime: string; Handler: string; Role: { 'Fn::GetAtt': [string, string] } } };
  expect(reader.Properties).toEqual(
    expect.objectContaining({ Runtime: 'nodejs24.x', Handler: 'index.handler' }),
  );
  const readerPolicy = JSON.stringify(
    Object.values(resourcesOfType(edge, 'AWS::IAM::Policy')).find((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(reader.Properties.Role['Fn::GetAtt'][0]),
    )!.Properties.PolicyDocument,
  );
  expect(readerPolicy).toContain('"elasticloadbalancing:DescribeRules"');
  expect(readerPolicy).toContain(':service/whatif-prod/gateway"');
  expect(readerPolicy).not.toMatch(/ModifyRule|ecs:Update/);
});

test('the rollback alarms watch the 5xx share and latency minute by minute against the catalog objectives', () => {
  const latency = onlyResource(
    templates.services,
    'AWS::CloudWatch::Alarm',
    (alarm) => alarm.Properties.AlarmName === `whatif-prod-${gateway.name}-deployment-p99`,
  ).Properties;
  expect(latency).toEqual(expect.objectContaining({ Threshold: 1, EvaluationPeriods: 3 }));
  const metrics = JSON.stringify(latency.Metrics);
  expect(metrics).toContain('IF(routed > 0, 100 * FILL(overObjective, 0) / routed, 0)');
  expect(metrics).toContain('{"MetricName":"GatewayRoutedRequests","Namespace":"WhatIf/prod"}');
  expect(metrics).toContain('"Period":60');
  // The whole load balancer's response time mixes generation's seconds into the gateway's 300 ms.
  expect(metrics).not.toContain('TargetResponseTime');
  templates.services.hasResourceProperties('AWS::CloudWatch::Alarm', {
    AlarmName: `whatif-prod-${gateway.name}-deployment-5xx`,
    Threshold: Math.round((1 - gateway.latency.availability) * 100 * 14.4 * 1000) / 1000,
  });
});

test("each routed request counts against the objective of the service that answered it, not the gateway's", () => {
  const filters = Object.values(resourcesOfType(templates.services, 'AWS::Logs::MetricFilter')).map(
    (filter) => ({
      pattern: filter.Properties.FilterPattern as string,
      metric: (filter.Properties.MetricTransformations as Array<{ MetricName: string }>)[0]!.MetricName,
    }),
  );
  const owners = [...new Set(routeTable().map((rule) => rule.service))];
  expect(owners).toContain('generation');
  for (const owner of owners) {
    const forOwner = filters.filter((filter) => filter.pattern.includes(`$.upstream = "${owner}"`));
    expect(forOwner.map((filter) => filter.metric).sort()).toEqual([
      'GatewayRoutedRequests',
      'GatewayRoutedRequestsOverObjective',
    ]);
    const slow = forOwner.find((filter) => filter.metric === 'GatewayRoutedRequestsOverObjective')!;
    const objectiveMs = services.find((entry) => entry.name === owner)!.latency.p99Ms;
    expect(slow.pattern).toContain(`$.durationMs > ${objectiveMs}`);
    expect(slow.pattern).toContain('$.msg = "request"');
  }
  // A JSON-mode generation of several seconds is within generation's 30 s, so a healthy release
  // with a real AI provider is not rolled back for it.
  const generationSlow = filters.find(
    (filter) =>
      filter.pattern.includes('$.upstream = "generation"') &&
      filter.metric === 'GatewayRoutedRequestsOverObjective',
  )!;
  expect(generationSlow.pattern).toContain('$.durationMs > 30000');
  // The gateway's filters, one pair per routed service (the stack has others: the purge backlog).
  expect(filters.filter((filter) => filter.pattern.includes('$.msg = "request"'))).toHaveLength(
    owners.length * 2,
  );
});

test('the API name points at the load balancer', () => {
  edge.hasResourceProperties('AWS::Route53::RecordSet', {
    Name: `${config.domain.apiDomain}.`,
    Type: 'A',
    HostedZoneId: config.domain.hostedZoneId,
  });
});
