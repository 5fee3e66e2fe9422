import type { RemovalPolicy } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

/** AWS's managed list of the addresses CloudFront connects to origins from, in every region. */
export const cloudFrontOriginFacingPrefixList = 'com.amazonaws.global.cloudfront.origin-facing';

export interface CloudFrontOriginFacingProps {
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The id of CloudFront's origin-facing prefix list in this region, read at deploy time (its id
 * differs per region, and a synth-time lookup would need an account). Security groups that
 * name it admit CloudFront alone; AWS keeps the addresses current.
 */
export class CloudFrontOriginFacing extends Construct {
  readonly prefixListId: string;

  constructor(scope: Construct, id: string, props: CloudFrontOriginFacingProps) {
    super(scope, id);
    const lookup = new AwsCustomResource(this, 'Lookup', {
      onUpdate: {
        service: 'EC2',
        action: 'describeManagedPrefixLists',
        parameters: { Filters: [{ Name: 'prefix-list-name', Values: [cloudFrontOriginFacingPrefixList] }] },
        physicalResourceId: PhysicalResourceId.of(cloudFrontOriginFacingPrefixList),
        outputPaths: ['PrefixLists.0.PrefixListId'],
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
      logGroup: new LogGroup(this, 'Logs', {
        retention: props.logRetention,
        removalPolicy: props.removalPolicy,
      }),
    });
    this.prefixListId = lookup.getResponseField('PrefixLists.0.PrefixListId');
  }
}
