import { dynamoTableName, type ServiceEntry } from '@what-if/catalog';
import { Aws, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { objectStorageUsers } from '../catalog/object-storage';
import type { EnvironmentConfig } from '../config/environment-config';
import { dynamoTablePrefix, videoBucketName } from '../config/naming';
import { videoJobsFailed } from '../observability/video-job-metric';

export interface TaskPermissionsProps {
  readonly config: EnvironmentConfig;
  readonly entry: ServiceEntry;
  readonly role: IRole;
  readonly dataKeyArn: string;
}

const dynamoDataActions = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];

const objectActions = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'];

/** What the data key must allow for DynamoDB and S3 to encrypt and decrypt on the task's behalf. */
const dataKeyActions = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

/**
 * The task role of one service: its own tables (named, not referenced, so the policy reads
 * as the exact tables and their indexes), the video bucket for object-storage users, and
 * the failed-jobs metric for its publisher. Nothing else: secrets go to the execution role.
 */
export function grantTaskPermissions(scope: Construct, props: TaskPermissionsProps): void {
  const { config, entry, role } = props;
  const stack = Stack.of(scope);
  let usesDataKey = false;

  if (entry.dynamoTables.length > 0) {
    const resources = entry.dynamoTables.flatMap((table) => {
      const tableArn = stack.formatArn({
        service: 'dynamodb',
        resource: 'table',
        resourceName: dynamoTableName(dynamoTablePrefix(config.name), table.name),
      });
      return [tableArn, ...(table.globalIndexes ?? []).map((index) => `${tableArn}/index/${index.name}`)];
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'OwnTables', actions: dynamoDataActions, resources }),
    );
    usesDataKey = true;
  }

  if (objectStorageUsers.includes(entry.name)) {
    const bucketArn = `arn:${Aws.PARTITION}:s3:::${videoBucketName(config.name)}`;
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'VideoObjects', actions: objectActions, resources: [`${bucketArn}/*`] }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'VideoBucket', actions: ['s3:ListBucket'], resources: [bucketArn] }),
    );
    usesDataKey = true;
  }

  if (usesDataKey) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'DataKey', actions: dataKeyActions, resources: [props.dataKeyArn] }),
    );
  }

  if (entry.name === videoJobsFailed.publisher) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'FailedJobsMetric',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': videoJobsFailed.namespace } },
      }),
    );
  }
}
