import { readFileSync } from 'node:fs';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import { settingsFromContext } from '../src/config/context';
import type { EnvironmentName } from '../src/config/environment-config';
import { githubDeployRoleName } from '../src/config/naming';
import { sharedService } from '../src/cost-allocation-tags';
import { featureFlags, synthesized } from './support/synthesized';
import { onlyResource, resourcesOfType } from './support/template-queries';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string>>;
}

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** An ARN as text, with each Ref written <Name>. */
function flattened(value: unknown): string {
  if (typeof value === 'string') return value;
  const object = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (object.Ref) return `<${object.Ref}>`;
  if (object['Fn::Join']) return object['Fn::Join'][1].map(flattened).join(object['Fn::Join'][0]);
  throw new Error(`Cannot flatten ${JSON.stringify(value)}`);
}

function deployRole(environment: EnvironmentName) {
  const { templates } = synthesized(environment);
  const role = onlyResource(templates.delivery, 'AWS::IAM::Role', () => true).Properties as {
    RoleName: string;
    MaxSessionDuration: number;
    AssumeRolePolicyDocument: { Statement: Statement[] };
    Policies: Array<{ PolicyDocument: { Statement: Statement[] } }>;
  };
  return { role, statements: role.Policies.flatMap((policy) => policy.PolicyDocument.Statement) };
}

describe.each(['dev', 'staging', 'prod'] as const)('%s: the release workflow deploy role', (environment) => {
  const { config } = synthesized(environment);
  const { role, statements } = deployRole(environment);

  test('only a job of the configured repository in its GitHub environment may assume it, through OIDC', () => {
    expect(role.RoleName).toBe(githubDeployRoleName(environment));
    const [trust, ...others] = role.AssumeRolePolicyDocument.Statement;
    expect(others).toHaveLength(0);
    expect(trust).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' });
    expect(trust!.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': `repo:${config.delivery.githubRepository}:environment:${config.delivery.githubEnvironment}`,
      },
    });
    expect(role.MaxSessionDuration).toBe(7200);
  });

  test('deploys only through the CDK bootstrap roles, and otherwise does only what make deploy-ecs does', () => {
    const actions = statements.flatMap((statement) => list(statement.Action)).sort();
    expect(actions).toEqual(
      [
        'sts:AssumeRole',
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:BatchGetImage',
        'ecr:CompleteLayerUpload',
        'ecr:DescribeImages',
        'ecr:GetDownloadUrlForLayer',
        'ecr:InitiateLayerUpload',
        'ecr:PutImage',
        'ecr:UploadLayerPart',
        'ecs:ListServiceDeployments',
        'ecs:DescribeServiceDeployments',
        'cloudwatch:DescribeAlarms',
        'secretsmanager:GetSecretValue',
        'secretsmanager:PutSecretValue',
      ].sort(),
    );
    for (const statement of statements) expect(statement.Effect).toBe('Allow');
    const starred = statements.filter((statement) => JSON.stringify(statement.Resource) === '"*"');
    expect(starred.map((statement) => statement.Action)).toEqual(['ecr:GetAuthorizationToken']);

    const bootstrapRoles = list(
      statements.find((statement) => statement.Sid === 'DeployThroughCdkBootstrapRoles')!.Resource,
    ).map((resource) => flattened(resource));
    const regions = [...new Set([config.region, 'us-east-1'])];
    expect(bootstrapRoles.sort()).toEqual(
      regions
        .flatMap((region) =>
          ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map(
            (kind) =>
              `arn:<AWS::Partition>:iam::<AWS::AccountId>:role/cdk-hnb659fds-${kind}-role-<AWS::AccountId>-${region}`,
          ),
        )
        .sort(),
    );
  });

  test('pushes to exactly its own repositories: one per catalog service and the chart', () => {
    const push = statements.find((statement) => statement.Sid === 'PushReleases')!;
    const repositories = list(push.Resource).map(
      (resource) => JSON.stringify(resource).match(/:repository\/([^"]+)"/)?.[1],
    );
    expect(repositories.sort()).toEqual(
      [
        ...services.map((entry) => `whatif-${environment}/${entry.name}`),
        `whatif-${environment}/charts/what-if`,
      ].sort(),
    );
  });

  test('reads and writes only the generated keys, and watches only the gateway deployment and its rollback alarms', () => {
    const secrets = JSON.stringify(
      statements.find((statement) => statement.Sid === 'FillGeneratedKeys')?.Resource,
    );
    expect(secrets).toContain(':secret:whatif/' + environment + '/user/JWT_SIGNING_KEY-??????');
    expect(secrets).not.toContain('*');
    const alarms = JSON.stringify(
      statements.find((statement) => statement.Sid === 'ReadRollbackAlarms')?.Resource,
    );
    expect(alarms).toContain(`:alarm:whatif-${environment}-gateway-deployment-5xx`);
    expect(alarms).toContain(`:alarm:whatif-${environment}-gateway-deployment-p99`);
  });
});

describe('the GitHub OIDC provider', () => {
  test('is created by default, for the audience configure-aws-credentials asks for', () => {
    const provider = onlyResource(
      synthesized('prod').templates.delivery,
      'AWS::IAM::OIDCProvider',
      () => true,
    );
    expect(provider.Properties).toMatchObject({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
  });

  test('is the account one another environment made with -c githubOidcProvider=existing', () => {
    const { templates } = synthesized('staging', { githubOidcProvider: 'existing' });
    expect(Object.keys(resourcesOfType(templates.delivery, 'AWS::IAM::OIDCProvider'))).toHaveLength(0);
    templates.delivery.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: {
              Federated: {
                'Fn::Join': ['', Match.arrayWith([':oidc-provider/token.actions.githubusercontent.com'])],
              },
            },
          }),
        ],
      },
    });
  });

  test('strict mode refuses the placeholder repository, naming it', () => {
    const app = new App({ context: { ...featureFlags(), env: 'prod', imageTag: 'x', strict: 'true' } });
    expect(() => settingsFromContext(app.node)).toThrow(/githubRepository/);
  });
});

describe('the workflow and the roles agree', () => {
  const workflow = parse(
    readFileSync(path.join(__dirname, '..', '..', '.github', 'workflows', 'release.yml'), 'utf8'),
  ) as {
    jobs: Record<
      string,
      { environment?: { name: string }; steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }
    >;
  };

  test.each([
    ['deploy-staging', 'staging'],
    ['deploy-production', 'prod'],
  ] as const)('%s runs in the GitHub environment and assumes the role that %s trusts', (job, environment) => {
    const { config } = synthesized(environment);
    expect(workflow.jobs[job]?.environment?.name).toBe(config.delivery.githubEnvironment);
    const login = workflow.jobs[job]?.steps?.find((step) =>
      step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
    );
    expect(login?.with?.['role-to-assume']).toBe(
      `arn:aws:iam::\${{ vars.AWS_ACCOUNT_ID }}:role/${githubDeployRoleName(environment)}`,
    );
    expect(Number(login?.with?.['role-duration-seconds'])).toBe(
      deployRole(environment).role.MaxSessionDuration,
    );
  });
});

describe.each(['dev', 'staging', 'prod'] as const)('%s: cost visibility', (environment) => {
  const { templates, config } = synthesized(environment);

  test('a monthly budget on the environment tag alerts the alert topic at 80 % actual and 100 % forecast', () => {
    const topicId = Object.keys(resourcesOfType(templates.observability, 'AWS::SNS::Topic'))[0]!;
    templates.observability.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: {
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: config.cost.monthlyBudgetUsd, Unit: 'USD' },
        CostFilters: { TagKeyValue: [`user:Environment$${environment}`] },
      },
      NotificationsWithSubscribers: [
        {
          Notification: Match.objectLike({ NotificationType: 'ACTUAL', Threshold: 80 }),
          Subscribers: [{ SubscriptionType: 'SNS', Address: { Ref: topicId } }],
        },
        {
          Notification: Match.objectLike({ NotificationType: 'FORECASTED', Threshold: 100 }),
          Subscribers: [{ SubscriptionType: 'SNS', Address: { Ref: topicId } }],
        },
      ],
    });
    templates.observability.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'budgets.amazonaws.com' },
            Action: 'sns:Publish',
            Effect: 'Allow',
          }),
        ]),
      },
    });
  });

  test('every taggable resource carries its environment and the catalog service it belongs to', () => {
    const serviceNames = new Set<string>([...services.map((entry) => entry.name), sharedService]);
    let tagged = 0;
    for (const template of Object.values(templates)) {
      for (const [id, resource] of Object.entries(
        template.toJSON().Resources as Record<string, { Properties?: { Tags?: unknown } }>,
      )) {
        const tags = resource.Properties?.Tags;
        if (tags === undefined) continue;
        const asMap = Array.isArray(tags)
          ? Object.fromEntries(
              (tags as Array<{ Key: string; Value: string }>).map((tag) => [tag.Key, tag.Value]),
            )
          : (tags as Record<string, string>);
        expect(`${id}: ${asMap.Environment}`).toBe(`${id}: ${environment}`);
        expect(serviceNames.has(asMap.Service ?? '')).toBe(true);
        tagged += 1;
      }
    }
    expect(tagged).toBeGreaterThan(100);
  });

  test("a service's own resources carry its name", () => {
    const { templates: t } = synthesized(environment);
    const serviceTag = (resource: { Properties: Record<string, unknown> }) =>
      (resource.Properties.Tags as Array<{ Key: string; Value: string }>).find((tag) => tag.Key === 'Service')
        ?.Value;
    for (const entry of services) {
      const ecsService = onlyResource(
        t.services,
        'AWS::ECS::Service',
        (resource) => resource.Properties.ServiceName === entry.name,
      );
      expect(serviceTag(ecsService)).toBe(entry.name);
      const repository = onlyResource(
        t.registry,
        'AWS::ECR::Repository',
        (resource) => resource.Properties.RepositoryName === `whatif-${environment}/${entry.name}`,
      );
      expect(serviceTag(repository)).toBe(entry.name);
      for (const table of entry.dynamoTables ?? []) {
        const resource = onlyResource(
          t.data,
          'AWS::DynamoDB::Table',
          (candidate) => candidate.Properties.TableName === `whatif-${environment}-${table.name}`,
        );
        expect(serviceTag(resource)).toBe(entry.name);
      }
    }
  });
});

describe.each(['staging', 'prod'] as const)('%s: publishing the web app', (environment) => {
  const { templates, stacks } = synthesized(environment);

  test('the deploy role may write the site bucket and invalidate the distribution, and nothing else there', () => {
    const bucketId = Object.keys(resourcesOfType(templates.frontend, 'AWS::S3::Bucket')).find((id) =>
      id.startsWith('Site'),
    )!;
    const distributionId = Object.keys(
      resourcesOfType(templates.frontend, 'AWS::CloudFront::Distribution'),
    )[0]!;
    const policy = onlyResource(templates.frontend, 'AWS::IAM::Policy', (resource) =>
      JSON.stringify(resource.Properties.Roles).includes(githubDeployRoleName(environment)),
    ).Properties as { Roles: string[]; PolicyDocument: { Statement: Statement[] } };
    expect(policy.Roles).toEqual([githubDeployRoleName(environment)]);
    const granted = policy.PolicyDocument.Statement.map((statement) => [
      statement.Sid,
      list(statement.Action).sort().join(','),
      JSON.stringify(statement.Resource),
    ]);
    expect(granted).toEqual([
      ['ReadSiteOutputs', 'cloudformation:DescribeStacks', JSON.stringify({ Ref: 'AWS::StackId' })],
      ['ListSite', 's3:ListBucket', JSON.stringify({ 'Fn::GetAtt': [bucketId, 'Arn'] })],
      [
        'PublishSite',
        's3:DeleteObject,s3:PutObject',
        JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }),
      ],
      [
        'InvalidateSite',
        'cloudfront:CreateInvalidation',
        expect.stringContaining(`{"Ref":"${distributionId}"}`),
      ],
    ]);
  });

  test('the frontend stack deploys after the delivery stack that makes the role', () => {
    expect(stacks.frontend.dependencies).toContain(stacks.delivery);
  });
});
