import { awsPermissions, type ConfiguredEnv, type ServiceEntry } from '@what-if/catalog';
import { Aws, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { EnvironmentConfig } from '../config/environment-config';
import { videoBucketName } from '../config/naming';
import { videoJobsFailed } from '../observability/video-job-metric';

export interface TaskPermissionsProps {
  readonly config: EnvironmentConfig;
  readonly entry: ServiceEntry;
  readonly role: IRole;
  /** The container's plain environment: it names the resources the service calls. */
  readonly environment: ConfiguredEnv;
  readonly dataKeyArn: string;
  /** The task publishes the worker's CloudWatch metrics (queue depth, failed jobs): the video worker's. */
  readonly publishesWorkerMetrics?: boolean;
}

const objectActions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'];

/** What the data key must allow for DynamoDB and S3 to encrypt and decrypt on the task's behalf. */
const dataKeyActions = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

/**
 * The task role of one service: what the catalog's awsPermissions() derives from the service's
 * tables, its awsApis and its configuration (own tables and indexes by name, the SES identity
 * it sends as, the Bedrock model it invokes), the video bucket for the catalog's object-storage users, and
 * the failed-jobs metric for its publisher. Nothing else: secrets go to the execution role.
 * Answers whether it granted anything (a service that calls no AWS API gets nothing).
 */
export function grantTaskPermissions(props: TaskPermissionsProps): boolean {
  const { config, entry, role } = props;
  let usesDataKey = entry.dynamoTables.length > 0;
  let granted = false;

  const stack = Stack.of(role);
  const account = { partition: stack.partition, accountId: stack.account };
  for (const permission of awsPermissions(entry.name, props.environment, account)) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: permission.sid,
        actions: [...permission.actions],
        resources: [...permission.resources],
      }),
    );
    granted = true;
  }

  if (entry.objectStorage) {
    const bucketArn = `arn:${Aws.PARTITION}:s3:::${videoBucketName(config.name)}`;
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'VideoObjects', actions: objectActions, resources: [`${bucketArn}/*`] }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'VideoBucket', actions: ['s3:ListBucket'], resources: [bucketArn] }),
    );
    usesDataKey = true;
    granted = true;
  }

  if (usesDataKey) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'DataKey', actions: dataKeyActions, resources: [props.dataKeyArn] }),
    );
    granted = true;
  }

  if (props.publishesWorkerMetrics && entry.name === videoJobsFailed.publisher) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'FailedJobsMetric',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': videoJobsFailed.namespace } },
      }),
    );
    granted = true;
  }
  return granted;
}
