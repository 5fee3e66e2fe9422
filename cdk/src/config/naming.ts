import { Aws } from 'aws-cdk-lib';
import type { ServiceName } from '@what-if/catalog';
import type { EnvironmentName } from './environment-config';

/** Physical names an operator types or searches for; everything else keeps CloudFormation's names. */
export function resourcePrefix(environment: EnvironmentName): string {
  return `whatif-${environment}`;
}

export type StackConcern =
  | 'Network'
  | 'Data'
  | 'Registry'
  | 'Edge'
  | 'Services'
  | 'Frontend'
  | 'Observability'
  | 'Delivery'
  | 'EksPrerequisites';

export function stackName(environment: EnvironmentName, concern: StackConcern): string {
  return `WhatIf-${environment}-${concern}`;
}

/** DYNAMODB_TABLE_PREFIX: the services add the catalog's table name to it. */
export function dynamoTablePrefix(environment: EnvironmentName): string {
  return `${resourcePrefix(environment)}-`;
}

export function repositoryName(environment: EnvironmentName, service: ServiceName): string {
  return `${resourcePrefix(environment)}/${service}`;
}

/** The chart's OCI repository: `helm push <chart> oci://<registry>/whatif-<env>/charts` lands here. */
export function chartRepositoryName(environment: EnvironmentName): string {
  return `${resourcePrefix(environment)}/charts/what-if`;
}

/** The role the release workflow assumes through GitHub's OIDC provider (.github/workflows/release.yml). */
export function githubDeployRoleName(environment: EnvironmentName): string {
  return `${resourcePrefix(environment)}-github-deploy`;
}

/** A service's log group, or a worker's (`video-worker`). */
export function serviceLogGroupName(environment: EnvironmentName, service: ServiceName | string): string {
  return `/whatif/${environment}/services/${service}`;
}

/** The log group of one of our Lambda functions, named after its folder under src/lambda. */
export function functionLogGroupName(environment: EnvironmentName, source: string): string {
  return `/whatif/${environment}/functions/${source}`;
}

/** Where an environment's secrets live in Secrets Manager; the catalog's secret layout names them below it. */
export function secretPrefix(environment: EnvironmentName): string {
  return `whatif/${environment}/`;
}

/** A secret's name: the environment's prefix and its key in the catalog's layout (storeSecretKeys, applicationSecretKey). */
export function secretName(environment: EnvironmentName, key: string): string {
  return `${secretPrefix(environment)}${key}`;
}

export function prefixedName(environment: EnvironmentName, ...parts: string[]): string {
  return [resourcePrefix(environment), ...parts].join('-');
}

/** Bucket names are global: the account and region make the video bucket's unique and predictable. */
export function videoBucketName(environment: EnvironmentName): string {
  return `${resourcePrefix(environment)}-videos-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

export function clusterName(environment: EnvironmentName): string {
  return resourcePrefix(environment);
}

/** Where browsers load the web app (CloudFront): its origin, for links and CORS. */
export function siteUrl(domain: { readonly siteDomain: string }): string {
  return `https://${domain.siteDomain}`;
}

/** MAIL_FROM in AWS: an address of the hosted zone's domain, the SES identity the edge stack creates. */
export function mailSender(hostedZoneName: string): string {
  return `What If <no-reply@${hostedZoneName.replace(/\.$/, '')}>`;
}
