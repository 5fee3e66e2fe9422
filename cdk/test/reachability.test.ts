import { services, storePorts, type ServiceName } from '@what-if/catalog';
import { App, Stack } from 'aws-cdk-lib';
import { Vpc, type CfnSecurityGroup, type SecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { ReachabilityGroups } from '../src/network/reachability-groups';
import { synthesized } from './support/synthesized';
import { crossStackTarget, resourcesOfType } from './support/template-queries';

const { stacks, templates, config } = synthesized('prod');
const network = templates.network;
const groups = stacks.network.groups;

function logicalId(group: SecurityGroup): string {
  return Stack.of(group).getLogicalId(group.node.defaultChild as CfnSecurityGroup);
}

/** Every security group of the stack by a readable name. */
const names = new Map<string, string>([
  [logicalId(groups.loadBalancer), 'alb'],
  // The ALB's second group (who may reach its test listener) reaches what the ALB reaches.
  [logicalId(groups.testListener), 'alb'],
  [logicalId(groups.stores.postgres), 'postgres'],
  [logicalId(groups.stores.redis), 'redis'],
  [logicalId(groups.databaseRotation), 'rotation'],
  [logicalId(groups.endpoints), 'endpoints'],
  ...services.map((entry) => [logicalId(groups.services[entry.name]), entry.name] as [string, string]),
]);

function groupName(reference: unknown): string {
  const id = (reference as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
  const name = id && names.get(id);
  if (!name) throw new Error(`Unknown security group ${JSON.stringify(reference)}`);
  return name;
}

/** The group-to-group rules actually synthesized, as "from -> to:port". */
function edges(type: 'AWS::EC2::SecurityGroupIngress' | 'AWS::EC2::SecurityGroupEgress'): string[] {
  const rules = Object.values(resourcesOfType(network, type))
    .filter(({ Properties: rule }) => rule.SourceSecurityGroupId ?? rule.DestinationSecurityGroupId)
    .map(({ Properties: rule }) =>
      type === 'AWS::EC2::SecurityGroupIngress'
        ? `${groupName(rule.SourceSecurityGroupId)} -> ${groupName(rule.GroupId)}:${String(rule.FromPort)}`
        : `${groupName(rule.GroupId)} -> ${groupName(rule.DestinationSecurityGroupId)}:${String(rule.FromPort)}`,
    );
  return [...new Set(rules)].sort();
}

/** What the catalog says may talk to what, computed here from the catalog alone. */
function expectedEdges(): string[] {
  const port = (name: ServiceName) => services.find((entry) => entry.name === name)!.port;
  const publicServices = services.filter((entry) => entry.public);
  return [
    ...publicServices.map((entry) => `alb -> ${entry.name}:${entry.port}`),
    ...services.flatMap((entry) => entry.calls.map((callee) => `${entry.name} -> ${callee}:${port(callee)}`)),
    ...services.flatMap((entry) =>
      (['postgres', 'redis'] as const)
        .filter((store) => entry.stores.includes(store))
        .map((store) => `${entry.name} -> ${store}:${storePorts[store]}`),
    ),
    `rotation -> postgres:${storePorts.postgres}`,
  ].sort();
}

test('the load balancer reaches only the gateway, on its catalog port', () => {
  const fromAlb = edges('AWS::EC2::SecurityGroupIngress').filter((edge) => edge.startsWith('alb ->'));
  const gateway = services.find((entry) => entry.public)!;
  expect(fromAlb).toEqual([`alb -> ${gateway.name}:${gateway.port}`]);
});

test('each service admits exactly the callers the catalog declares, and stores exactly their users', () => {
  expect(edges('AWS::EC2::SecurityGroupIngress')).toEqual(expectedEdges());
});

test('each service may open connections only to its callees and stores (besides HTTPS out)', () => {
  expect(edges('AWS::EC2::SecurityGroupEgress')).toEqual(expectedEdges());
});

test('no service or store admits traffic from an address range, only from other groups', () => {
  const openToRanges = services
    .map((entry) => groups.services[entry.name])
    .concat([groups.stores.postgres, groups.stores.redis]);
  for (const group of openToRanges) {
    const resource = network.toJSON().Resources[logicalId(group)] as {
      Properties: { SecurityGroupIngress?: unknown[] };
    };
    expect(resource.Properties.SecurityGroupIngress ?? []).toEqual([]);
  }
});

test('only CloudFront reaches the load balancer, on 443; the test listener only from the NAT gateways', () => {
  // A client that could skip CloudFront would write its own X-Forwarded-For and choose its rate-limit bucket.
  const alb = network.toJSON().Resources[logicalId(groups.loadBalancer)] as {
    Properties: { SecurityGroupIngress?: unknown[] };
  };
  expect(alb.Properties.SecurityGroupIngress ?? []).toEqual([]);
  const albIngress = Object.values(resourcesOfType(network, 'AWS::EC2::SecurityGroupIngress')).filter(
    ({ Properties: rule }) => JSON.stringify(rule.GroupId).includes(`"${logicalId(groups.loadBalancer)}"`),
  );
  expect(albIngress.map(({ Properties: rule }) => [rule.FromPort, rule.ToPort])).toEqual([[443, 443]]);
  const prefixList = albIngress[0]!.Properties.SourcePrefixListId as { 'Fn::GetAtt': [string, string] };
  const lookup = network.toJSON().Resources[prefixList['Fn::GetAtt'][0]] as {
    Properties: { Create: unknown };
  };
  expect(JSON.stringify(lookup.Properties.Create)).toContain('com.amazonaws.global.cloudfront.origin-facing');

  const test = network.toJSON().Resources[logicalId(groups.testListener)] as {
    Properties: { SecurityGroupIngress: Array<{ CidrIp: unknown; FromPort: number }> };
  };
  expect(test.Properties.SecurityGroupIngress).toHaveLength(config.network.natGateways);
  for (const rule of test.Properties.SecurityGroupIngress) {
    expect(rule.FromPort).toBe(8443);
    expect(JSON.stringify(rule.CidrIp)).toMatch(/"PublicIp"\]\},"\/32"/);
  }
});

test('a test listener range open to everyone is refused', () => {
  const stack = new Stack(new App(), 'Probe');
  const vpc = new Vpc(stack, 'Vpc');
  expect(
    () =>
      new ReachabilityGroups(stack, 'Groups', {
        vpc,
        vpcCidr: '10.0.0.0/16',
        cloudFrontPrefixListId: 'pl-probe',
        natPublicIps: [],
        testListenerCidrs: ['0.0.0.0/0'],
      }),
  ).toThrow(/opens the test listener to everyone/);
});

test('service tasks reach the outside world only over HTTPS', () => {
  for (const entry of services) {
    const resource = network.toJSON().Resources[logicalId(groups.services[entry.name])] as {
      Properties: { SecurityGroupEgress: Array<{ CidrIp: string; FromPort: number; ToPort: number }> };
    };
    expect(resource.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 }),
    ]);
  }
});

test('the services run in private subnets with the group the catalog graph built for them', () => {
  const ecsServices = Object.values(resourcesOfType(templates.services, 'AWS::ECS::Service'));
  for (const service of ecsServices) {
    const network = (
      service.Properties.NetworkConfiguration as {
        AwsvpcConfiguration: { AssignPublicIp: string; SecurityGroups: unknown[] };
      }
    ).AwsvpcConfiguration;
    expect(network.AssignPublicIp).toBe('DISABLED');
    expect(network.SecurityGroups).toHaveLength(1);
    const group = crossStackTarget(network.SecurityGroups[0], templates);
    // A worker shares its service's group: the same stores and AWS APIs, and nobody calls it.
    const owner = services.find(
      (entry) =>
        entry.name === service.Properties.ServiceName ||
        (entry.workers ?? []).some((worker) => worker.name === service.Properties.ServiceName),
    )!;
    expect(group?.logicalId).toBe(logicalId(groups.services[owner.name]));
  }
});
