import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { services, storePorts, type ServiceEntry } from '@what-if/catalog';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildEksPrerequisites, buildWhatIf } from '../src/app';
import { settingsFromContext } from '../src/config/context';
import { eksImports } from '../src/eks/eks-exports';
import { eksReleaseValues, pushedImages } from '../src/eks/eks-values';
import { AwsSolutionsChecks } from 'cdk-nag';
import { featureFlags, testImageTag } from './support/synthesized';
import { onlyResource, resourcesOfType, type CfnResource } from './support/template-queries';
import { renderChart } from '../../test/support/kubernetes/helm';
import { allSchemaProblems } from '../../test/support/kubernetes/kubernetes-schema';
import { find } from '../../test/support/kubernetes/manifests';

function withEks(context: Record<string, string> = {}) {
  const app = new App({
    context: { ...featureFlags(), env: 'prod', imageTag: testImageTag, eks: 'true', ...context },
  });
  const settings = settingsFromContext(app.node);
  const stacks = buildWhatIf(app, settings);
  const stack = buildEksPrerequisites(app, settings, stacks);
  return {
    settings,
    stacks,
    stack,
    template: Template.fromStack(stack),
    services: Template.fromStack(stacks.services),
  };
}

const prod = withEks();
const { template } = prod;

type Statement = { Sid?: string; Action: unknown; Resource: unknown; Condition?: unknown };

function statementsOfRole(source: Template, roleId: string): Statement[] {
  return Object.values(resourcesOfType(source, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function logicalIdOf(source: Template, type: string, filter: (resource: CfnResource) => boolean): string {
  const entries = Object.entries(resourcesOfType(source, type)).filter(([, resource]) => filter(resource));
  if (entries.length !== 1) throw new Error(`Expected one ${type}, found ${entries.length}`);
  return entries[0]![0];
}

/** Statements with every value from another stack (the data key, reached another way on each path) made equal. */
function comparable(statements: Statement[]): unknown {
  const text = JSON.stringify(statements)
    .replace(/\{"Fn::ImportValue":[^{}]*\}/g, '"<imported>"')
    .replace(/\{"Fn::GetStackOutput":\{[^{}]*\}\}/g, '"<imported>"');
  return JSON.parse(text);
}

function ecsTaskRoleStatements(entry: ServiceEntry): Statement[] {
  const task = onlyResource(prod.services, 'AWS::ECS::TaskDefinition', (resource) =>
    JSON.stringify(resource.Properties.ContainerDefinitions).includes(`"Name":"${entry.name}"`),
  );
  const roleId = (task.Properties.TaskRoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return statementsOfRole(prod.services, roleId);
}

const podIdentityTrust = {
  Statement: [
    {
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
    },
  ],
  Version: '2012-10-17',
};

describe('the EKS prerequisites stack', () => {
  it.each(services.map((entry) => [entry.name, entry] as const))(
    'gives %s exactly the permissions of its ECS task role, through EKS Pod Identity, or no role at all',
    (name, entry) => {
      const ecs = ecsTaskRoleStatements(entry);
      const roles = Object.entries(resourcesOfType(template, 'AWS::IAM::Role')).filter(
        ([, role]) => role.Properties.RoleName === `whatif-prod-eks-${name}`,
      );
      const associations = Object.values(
        resourcesOfType(template, 'AWS::EKS::PodIdentityAssociation'),
      ).filter((association) => association.Properties.ServiceAccount === `what-if-${name}`);
      if (ecs.length === 0) {
        expect(roles).toEqual([]);
        expect(associations).toEqual([]);
        return;
      }
      expect(roles).toHaveLength(1);
      const [roleId, role] = roles[0]!;
      expect(role.Properties.AssumeRolePolicyDocument).toEqual(podIdentityTrust);
      expect(comparable(statementsOfRole(template, roleId))).toEqual(comparable(ecs));
      expect(associations).toHaveLength(1);
      expect(associations[0]!.Properties).toMatchObject({
        ClusterName: 'whatif-prod-eks',
        Namespace: 'what-if',
        ServiceAccount: `what-if-${name}`,
        RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
      });
    },
  );

  it.each(services.flatMap((entry) => (entry.workers ?? []).map((worker) => [worker.name, entry] as const)))(
    "gives %s a role of its own, through EKS Pod Identity, with its ECS task's permissions but the CloudWatch metrics it publishes only on ECS",
    (name, entry) => {
      const ecsTask = onlyResource(prod.services, 'AWS::ECS::TaskDefinition', (resource) =>
        JSON.stringify(resource.Properties.ContainerDefinitions).includes(`"Name":"${name}"`),
      );
      const ecsRoleId = (ecsTask.Properties.TaskRoleArn as { 'Fn::GetAtt': [string, string] })[
        'Fn::GetAtt'
      ][0];
      const ecs = statementsOfRole(prod.services, ecsRoleId);
      const roleId = logicalIdOf(
        template,
        'AWS::IAM::Role',
        (role) => role.Properties.RoleName === `whatif-prod-eks-${name}`,
      );
      const publishing = (statement: Statement) => JSON.stringify(statement.Action).includes('cloudwatch:');
      expect(ecs.some(publishing)).toBe(true);
      expect(comparable(statementsOfRole(template, roleId))).toEqual(
        comparable(ecs.filter((statement) => !publishing(statement))),
      );
      expect(comparable(statementsOfRole(template, roleId))).toEqual(
        comparable(ecsTaskRoleStatements(entry)),
      );
      const association = onlyResource(
        template,
        'AWS::EKS::PodIdentityAssociation',
        (resource) => resource.Properties.ServiceAccount === `what-if-${name}`,
      );
      expect(association.Properties.RoleArn).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    },
  );

  it("names the data stack's video bucket, which ECS keeps videos in too (the two share the jobs table)", () => {
    const outputs = (template.toJSON() as { Outputs: Record<string, { Value: unknown }> }).Outputs;
    const ecsBucket = onlyResource(Template.fromStack(prod.stacks.data), 'AWS::S3::Bucket', (bucket) =>
      JSON.stringify(bucket.Properties.BucketName ?? '').includes('-videos-'),
    );
    expect(outputs.VideoBucket!.Value).toEqual(ecsBucket.Properties.BucketName);
  });

  it('lets the External Secrets controller read exactly the secrets of the environment, the ECS layout', () => {
    const roleId = logicalIdOf(
      template,
      'AWS::IAM::Role',
      (role) => role.Properties.RoleName === 'whatif-prod-eks-external-secrets',
    );
    expect(statementsOfRole(template, roleId)).toEqual([
      {
        Sid: 'ReadTheEnvironmentsSecrets',
        Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':secretsmanager:us-east-1:',
              { Ref: 'AWS::AccountId' },
              ':secret:whatif/prod/*',
            ],
          ],
        },
      },
    ]);
    const association = onlyResource(
      template,
      'AWS::EKS::PodIdentityAssociation',
      (resource) => resource.Properties.Namespace === 'external-secrets',
    );
    expect(association.Properties.ServiceAccount).toBe('external-secrets');
  });

  it("admits the cluster's security group to RDS and ElastiCache, by the network stack's named exports", () => {
    const rules = Object.values(resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')).map((rule) => ({
      group: rule.Properties.GroupId,
      from: rule.Properties.SourceSecurityGroupId,
      port: rule.Properties.FromPort,
    }));
    const cluster = 'sg-0123456789abcdef0';
    const named = withEks({ eksClusterSecurityGroupId: cluster });
    expect(rules.map((rule) => rule.port).sort()).toEqual([storePorts.postgres, storePorts.redis].sort());
    const namedRules = Object.values(resourcesOfType(named.template, 'AWS::EC2::SecurityGroupIngress'));
    expect(
      namedRules.map((rule) => [rule.Properties.GroupId, rule.Properties.SourceSecurityGroupId]),
    ).toEqual([
      [{ 'Fn::ImportValue': eksImports.postgresSecurityGroup('prod') }, cluster],
      [{ 'Fn::ImportValue': eksImports.redisSecurityGroup('prod') }, cluster],
    ]);
    const network = Template.fromStack(prod.stacks.network).toJSON() as {
      Outputs: Record<string, { Export?: { Name: string } }>;
    };
    const exported = Object.values(network.Outputs).map((output) => output.Export?.Name);
    expect(exported).toEqual(
      expect.arrayContaining([
        eksImports.postgresSecurityGroup('prod'),
        eksImports.redisSecurityGroup('prod'),
      ]),
    );
  });

  it('makes the Ingress certificate, a regional WAF web ACL with a per-IP rule, and an access-log bucket the ALB may write', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'eks-api.whatif.example.com',
      ValidationMethod: 'DNS',
    });
    const acl = onlyResource(template, 'AWS::WAFv2::WebACL', () => true);
    expect(acl.Properties.Scope).toBe('REGIONAL');
    expect(JSON.stringify(acl.Properties.Rules)).toContain('"AggregateKeyType":"IP"');
    const policy = onlyResource(template, 'AWS::S3::BucketPolicy', () => true);
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('eks-alb/AWSLogs/');
  });

  it('passes every AwsSolutions check, or acknowledges the finding with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(prod.stack);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );
    expect(findings).toEqual([]);
  });

  it('is built only when asked, so make deploy-ecs never deploys it', () => {
    const app = new App({ context: { ...featureFlags(), env: 'prod', imageTag: testImageTag } });
    const settings = settingsFromContext(app.node);
    buildWhatIf(app, settings);
    expect(settings.eks).toBe(false);
    expect(app.node.children.map((child) => child.node.id)).not.toContain('WhatIf-prod-EksPrerequisites');
  });

  it('refuses placeholders for the cluster in strict mode', () => {
    expect(() =>
      withEks({
        strict: 'true',
        siteDomain: 'whatif.example.org',
        hostedZoneId: 'Z1',
        hostedZoneName: 'whatif.example.org',
        certificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/1',
        cloudFrontCertificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/2',
      }),
    ).toThrow(/eksClusterSecurityGroupId still holds? placeholders?/);
  });
});

describe('the values make deploy-eks renders', () => {
  const account = '210987654321';
  const images = pushedImages(
    services
      .map((entry) =>
        [entry.name, `whatif-prod/${entry.name}`, 'abc1234', `sha256:${'a'.repeat(64)}`].join('\t'),
      )
      .join('\n'),
  );
  const outputs = {
    historyRoleArn: `arn:aws:iam::${account}:role/whatif-prod-eks-history`,
    WebAclArn: `arn:aws:wafv2:us-east-1:${account}:regional/webacl/whatif-prod-eks-api/1`,
    AccessLogsBucket: 'whatif-prod-eks-logs',
    CertificateArn: `arn:aws:acm:us-east-1:${account}:certificate/3`,
    VideoBucket: `whatif-prod-videos-${account}-us-east-1`,
    'video-workerRoleArn': `arn:aws:iam::${account}:role/whatif-prod-eks-video-worker`,
  };
  const values = eksReleaseValues({ config: prod.settings.config, account, outputs, images });

  it('render a chart that validates, runs the pinned images in the account and names its resources', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'what-if-eks-values-')), 'eks-values.yaml');
    writeFileSync(file, JSON.stringify(values));
    const objects = renderChart('values-eks-prod.yaml', ['-f', file]);
    rmSync(path.dirname(file), { recursive: true });
    expect(allSchemaProblems(objects)).toEqual([]);
    const history = find(objects, 'Rollout', 'what-if-history');
    expect(history.spec.template.spec.containers[0].image).toBe(
      `${account}.dkr.ecr.us-east-1.amazonaws.com/whatif-prod/history@sha256:${'a'.repeat(64)}`,
    );
    expect(
      find(objects, 'Ingress', 'what-if-gateway').metadata.annotations[
        'alb.ingress.kubernetes.io/certificate-arn'
      ],
    ).toBe(outputs.CertificateArn);
    expect(JSON.stringify(objects)).not.toContain('123456789012');
    const videoConfig = find(objects, 'ConfigMap', 'what-if-video').data;
    expect([videoConfig.VIDEO_STORAGE, videoConfig.VIDEO_BUCKET]).toEqual(['s3', outputs.VideoBucket]);
    expect(find(objects, 'ScaledObject', 'what-if-video-worker').spec.triggers[0].type).toBe('redis');
  });

  it('refuse to render without the prerequisites or the images', () => {
    expect(() => eksReleaseValues({ config: prod.settings.config, account, outputs: {}, images })).toThrow(
      /no output CertificateArn: run make deploy-eks-prereqs/,
    );
    expect(() =>
      eksReleaseValues({ config: prod.settings.config, account, outputs, images: images.slice(1) }),
    ).toThrow(/No pushed image recorded for gateway: run make images ENV=prod first/);
  });
});
