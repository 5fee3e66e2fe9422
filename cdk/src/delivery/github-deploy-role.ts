import { ArnFormat, Aws, DefaultStackSynthesizer, Duration, Stack } from 'aws-cdk-lib';
import {
  type IOidcProvider,
  PolicyDocument,
  PolicyStatement,
  Role,
  WebIdentityPrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { DeliveryConfig } from '../config/environment-config';

/** The issuer of GitHub Actions' OIDC tokens; the audience configure-aws-credentials asks for. */
export const githubTokenIssuer = 'token.actions.githubusercontent.com';
export const githubTokenAudience = 'sts.amazonaws.com';

/** The CDK bootstrap roles `cdk deploy` assumes: it deploys through them, never with the caller's own rights. */
const cdkBootstrapRoleKinds = ['deploy', 'file-publishing', 'image-publishing', 'lookup'] as const;

/** What make deploy-ecs and make chart-release touch beside cdk deploy, by name. */
export interface DeployTargets {
  /** Regions the app's stacks deploy to (the environment's and the frontend's). */
  readonly regions: readonly string[];
  /** ECR repositories the images and the chart are pushed to. */
  readonly repositories: readonly string[];
  /** Secrets Manager secrets make deploy-ecs reads and fills (keys no task can start without, and the public keys derived from them). */
  readonly generatedSecrets: readonly string[];
  /** Blue-green services (cluster/service) and their rollback alarms, watched after the deploy. */
  readonly blueGreen: ReadonlyArray<{ cluster: string; service: string; alarms: readonly string[] }>;
}

export interface GithubDeployRoleProps {
  readonly roleName: string;
  readonly provider: IOidcProvider;
  readonly delivery: DeliveryConfig;
  readonly targets: DeployTargets;
}

/**
 * The one identity the release workflow has in this environment's account. Only a job of the
 * configured repository running in the configured GitHub environment (for production: after its
 * required reviewers approved) may assume it, for two hours at most. It may deploy only through
 * the CDK bootstrap roles, and otherwise do exactly what make deploy-ecs does outside CloudFormation:
 * push to this environment's repositories, fill its generated keys, and watch its blue-green deployments.
 */
export class GithubDeployRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { targets } = props;
    const arn = (
      service: string,
      resource: string,
      resourceName: string,
      arnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    ) => stack.formatArn({ service, resource, resourceName, arnFormat });
    const qualifier = DefaultStackSynthesizer.DEFAULT_QUALIFIER;

    const statements = [
      new PolicyStatement({
        sid: 'DeployThroughCdkBootstrapRoles',
        actions: ['sts:AssumeRole'],
        resources: targets.regions.flatMap((region) =>
          cdkBootstrapRoleKinds.map(
            (kind) =>
              `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-${qualifier}-${kind}-role-${Aws.ACCOUNT_ID}-${region}`,
          ),
        ),
      }),
      new PolicyStatement({
        sid: 'LogInToEcr',
        actions: ['ecr:GetAuthorizationToken'],
        resources: ['*'],
      }),
      new PolicyStatement({
        sid: 'PushReleases',
        actions: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:BatchGetImage',
          'ecr:CompleteLayerUpload',
          'ecr:DescribeImages',
          'ecr:GetDownloadUrlForLayer',
          'ecr:InitiateLayerUpload',
          'ecr:PutImage',
          'ecr:UploadLayerPart',
        ],
        resources: targets.repositories.map((name) => arn('ecr', 'repository', name)),
      }),
      new PolicyStatement({
        sid: 'WatchBlueGreenDeployments',
        actions: ['ecs:ListServiceDeployments'],
        resources: targets.blueGreen.map(({ cluster, service }) =>
          arn('ecs', 'service', `${cluster}/${service}`),
        ),
      }),
      new PolicyStatement({
        sid: 'ReadBlueGreenDeployments',
        actions: ['ecs:DescribeServiceDeployments'],
        resources: targets.blueGreen.map(({ cluster, service }) =>
          arn('ecs', 'service-deployment', `${cluster}/${service}/*`),
        ),
      }),
      new PolicyStatement({
        sid: 'ReadRollbackAlarms',
        actions: ['cloudwatch:DescribeAlarms'],
        resources: targets.blueGreen.flatMap(({ alarms }) =>
          alarms.map((alarm) => arn('cloudwatch', 'alarm', alarm, ArnFormat.COLON_RESOURCE_NAME)),
        ),
      }),
    ];
    if (targets.generatedSecrets.length > 0) {
      statements.push(
        new PolicyStatement({
          sid: 'FillGeneratedKeys',
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
          // Secrets Manager appends six random characters to a secret's name in its ARN.
          resources: targets.generatedSecrets.map((name) =>
            arn('secretsmanager', 'secret', `${name}-??????`, ArnFormat.COLON_RESOURCE_NAME),
          ),
        }),
      );
    }

    this.role = new Role(this, 'Role', {
      roleName: props.roleName,
      description: `GitHub Actions: ${props.delivery.githubRepository}, environment ${props.delivery.githubEnvironment}`,
      assumedBy: new WebIdentityPrincipal(props.provider.oidcProviderArn, {
        StringEquals: {
          [`${githubTokenIssuer}:aud`]: githubTokenAudience,
          [`${githubTokenIssuer}:sub`]: `repo:${props.delivery.githubRepository}:environment:${props.delivery.githubEnvironment}`,
        },
      }),
      // A first deploy (RDS, ElastiCache) and a production bake outlast the default hour.
      maxSessionDuration: Duration.hours(2),
      inlinePolicies: { Deploy: new PolicyDocument({ statements }) },
    });
  }
}
