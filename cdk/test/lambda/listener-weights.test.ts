import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CustomResourceEvent } from '../../src/lambda/listener-weights/cloudformation-response';
import { createHandler } from '../../src/lambda/listener-weights';
import { forwardWeights, weightsToKeep } from '../../src/lambda/listener-weights/weights';
import { type FakeAws, type ReceivedRequest, type Reply, fakeClientConfig, startFakeAws } from './fake-aws';

const arn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:${name}`;
const blue = arn('targetgroup/blue/1');
const green = arn('targetgroup/green/2');
const productionListener = arn('listener/app/api/1/443');
const testListener = arn('listener/app/api/1/8443');

/** The load balancer and ECS as the fake serves them: live rules per listener, the gateway's deployments. */
interface World {
  rules: Record<string, Array<{ blue?: number; green?: number; other?: number }>>;
  deployments: Array<{ status: string; rolloutState?: string }>;
}

function rulesXml(rules: World['rules'][string]): string {
  const members = rules
    .map((weights, index) => {
      const groups = Object.entries(weights)
        .map(([colour, weight]) => {
          const target = colour === 'blue' ? blue : colour === 'green' ? green : arn('targetgroup/other/3');
          return `<member><TargetGroupArn>${target}</TargetGroupArn><Weight>${weight}</Weight></member>`;
        })
        .join('');
      return `<member><RuleArn>${arn(`listener-rule/app/api/1/${index}`)}</RuleArn><Priority>${index + 1}</Priority><IsDefault>false</IsDefault><Actions><member><Type>forward</Type><ForwardConfig><TargetGroups>${groups}</TargetGroups></ForwardConfig></member></Actions></member>`;
    })
    .join('');
  const fallback = `<member><RuleArn>${arn('listener-rule/app/api/1/default')}</RuleArn><Priority>default</Priority><IsDefault>true</IsDefault><Actions><member><Type>fixed-response</Type></member></Actions></member>`;
  return `<DescribeRulesResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeRulesResult><Rules>${members}${fallback}</Rules></DescribeRulesResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></DescribeRulesResponse>`;
}

function answer(world: World, request: ReceivedRequest): Reply {
  if (request.method === 'PUT') return { contentType: 'text/plain', body: '' };
  if (String(request.headers['x-amz-target'] ?? '').endsWith('.DescribeServices')) {
    return {
      contentType: 'application/x-amz-json-1.1',
      body: JSON.stringify({
        services: [{ serviceName: 'gateway', status: 'ACTIVE', deployments: world.deployments }],
      }),
    };
  }
  const listener = decodeURIComponent(/ListenerArn=([^&]+)/.exec(request.body)?.[1] ?? '');
  return { contentType: 'text/xml', body: rulesXml(world.rules[listener] ?? []) };
}

let fake: FakeAws;
let world: World;

beforeAll(async () => {
  fake = await startFakeAws((request) => answer(world, request));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
  world = { rules: {}, deployments: [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }] };
});

function event(requestType: CustomResourceEvent['RequestType']): CustomResourceEvent {
  return {
    RequestType: requestType,
    ResponseURL: `${fake.url}/cloudformation-response?signature=fake`,
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/WhatIf-prod-Edge/1',
    RequestId: 'request-1',
    LogicalResourceId: 'ListenerWeights',
    PhysicalResourceId: 'gateway-listener-weights',
    ResourceProperties: {
      ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:weights',
      ProductionListenerArn: productionListener,
      TestListenerArn: testListener,
      BlueTargetGroupArn: blue,
      GreenTargetGroupArn: green,
      ClusterName: 'whatif-prod',
      ServiceName: 'gateway',
    },
  };
}

/** Runs the real handler, with real SDK clients, against the fake; returns what CloudFormation was told. */
async function run(requestType: CustomResourceEvent['RequestType']) {
  const handler = createHandler(
    {
      elbv2: new ElasticLoadBalancingV2Client(fakeClientConfig(fake.url)),
      ecs: new ECSClient(fakeClientConfig(fake.url)),
    },
    () => undefined,
  );
  await handler(event(requestType));
  const response = fake.received.find((request) => request.method === 'PUT');
  expect(response?.url).toBe('/cloudformation-response?signature=fake');
  return JSON.parse(response!.body) as { Status: string; Reason: string; Data?: Record<string, number> };
}

test('the first deploy starts production on blue and the test listener on green', async () => {
  expect(await run('Create')).toMatchObject({
    Status: 'SUCCESS',
    Data: { ProductionBlueWeight: 100, ProductionGreenWeight: 0, TestBlueWeight: 0, TestGreenWeight: 100 },
  });
});

test('after ECS moved production to green, a stack update keeps it there instead of sending it back to blue', async () => {
  world.rules[productionListener] = [{ blue: 0, green: 100 }];
  world.rules[testListener] = [{ blue: 100, green: 0 }];
  expect(await run('Update')).toMatchObject({
    Status: 'SUCCESS',
    Data: { ProductionBlueWeight: 0, ProductionGreenWeight: 100, TestBlueWeight: 100, TestGreenWeight: 0 },
  });
});

test('the stack update waits while a gateway deployment is moving traffic', async () => {
  world.rules[productionListener] = [{ blue: 100, green: 0 }];
  world.deployments = [
    { status: 'PRIMARY', rolloutState: 'IN_PROGRESS' },
    { status: 'ACTIVE', rolloutState: 'COMPLETED' },
  ];
  const response = await run('Update');
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toMatch(/gateway deployment is moving traffic.*deploy again/);
});

test('a listener rule forwarding somewhere unknown stops the update rather than being overwritten', async () => {
  world.rules[productionListener] = [{ blue: 50, other: 50 }];
  const response = await run('Update');
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toContain('targetgroup/other/3');
});

test('deleting the resource touches nothing and succeeds', async () => {
  expect((await run('Delete')).Status).toBe('SUCCESS');
  expect(fake.received.filter((request) => request.method !== 'PUT')).toEqual([]);
});

test('a rule forwarding to one target group gives it all the traffic', () => {
  const weights = forwardWeights([{ Type: 'forward', TargetGroupArn: green }]);
  expect(
    weightsToKeep(
      { blueTargetGroupArn: blue, greenTargetGroupArn: green, initial: { blue: 100, green: 0 } },
      [weights],
    ),
  ).toEqual({ blue: 0, green: 1 });
});
