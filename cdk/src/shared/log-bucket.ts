import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface LogBucketProps {
  readonly removalPolicy: RemovalPolicy;
  readonly expireAfterDays: number;
  /** CloudFront standard logs are written with ACLs, which the bucket must then accept. */
  readonly acceptsCloudFrontLogs?: boolean;
}

/**
 * Where S3 server access logs, ALB access logs or CloudFront logs land. SSE-S3, because
 * ALB and CloudFront log delivery cannot write with a customer managed key.
 */
export class LogBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: props.acceptsCloudFrontLogs
        ? ObjectOwnership.BUCKET_OWNER_PREFERRED
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.expireAfterDays) }],
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access-log destination; logging its own access would log the log writes',
    });
  }
}
