import { Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Policy, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface SitePublisherProps {
  /** The deploy role (the delivery stack's), by name: IAM is global, the site lives in us-east-1. */
  readonly roleName: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
}

/**
 * Lets the release workflow's deploy role do what make deploy-ecs does to publish the web app
 * (cdk/scripts/upload-site.sh): read this stack's outputs, list the site bucket, write and delete
 * its objects, and invalidate the distribution. Made in the frontend stack, beside what it names,
 * and attached to the role by name.
 */
export class SitePublisher extends Construct {
  constructor(scope: Construct, id: string, props: SitePublisherProps) {
    super(scope, id);
    const role = Role.fromRoleName(this, 'DeployRole', props.roleName);
    new Policy(this, 'Policy', {
      roles: [role],
      statements: [
        new PolicyStatement({
          sid: 'ReadSiteOutputs',
          actions: ['cloudformation:DescribeStacks'],
          resources: [Stack.of(this).stackId],
        }),
        new PolicyStatement({
          sid: 'ListSite',
          actions: ['s3:ListBucket'],
          resources: [props.bucket.bucketArn],
        }),
        new PolicyStatement({
          sid: 'PublishSite',
          actions: ['s3:PutObject', 's3:DeleteObject'],
          resources: [props.bucket.arnForObjects('*')],
        }),
        new PolicyStatement({
          sid: 'InvalidateSite',
          actions: ['cloudfront:CreateInvalidation'],
          resources: [
            Stack.of(this).formatArn({
              service: 'cloudfront',
              region: '',
              resource: 'distribution',
              resourceName: props.distribution.distributionId,
            }),
          ],
        }),
      ],
    });
  }
}
