import { Aws, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { type IOidcProvider, OidcProviderNative } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { githubDeployRoleName } from '../config/naming';
import {
  type DeployTargets,
  GithubDeployRole,
  githubTokenAudience,
  githubTokenIssuer,
} from './github-deploy-role';

export interface DeliveryStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly targets: DeployTargets;
}

/**
 * How the release workflow reaches this environment: GitHub's OIDC provider (one per account,
 * made here or by another environment in the same account) and the environment's deploy role.
 * No access key exists anywhere.
 */
export class DeliveryStack extends Stack {
  readonly deployRole: GithubDeployRole;

  constructor(scope: Construct, id: string, props: DeliveryStackProps) {
    super(scope, id, props);
    const { config } = props;
    const provider: IOidcProvider =
      config.delivery.githubOidcProvider === 'create'
        ? new OidcProviderNative(this, 'GithubOidcProvider', {
            url: `https://${githubTokenIssuer}`,
            clientIds: [githubTokenAudience],
            // Another environment in the account may trust it too; deleting this stack must not cut it off.
            removalPolicy: RemovalPolicy.RETAIN,
          })
        : OidcProviderNative.fromOidcProviderArn(
            this,
            'GithubOidcProvider',
            `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:oidc-provider/${githubTokenIssuer}`,
          );
    this.deployRole = new GithubDeployRole(this, 'GithubDeploy', {
      roleName: githubDeployRoleName(config.name),
      provider,
      delivery: config.delivery,
      targets: props.targets,
    });
  }
}
